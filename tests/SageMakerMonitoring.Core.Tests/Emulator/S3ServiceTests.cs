using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class S3ServiceTests : IClassFixture<EmulatorFixture>, IDisposable
    {
        private readonly EmulatorFixture _fixture;
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "s3-tests-" + Guid.NewGuid().ToString("N"));

        public S3ServiceTests(EmulatorFixture fixture)
        {
            _fixture = fixture;
            Directory.CreateDirectory(_directory);
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public async Task PutGetHeadListDeleteThroughTheCli()
        {
            await _fixture.ResetAsync("empty");
            (await _fixture.AwsAsync("s3api", "create-bucket", "--bucket", "archive-bucket")).EnsureSuccess();
            string file = Path.Combine(_directory, "in.txt");
            await File.WriteAllTextAsync(file, "hello world");
            foreach (string key in new[] { "a/one.txt", "a/two words+plus.txt", "b/three.txt" })
                (await _fixture.AwsAsync("s3api", "put-object", "--bucket", "archive-bucket", "--key", key, "--body", file, "--content-type", "text/plain")).EnsureSuccess();

            string output = Path.Combine(_directory, "out.txt");
            JsonNode got = (await _fixture.AwsAsync("s3api", "get-object", "--bucket", "archive-bucket", "--key", "a/two words+plus.txt", output)).EnsureSuccess().Json!;
            Assert.Equal("hello world", await File.ReadAllTextAsync(output));
            Assert.Equal("text/plain", got["ContentType"]!.GetValue<string>());
            Assert.Equal(11, got["ContentLength"]!.GetValue<long>());

            JsonNode head = (await _fixture.AwsAsync("s3api", "head-object", "--bucket", "archive-bucket", "--key", "a/one.txt")).EnsureSuccess().Json!;
            Assert.Equal("\"5eb63bbbe01eeed093cb22bb8f5acdc3\"", head["ETag"]!.GetValue<string>());

            JsonNode page1 = (await _fixture.AwsAsync("s3api", "list-objects-v2", "--bucket", "archive-bucket", "--prefix", "a/", "--max-keys", "1")).EnsureSuccess().Json!;
            Assert.True(page1["IsTruncated"]!.GetValue<bool>());
            Assert.Equal(1, page1["KeyCount"]!.GetValue<int>());
            Assert.Equal("a/one.txt", page1["Contents"]![0]!["Key"]!.GetValue<string>());
            string token = page1["NextContinuationToken"]!.GetValue<string>();
            JsonNode page2 = (await _fixture.AwsAsync("s3api", "list-objects-v2", "--bucket", "archive-bucket", "--prefix", "a/", "--max-keys", "1",
                "--continuation-token", token)).EnsureSuccess().Json!;
            Assert.False(page2["IsTruncated"]!.GetValue<bool>());
            Assert.Equal("a/two words+plus.txt", page2["Contents"]![0]!["Key"]!.GetValue<string>());

            (await _fixture.AwsAsync("s3api", "delete-object", "--bucket", "archive-bucket", "--key", "a/one.txt")).EnsureSuccess();
            AwsCliResult missing = await _fixture.AwsAsync("s3api", "get-object", "--bucket", "archive-bucket", "--key", "a/one.txt", output);
            Assert.Equal("NoSuchKey", missing.ErrorCode);
            AwsCliResult headMissing = await _fixture.AwsAsync("s3api", "head-object", "--bucket", "archive-bucket", "--key", "a/one.txt");
            Assert.Equal("404", headMissing.ErrorCode);
            AwsCliResult noBucket = await _fixture.AwsAsync("s3api", "list-objects-v2", "--bucket", "no-such-bucket");
            Assert.Equal("NoSuchBucket", noBucket.ErrorCode);
        }

        [Fact]
        public async Task DelimiterRollsUpCommonPrefixes()
        {
            await _fixture.ResetAsync("empty");
            await _fixture.PostControlAsync("s3/create-bucket", new JsonObject { ["name"] = "rollup" });
            using AmazonS3Client client = CreateSdkClient();
            foreach (string key in new[] { "x/1", "x/2", "y/1", "z" })
                await client.PutObjectAsync(new PutObjectRequest { BucketName = "rollup", Key = key, ContentBody = key });
            ListObjectsV2Response listing = await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "rollup", Delimiter = "/" });
            Assert.Equal(new[] { "x/", "y/" }, listing.CommonPrefixes);
            Assert.Equal(new[] { "z" }, listing.S3Objects.Select(o => o.Key));
        }

        [Fact]
        public async Task SdkChunkedUploadWithChecksumIsDecoded()
        {
            await _fixture.ResetAsync("empty");
            using AmazonS3Client client = CreateSdkClient();
            await client.PutBucketAsync(new PutBucketRequest { BucketName = "sdk-bucket" });
            byte[] payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("0123456789abcdef", 20000)));
            await client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = "sdk-bucket", Key = "big/part-0001.jsonl", InputStream = new MemoryStream(payload),
                ChecksumAlgorithm = ChecksumAlgorithm.CRC32,
            });
            using GetObjectResponse response = await client.GetObjectAsync("sdk-bucket", "big/part-0001.jsonl");
            using var copy = new MemoryStream();
            await response.ResponseStream.CopyToAsync(copy);
            Assert.Equal(payload, copy.ToArray());
        }

        private AmazonS3Client CreateSdkClient() =>
            new AmazonS3Client(new BasicAWSCredentials(CredentialStore.DefaultAccessKeyId, CredentialStore.DefaultSecretAccessKey),
                new AmazonS3Config { ServiceURL = _fixture.Url, ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
    }
}
