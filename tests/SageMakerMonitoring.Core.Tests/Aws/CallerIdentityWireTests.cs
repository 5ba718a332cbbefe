using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>STS GetCallerIdentity through the SDK's STS client against the emulator, whose answer the AWS CLI reads
    /// the same way; the emulator maps each access key to its account, and the module asks once per credentials.</summary>
    public sealed class CallerIdentityWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public CallerIdentityWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public async Task The_account_of_the_credentials_is_what_the_aws_cli_reads()
        {
            var calls = new List<AwsCallRecord>();
            using var factory = EmulatorWireClients.Create(_emulator, calls);
            var account = await factory.CreateCallerIdentity().GetAccountAsync(CancellationToken.None);

            var cli = (await _emulator.AwsAsync("sts", "get-caller-identity")).EnsureSuccess().Json!;
            Assert.Equal(cli["Account"]!.GetValue<string>(), account);
            Assert.Equal("123456789012", account);
        }

        [Fact]
        public async Task A_key_of_another_account_answers_that_account_and_each_key_is_asked_once()
        {
            const string key = "AKIAFLEETIDENTITY001";
            const string secret = "fleet-identity-secret-0000000000000000001";
            await _emulator.PostControlAsync("keys", new JsonObject { ["accessKeyId"] = key, ["secretAccessKey"] = secret, ["accountId"] = "210987654321" });
            var calls = new List<AwsCallRecord>();
            using var factory = EmulatorWireClients.Create(_emulator, calls, secret, accessKey: key);
            var identity = factory.CreateCallerIdentity();

            Assert.Equal("210987654321", await identity.GetAccountAsync(CancellationToken.None));
            Assert.Equal("210987654321", await identity.GetAccountAsync(CancellationToken.None));
            using var again = EmulatorWireClients.Create(_emulator, calls, secret, accessKey: key);
            Assert.Equal("210987654321", await again.CreateCallerIdentity().GetAccountAsync(CancellationToken.None));
            Assert.Single(calls, c => c.Service == "STS" && c.Operation == "GetCallerIdentity");
        }

        [Fact]
        public async Task Credentials_sts_refuses_leave_the_account_unknown_without_failing()
        {
            var calls = new List<AwsCallRecord>();
            using var factory = EmulatorWireClients.Create(_emulator, calls, "not-the-secret", accessKey: "AKIAFLEETUNKNOWN0001");
            Assert.Null(await factory.CreateCallerIdentity().GetAccountAsync(CancellationToken.None));
            Assert.Contains(calls, c => c.Service == "STS" && c.StatusCode == 403);
        }

        [Fact]
        public async Task An_sts_that_never_answers_leaves_the_account_unknown_and_is_not_waited_for_again()
        {
            // Accepts connections and never answers, as an STS endpoint behind a network that drops the traffic.
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            var held = new List<TcpClient>();
            var accepting = Task.Run(async () =>
            {
                try { while (true) held.Add(await silent.AcceptTcpClientAsync()); }
                catch (Exception) { /* listener stopped */ }
            });
            try
            {
                var calls = new List<AwsCallRecord>();
                using var factory = new AwsClientFactory(new AwsClientOptions
                {
                    Region = "us-east-1",
                    AccessKey = "AKIAFLEETSILENTSTS01",
                    SecretKey = "silent-sts-secret-000000000000000000000001",
                    EndpointUrl = "http://127.0.0.1:" + ((IPEndPoint)silent.LocalEndpoint).Port,
                    CallLogger = calls.Add,
                });
                var identity = factory.CreateCallerIdentity();

                Assert.Null(await identity.GetAccountAsync(CancellationToken.None));
                Assert.Single(calls, c => c.Service == "STS");
                // Kept as a failure: the next cmdlet does not wait for STS again.
                Assert.Null(await identity.GetAccountAsync(CancellationToken.None));
                Assert.Single(calls, c => c.Service == "STS");
            }
            finally
            {
                silent.Stop();
                foreach (var client in held) client.Dispose();
                await accepting;
            }
        }
    }
}
