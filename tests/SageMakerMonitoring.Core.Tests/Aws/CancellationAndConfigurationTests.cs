using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class CancellationAndConfigurationTests
    {
        /// <summary>A loopback listener that accepts connections and reads requests but never answers.</summary>
        private sealed class SilentServer : IDisposable
        {
            private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly List<TcpClient> _clients = new List<TcpClient>();
            private readonly CancellationTokenSource _stop = new CancellationTokenSource();

            public SilentServer()
            {
                _listener.Start();
                _ = Task.Run(async () =>
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        try
                        {
                            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                            lock (_clients) _clients.Add(client);
                            var buffer = new byte[8192];
                            _ = client.GetStream().ReadAsync(buffer, 0, buffer.Length, _stop.Token);
                        }
                        catch (Exception)
                        {
                            return;
                        }
                    }
                });
            }

            public string Url => "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

            public void Dispose()
            {
                _stop.Cancel();
                _listener.Stop();
                lock (_clients) foreach (TcpClient client in _clients) client.Dispose();
            }
        }

        [Fact]
        public async Task Cancelling_the_token_aborts_an_in_flight_call_promptly()
        {
            using var server = new SilentServer();
            var calls = new List<AwsCallRecord>();
            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = server.Url,
                Credentials = new BasicAWSCredentials(MotoClients.AccessKey, MotoClients.SecretKey),
                CallLogger = r => { lock (calls) calls.Add(r); },
            });
            ICloudWatchLogsClient logs = factory.CreateCloudWatchLogs();
            using var cancel = new CancellationTokenSource();
            Task<LogGroupPage> call = logs.DescribeLogGroupsAsync(null, null, null, cancel.Token);
            await Task.Delay(500);
            Assert.False(call.IsCompleted);
            Stopwatch watch = Stopwatch.StartNew();
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            // The server never answers and the SDK's own timeout is 100 s: ending well inside 20 s, even on a loaded
            // machine, means the cancellation reached the connection.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "cancellation took " + watch.Elapsed);
            AwsCallRecord record = Assert.Single(calls);
            Assert.Equal("DescribeLogGroups", record.Operation);
            Assert.Equal("Cancelled", record.ErrorCode);
        }

        [Fact]
        public void Unknown_profile_raises_AwsConfigurationException_that_says_how_to_fix_it()
        {
            using var factory = new AwsClientFactory(new AwsClientOptions { ProfileName = "smm-no-such-profile-" + Guid.NewGuid().ToString("N"), Region = "us-east-1" });
            AwsConfigurationException error = Assert.Throws<AwsConfigurationException>(() => factory.CreateCloudWatch());
            Assert.Contains("smm-no-such-profile-", error.Message);
            Assert.Contains("aws configure", error.Message);
            Assert.Contains("-ProfileName", error.Message);
        }

        [Fact]
        public void Explicit_region_wins_and_is_reported()
        {
            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "ap-southeast-2",
                Credentials = new BasicAWSCredentials(MotoClients.AccessKey, MotoClients.SecretKey),
            });
            Assert.Equal("ap-southeast-2", factory.Region);
            Assert.Same(factory.CreateCloudWatch(), factory.CreateCloudWatch());
        }

        [Fact]
        public void Explicit_endpoint_wins_over_environment()
        {
            using var factory = new AwsClientFactory(new AwsClientOptions { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:1" });
            Assert.Equal("http://127.0.0.1:1", factory.ResolveEndpoint("AWS_ENDPOINT_URL_CLOUDWATCH"));
        }
    }
}
