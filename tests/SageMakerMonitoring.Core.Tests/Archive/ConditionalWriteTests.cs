using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using static SageMakerMonitoring.Core.Tests.Archive.ArchiveTestSupport;

namespace SageMakerMonitoring.Core.Tests.Archive
{
    /// <summary>The S3 conditional requests the archive's lock and checkpoint rely on, through AWSSDK.S3 to the emulator.</summary>
    [Collection("Archive")]
    public class ConditionalWriteTests : IClassFixture<ArchiveEmulatorFixture>
    {
        private readonly ArchiveEmulatorFixture _emulator;

        public ConditionalWriteTests(ArchiveEmulatorFixture emulator) => _emulator = emulator;

        private static MemoryStream Body(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

        [Fact]
        public async Task IfNoneMatchCreatesOnceAndIfMatchReplacesOnlyThatVersion()
        {
            await _emulator.ResetAsync("empty");
            await _emulator.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "cond" });
            var s3 = Clients(_emulator.Url).CreateObjectStore();
            var ct = CancellationToken.None;

            var first = await s3.PutObjectConditionalAsync("cond", "k", Body("one"), null, "*", ct);
            Assert.False(string.IsNullOrEmpty(first));
            Assert.Null(await s3.PutObjectConditionalAsync("cond", "k", Body("two"), null, "*", ct));

            Assert.Null(await s3.PutObjectConditionalAsync("cond", "k", Body("three"), "\"0123\"", null, ct));
            var second = await s3.PutObjectConditionalAsync("cond", "k", Body("four"), first, null, ct);
            Assert.NotNull(second);
            Assert.NotEqual(first, second);
            var content = await s3.GetObjectContentAsync("cond", "k", ct);
            Assert.Equal("four", Encoding.UTF8.GetString(content!.Data));
            Assert.Equal(second, content.ETag);

            // If-Match on a missing key does not create it.
            Assert.Null(await s3.PutObjectConditionalAsync("cond", "missing", Body("x"), first, null, ct));
            Assert.Null(await s3.HeadObjectAsync("cond", "missing", ct));

            Assert.False(await s3.DeleteObjectIfMatchAsync("cond", "k", first!, ct));
            Assert.NotNull(await s3.HeadObjectAsync("cond", "k", ct));
            Assert.True(await s3.DeleteObjectIfMatchAsync("cond", "k", second!, ct));
            Assert.Null(await s3.HeadObjectAsync("cond", "k", ct));
        }
    }
}
