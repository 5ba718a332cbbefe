using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>The object store client (S3 REST, SigV4 incl. chunked uploads) against the emulator over HTTP.</summary>
    public sealed class EmulatorObjectStoreWireTests : IClassFixture<EmulatorFixture>
    {
        private readonly EmulatorFixture _emulator;

        public EmulatorObjectStoreWireTests(EmulatorFixture emulator)
        {
            _emulator = emulator;
        }

        [Fact]
        public async Task Put_get_head_list_and_delete_round_trip()
        {
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "wire-archive" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IObjectStoreClient client = factory.CreateObjectStore();
            DateTime before = DateTime.UtcNow.AddSeconds(-2);

            byte[] body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"t\":1,\"v\":0.5}\n", 20_000)));
            using (var stream = new MemoryStream(body)) await client.PutObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", stream, CancellationToken.None);
            using (var stream = new MemoryStream(Encoding.UTF8.GetBytes("manifest"))) await client.PutObjectAsync("wire-archive", "manifest.json", stream, CancellationToken.None);

            byte[]? read = await client.GetObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", CancellationToken.None);
            Assert.Equal(body, read);

            ObjectInfo? head = await client.HeadObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", CancellationToken.None);
            Assert.NotNull(head);
            Assert.Equal(body.Length, head!.Size);
            Assert.InRange(head.LastModified, before, DateTime.UtcNow.AddSeconds(2));
            Assert.False(string.IsNullOrEmpty(head.ETag));

            ObjectListPage listed = await client.ListObjectsAsync("wire-archive", "metrics/", null, CancellationToken.None);
            ObjectInfo entry = Assert.Single(listed.Objects);
            Assert.Equal("metrics/2026/11/28/part 1.jsonl", entry.Key);
            Assert.Equal(body.Length, entry.Size);
            Assert.Null(listed.NextContinuationToken);
            Assert.Equal(2, (await client.ListObjectsAsync("wire-archive", null, null, CancellationToken.None)).Objects.Count);

            await client.DeleteObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", CancellationToken.None);
            Assert.Null(await client.GetObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", CancellationToken.None));
            Assert.Null(await client.HeadObjectAsync("wire-archive", "metrics/2026/11/28/part 1.jsonl", CancellationToken.None));
            Assert.Equal("manifest.json", Assert.Single((await client.ListObjectsAsync("wire-archive", null, null, CancellationToken.None)).Objects).Key);

            AwsServiceException noBucket = await Assert.ThrowsAsync<AwsServiceException>(() =>
                client.GetObjectAsync("no-such-bucket", "k", CancellationToken.None));
            Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
            Assert.Equal(404, noBucket.StatusCode);
            Assert.Equal("S3", noBucket.Service);
        }

        [Fact]
        public async Task ListObjects_pages_with_a_continuation_token()
        {
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "wire-paging" });
            using AwsClientFactory factory = EmulatorWireClients.Create(_emulator);
            IObjectStoreClient client = factory.CreateObjectStore();
            const int count = 1003;
            using (var gate = new SemaphoreSlim(8))
            {
                await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        using var stream = new MemoryStream(new[] { (byte)(i % 251) });
                        await client.PutObjectAsync("wire-paging", $"p/{i:D5}", stream, CancellationToken.None);
                    }
                    finally { gate.Release(); }
                }));
            }

            var keys = new List<string>();
            string? token = null;
            int pages = 0;
            do
            {
                ObjectListPage page = await client.ListObjectsAsync("wire-paging", "p/", token, CancellationToken.None);
                keys.AddRange(page.Objects.Select(o => o.Key));
                token = page.NextContinuationToken;
                pages++;
            }
            while (token != null && pages < 5);
            Assert.Equal(2, pages);
            Assert.Equal(Enumerable.Range(0, count).Select(i => $"p/{i:D5}"), keys);
        }
    }
}
