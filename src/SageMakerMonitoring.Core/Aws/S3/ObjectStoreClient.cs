using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.S3
{
    /// <summary>The archive's S3 operations over the SDK's own S3 client (rest-xml, SigV4, retries).</summary>
    internal sealed class ObjectStoreClient : IObjectStoreClient, IDisposable
    {
        private readonly RecordingS3Client _s3;

        public ObjectStoreClient(AWSCredentials? credentials, RegionEndpoint region, string? endpointUrl, int? maxAttempts, Action<AwsCallRecord>? callLogger, Action<AwsAttemptNotice>? attemptNotice = null, TimeSpan? throttlingWarningAfter = null)
        {
            var config = new AmazonS3Config
            {
                // Checksums only where S3 requires them: no aws-chunked trailers, which S3-compatible stores vary on.
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            };
            if (endpointUrl != null)
            {
                config.ServiceURL = endpointUrl;
                config.ForcePathStyle = true;
            }
            else
            {
                config.RegionEndpoint = region;
            }
            config.AuthenticationRegion = region.SystemName;
            if (maxAttempts.HasValue)
            {
                config.MaxErrorRetry = Math.Max(0, maxAttempts.Value - 1);
            }
            _s3 = new RecordingS3Client(credentials, config, region.SystemName, callLogger, attemptNotice, throttlingWarningAfter);
        }

        public async Task PutObjectAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false };
            await Call("PutObject", () => _s3.PutObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<byte[]?> GetObjectAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            try
            {
                using (GetObjectResponse response = await Call("GetObject",
                    () => _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken), cancellationToken).ConfigureAwait(false))
                using (var copy = new MemoryStream(response.ContentLength > 0 && response.ContentLength < int.MaxValue ? (int)response.ContentLength : 0))
                {
                    await response.ResponseStream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
                    return copy.ToArray();
                }
            }
            catch (AwsServiceException e) when (IsNotFound(e))
            {
                return null;
            }
        }

        public async Task<ObjectInfo?> HeadObjectAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            try
            {
                GetObjectMetadataResponse response = await Call("HeadObject",
                    () => _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken), cancellationToken).ConfigureAwait(false);
                DateTime modified = response.LastModified ?? default;
                return new ObjectInfo(key, response.ContentLength, modified.Kind == DateTimeKind.Local ? modified.ToUniversalTime() : modified, response.ETag);
            }
            catch (AwsServiceException e) when (IsNotFound(e))
            {
                return null;
            }
        }

        public async Task<ObjectListPage> ListObjectsAsync(string bucket, string? prefix, string? continuationToken, CancellationToken cancellationToken)
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = continuationToken };
            ListObjectsV2Response response = await Call("ListObjectsV2", () => _s3.ListObjectsV2Async(request, cancellationToken), cancellationToken).ConfigureAwait(false);
            var objects = new List<ObjectInfo>(response.S3Objects?.Count ?? 0);
            if (response.S3Objects != null)
            {
                foreach (S3Object item in response.S3Objects)
                {
                    DateTime modified = item.LastModified ?? default;
                    objects.Add(new ObjectInfo(item.Key, item.Size ?? 0, modified.Kind == DateTimeKind.Local ? modified.ToUniversalTime() : modified, item.ETag));
                }
            }
            return new ObjectListPage
            {
                Objects = objects,
                NextContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null,
            };
        }

        public async Task DeleteObjectAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            await Call("DeleteObject", () => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        public async Task<string?> PutObjectConditionalAsync(string bucket, string key, Stream content, string? ifMatch, string? ifNoneMatch, CancellationToken cancellationToken)
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false };
            if (ifMatch != null) request.IfMatch = ifMatch;
            if (ifNoneMatch != null) request.IfNoneMatch = ifNoneMatch;
            try
            {
                PutObjectResponse response = await Call("PutObject", () => _s3.PutObjectAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
                return response.ETag ?? "";
            }
            catch (AwsServiceException e) when (IsConditionFailure(e) || (ifMatch != null && IsNotFound(e)))
            {
                return null;
            }
        }

        public async Task<ObjectContent?> GetObjectContentAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            try
            {
                using (GetObjectResponse response = await Call("GetObject",
                    () => _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken), cancellationToken).ConfigureAwait(false))
                using (var copy = new MemoryStream(response.ContentLength > 0 && response.ContentLength < int.MaxValue ? (int)response.ContentLength : 0))
                {
                    await response.ResponseStream.CopyToAsync(copy, 81920, cancellationToken).ConfigureAwait(false);
                    return new ObjectContent(copy.ToArray(), response.ETag);
                }
            }
            catch (AwsServiceException e) when (IsNotFound(e))
            {
                return null;
            }
        }

        public async Task<bool> DeleteObjectIfMatchAsync(string bucket, string key, string ifMatch, CancellationToken cancellationToken)
        {
            try
            {
                await Call("DeleteObject", () => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key, IfMatch = ifMatch }, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (AwsServiceException e) when (IsConditionFailure(e) || IsNotFound(e))
            {
                return false;
            }
        }

        private static bool IsConditionFailure(AwsServiceException e) =>
            e.StatusCode == (int)HttpStatusCode.PreconditionFailed || e.ErrorCode == "PreconditionFailed" || e.ErrorCode == "ConditionalRequestConflict";

        public void Dispose()
        {
            _s3.Dispose();
        }

        private static bool IsNotFound(AwsServiceException e)
        {
            return e.StatusCode == (int)HttpStatusCode.NotFound && e.ErrorCode != "NoSuchBucket";
        }

        private static async Task<T> Call<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (AwsExceptionTranslator.Translate("S3", operation, e, cancellationToken) is Exception translated)
            {
                throw translated;
            }
        }
    }
}
