using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>
    /// The SDK's retry policy classifies the module's error answers: a loopback HTTP server answers the first calls with
    /// the service's throttling error and then succeeds. (The emulator's faults route covers the same with SigV4
    /// verification once it is available.)
    /// </summary>
    public sealed class RetryTests
    {
        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static async Task Serve(HttpListener listener, Func<int, HttpListenerContext, byte[]> answer, CancellationToken stop)
        {
            int count = 0;
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception)
                {
                    return;
                }
                byte[] body = answer(++count, context);
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body, 0, body.Length);
                context.Response.Close();
            }
        }

        [Fact]
        public async Task Throttled_calls_are_retried_by_the_sdk_and_the_call_record_counts_the_retries()
        {
            int port = FreePort();
            using var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            using var stop = new CancellationTokenSource();
            var targets = new List<string>();
            var authorizations = new List<string>();
            Task server = Serve(listener, (n, context) =>
            {
                lock (targets)
                {
                    targets.Add(context.Request.Headers["X-Amz-Target"] ?? "");
                    authorizations.Add(context.Request.Headers["Authorization"] ?? "");
                }
                context.Response.ContentType = "application/x-amz-json-1.1";
                context.Response.Headers["x-amzn-RequestId"] = "req-" + n;
                if (n <= 2)
                {
                    context.Response.StatusCode = 400;
                    return Encoding.UTF8.GetBytes("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
                }
                context.Response.StatusCode = 200;
                return Encoding.UTF8.GetBytes("{\"Rules\":[{\"Name\":\"r1\",\"State\":\"ENABLED\"}]}");
            }, stop.Token);

            var calls = new List<AwsCallRecord>();
            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "eu-central-1",
                EndpointUrl = "http://127.0.0.1:" + port,
                Credentials = new SessionAWSCredentials(MotoClients.AccessKey, MotoClients.SecretKey, "SESSIONTOKEN-abc123"),
                CallLogger = r => { lock (calls) calls.Add(r); },
                MaxAttempts = 4,
            });
            RulePage page = await factory.CreateEventBridge().ListRulesAsync(null, null, null, null, CancellationToken.None);
            stop.Cancel();
            listener.Stop();

            Assert.Equal("r1", Assert.Single(page.Rules).Name);
            Assert.Equal(3, targets.Count);
            Assert.All(targets, t => Assert.Equal("AWSEvents.ListRules", t));
            Assert.All(authorizations, a => Assert.Contains("/eu-central-1/events/aws4_request", a));
            AwsCallRecord record = Assert.Single(calls);
            Assert.Equal(2, record.Retries);
            Assert.Equal(200, record.StatusCode);
            Assert.Equal("req-3", record.RequestId);
            Assert.Null(record.ErrorCode);
            Assert.DoesNotContain(MotoClients.SecretKey, record.ToString());
            Assert.DoesNotContain("SESSIONTOKEN", record.ToString());
        }

        [Fact]
        public async Task Persistent_throttling_surfaces_as_AwsServiceException_after_the_allowed_attempts()
        {
            int port = FreePort();
            using var listener = new HttpListener();
            listener.Prefixes.Add("http://127.0.0.1:" + port + "/");
            listener.Start();
            using var stop = new CancellationTokenSource();
            int attempts = 0;
            Task server = Serve(listener, (n, context) =>
            {
                Interlocked.Increment(ref attempts);
                context.Response.StatusCode = 400;
                context.Response.Headers["x-amzn-RequestId"] = "req-" + n;
                context.Response.Headers["x-amzn-query-error"] = "Throttling;Sender";
                context.Response.ContentType = "application/x-amz-json-1.0";
                return Encoding.UTF8.GetBytes("{\"__type\":\"com.amazonaws.cloudwatch#ThrottlingException\",\"message\":\"Rate exceeded\"}");
            }, stop.Token);

            var calls = new List<AwsCallRecord>();
            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = "http://127.0.0.1:" + port,
                Credentials = new BasicAWSCredentials(MotoClients.AccessKey, MotoClients.SecretKey),
                CallLogger = r => { lock (calls) calls.Add(r); },
                MaxAttempts = 2,
            });
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest(), CancellationToken.None));
            stop.Cancel();
            listener.Stop();

            Assert.Equal("Throttling", error.ErrorCode); // the query-compatible code from x-amzn-query-error
            Assert.Equal("CloudWatch", error.Service);
            Assert.Equal("ListMetrics", error.Operation);
            Assert.Equal(400, error.StatusCode);
            Assert.Equal("req-2", error.RequestId);
            Assert.Equal("Rate exceeded", error.Message);
            Assert.Equal(2, attempts);
            AwsCallRecord record = Assert.Single(calls);
            Assert.Equal(1, record.Retries);
            Assert.Equal("Throttling", record.ErrorCode);
        }
    }
}
