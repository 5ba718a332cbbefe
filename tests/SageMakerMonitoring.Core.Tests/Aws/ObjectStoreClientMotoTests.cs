using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    public sealed class ObjectStoreClientMotoTests : IClassFixture<MotoServer>
    {
        private readonly MotoServer _moto;

        public ObjectStoreClientMotoTests(MotoServer moto)
        {
            _moto = moto;
        }

        [MotoFact]
        public async Task Put_Get_Head_List_and_Delete_round_trip_and_missing_objects_are_null()
        {
            string bucket = "smm-archive-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            await AwsCliProcess.RunAsync(_moto.Url, "s3api", "create-bucket", "--bucket", bucket);
            var calls = new System.Collections.Generic.List<AwsCallRecord>();
            using AwsClientFactory factory = MotoClients.Factory(_moto, calls);
            IObjectStoreClient store = factory.CreateObjectStore();

            byte[] content = Encoding.UTF8.GetBytes("{\"metric\":\"CPUUtilization\"}\n");
            for (int i = 0; i < 3; i++)
            {
                using var stream = new MemoryStream(content);
                await store.PutObjectAsync(bucket, "metrics/2026/11/part-" + i + ".jsonl", stream, CancellationToken.None);
            }
            await store.PutObjectAsync(bucket, "other/x", new MemoryStream(content), CancellationToken.None);

            Assert.Equal(content, await store.GetObjectAsync(bucket, "metrics/2026/11/part-1.jsonl", CancellationToken.None));
            ObjectInfo? head = await store.HeadObjectAsync(bucket, "metrics/2026/11/part-2.jsonl", CancellationToken.None);
            Assert.NotNull(head);
            Assert.Equal(content.Length, head!.Size);
            Assert.Equal(DateTimeKind.Utc, head.LastModified.Kind);

            ObjectListPage list = await store.ListObjectsAsync(bucket, "metrics/", null, CancellationToken.None);
            Assert.Equal(new[] { "metrics/2026/11/part-0.jsonl", "metrics/2026/11/part-1.jsonl", "metrics/2026/11/part-2.jsonl" }, list.Objects.Select(o => o.Key));
            Assert.Null(list.NextContinuationToken);

            await store.DeleteObjectAsync(bucket, "metrics/2026/11/part-0.jsonl", CancellationToken.None);
            Assert.Null(await store.GetObjectAsync(bucket, "metrics/2026/11/part-0.jsonl", CancellationToken.None));
            Assert.Null(await store.HeadObjectAsync(bucket, "metrics/2026/11/part-0.jsonl", CancellationToken.None));

            Assert.Contains(calls, c => c.Service == "S3" && c.Operation == "PutObject" && c.StatusCode == 200);
            Assert.Contains(calls, c => c.Service == "S3" && c.StatusCode == 404);
            Assert.All(calls, c => Assert.DoesNotContain(MotoClients.SecretKey, c.ToString()));
        }

        [MotoFact]
        public async Task Missing_bucket_raises_AwsServiceException()
        {
            using AwsClientFactory factory = MotoClients.Factory(_moto);
            AwsServiceException error = await Assert.ThrowsAsync<AwsServiceException>(() =>
                factory.CreateObjectStore().ListObjectsAsync("no-such-bucket-" + Guid.NewGuid().ToString("N").Substring(0, 8), null, null, CancellationToken.None));
            Assert.Equal("NoSuchBucket", error.ErrorCode);
            Assert.Equal("S3", error.Service);
            Assert.Equal(404, error.StatusCode);
        }
    }
}
