using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Protocols;
using SageMakerMonitoring.Emulator.Services.CloudWatch;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// The path the cmdlets take: the module's CloudWatch client (awsJson over the AWS SDK's HTTP with SigV4) reading
    /// the benchmark workload (864,000 datapoints in 9 GetMetricData pages) from a loopback emulator, in datapoints/s. Baseline:
    /// the same pages served by the emulated service in process (request parse, service, answer written), so the
    /// ratio is what HTTP, signing and the client's reader cost on top of producing the answers.
    /// </summary>
    public sealed class ClientHttpMetricDataBench : IBenchEntry
    {
        private const int Rounds = 2;
        private const int Pages = 9;
        private const string Namespace = "/aws/sagemaker/TrainingJobs";
        private static readonly string[] Metrics = { "CPUUtilization", "MemoryUtilization", "GPUUtilization", "GPUMemoryUtilization", "DiskUtilization" };
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { SkipValidation = true };
        private static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        public string Name => "core-client-getmetricdata-http";

        public BenchFigure Run() => RunAsync().GetAwaiter().GetResult();

        private async Task<BenchFigure> RunAsync()
        {
            await using EmulatorServer server = await EmulatorServer.StartAsync(new EmulatorOptions { Port = 0, Seed = "empty" }).ConfigureAwait(false);
            server.Context.Clock.Freeze(Now);
            var service = server.GetService<CloudWatchService>();
            service.TryControl("synthetic", JsonNode.Parse(
                $"{{\"namespace\":\"{Namespace}\",\"jobName\":\"bench-train\",\"hosts\":16,\"metrics\":[{string.Join(",", Metrics.Select(m => $"\"{m}\""))}]," +
                $"\"seconds\":10800,\"resolution\":1,\"end\":\"{Now:yyyy-MM-ddTHH:mm:ssZ}\"}}")!.AsObject(), out _);

            using var factory = new AwsClientFactory(new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = server.Url,
                Credentials = new BasicAWSCredentials(CredentialStore.DefaultAccessKeyId, CredentialStore.DefaultSecretAccessKey),
            });
            ICloudWatchClient client = factory.CreateCloudWatch();
            var queries = (from host in Enumerable.Range(1, 16)
                           from metric in Metrics
                           select new MetricDataQuery($"h{host}_{metric.ToLowerInvariant()}",
                               new MetricIdentity(Namespace, metric, new[] { new MetricDimension("Host", $"bench-train/algo-{host}") }), 1, "Average")).ToList();
            string queriesJson = string.Join(",", queries.Select(q =>
                $"{{\"Id\":\"{q.Id}\",\"MetricStat\":{{\"Metric\":{{\"Namespace\":\"{Namespace}\",\"MetricName\":\"{q.Metric.MetricName}\"," +
                $"\"Dimensions\":[{{\"Name\":\"Host\",\"Value\":\"{q.Metric.Dimensions[0].Value}\"}}]}},\"Period\":1,\"Stat\":\"Average\"}}}}"));
            DateTime start = Now.AddHours(-3);
            long startEpoch = new DateTimeOffset(start).ToUnixTimeSeconds(), endEpoch = new DateTimeOffset(Now).ToUnixTimeSeconds();

            long viaClient = 0, inProcess = 0;
            var buffer = new ArrayBufferWriter<byte>(8 << 20);
            var (http, local) = InterleavedRounds.Best(Rounds,
                () => viaClient = ReadThroughClientAsync().GetAwaiter().GetResult(),
                () => inProcess = ServeInProcess());
            if (viaClient != inProcess || viaClient != 864_000)
                throw new InvalidOperationException($"The client read {viaClient} datapoints, the service served {inProcess}.");
            return new BenchFigure(Name, viaClient / http.TotalSeconds, inProcess / local.TotalSeconds, "datapoints/s");

            async Task<long> ReadThroughClientAsync()
            {
                long points = 0;
                string? token = null;
                for (int page = 0; page < Pages; page++)
                {
                    MetricDataPage answer = await client.GetMetricDataAsync(new MetricDataRequest
                    {
                        Queries = queries, StartTime = start, EndTime = Now, ScanAscending = false, NextToken = token,
                    }, CancellationToken.None).ConfigureAwait(false);
                    points += answer.Results.Sum(r => (long)r.Values.Length);
                    token = answer.NextToken;
                    if (token == null) break;
                }
                return points;
            }

            long ServeInProcess()
            {
                long points = 0;
                string? token = null;
                for (int page = 0; page < Pages; page++)
                {
                    string request = $"{{\"MetricDataQueries\":[{queriesJson}],\"StartTime\":{startEpoch},\"EndTime\":{endEpoch}" +
                                     (token == null ? "" : $",\"NextToken\":\"{token}\"") + "}";
                    JsonObject answer = service.Handle("GetMetricData", JsonNode.Parse(request)!.AsObject())!.AsObject();
                    buffer.Clear();
                    using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) JsonProtocolWriter.WriteNode(writer, answer);
                    points += answer["MetricDataResults"]!.AsArray().Sum(r => (long)r!["Values"]!.AsArray().Count);
                    token = answer["NextToken"]?.GetValue<string>();
                    if (token == null) break;
                }
                return points;
            }
        }
    }
}
