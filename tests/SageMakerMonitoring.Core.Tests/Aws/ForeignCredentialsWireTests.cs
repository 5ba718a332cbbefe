using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>Credentials of another AWS SDK copy sign real requests: the emulator verifies each SigV4 signature with
    /// the key pair it knows, so a call succeeds only when the foreign object's keys reached the signer.</summary>
    public sealed class ForeignCredentialsWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public ForeignCredentialsWireTests(EmulatorFixture emulator) => _emulator = emulator;

        private AwsClientFactory Factory(object foreign) => new AwsClientFactory(new AwsClientOptions
        {
            Region = "us-east-1",
            EndpointUrl = _emulator.Url,
            Credentials = AwsCredentialsInput.FromParameter(foreign),
            MaxAttempts = 1,
        });

        private static Task<MetricListPage> ListMetrics(AwsClientFactory factory) =>
            factory.CreateCloudWatch().ListMetricsAsync(new ListMetricsRequest { Namespace = "/aws/sagemaker/TrainingJobs" }, CancellationToken.None);

        [Fact]
        public async Task Foreign_keys_sign_every_call_and_are_asked_for_each_time()
        {
            var foreign = new FakeForeignCredentials(EmulatorWireClients.AccessKey, EmulatorWireClients.SecretKey, EmulatorWireClients.SessionToken);
            using var factory = Factory(foreign);
            await ListMetrics(factory);
            await ListMetrics(factory);
            Assert.True(foreign.Calls >= 2, $"The foreign credentials were asked {foreign.Calls} time(s) for two calls.");
        }

        [Fact]
        public async Task A_foreign_object_that_gives_no_keys_fails_the_call_as_CredentialsUnavailable()
        {
            using var factory = Factory(new FakeForeignCredentials(_ => null));
            var error = await Assert.ThrowsAsync<MonitoringException>(() => ListMetrics(factory));
            Assert.Equal("CredentialsUnavailable", error.ErrorId);
            Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        }

        [Fact]
        public async Task A_wrong_foreign_secret_is_refused_by_the_service()
        {
            var foreign = new FakeForeignCredentials(EmulatorWireClients.AccessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGSECRETKEY");
            using var factory = Factory(foreign);
            var error = await Assert.ThrowsAsync<AwsServiceException>(() => ListMetrics(factory));
            Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        }
    }
}
