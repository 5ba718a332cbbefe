using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>
    /// S3 (REST-XML), path style /{bucket}/{key} or virtual-host style: CreateBucket, HeadBucket, DeleteBucket,
    /// ListBuckets, PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2; PutObject honours If-None-Match/If-Match and
    /// DeleteObject If-Match (conditional writes, checked atomically with the write). The host has already verified SigV4
    /// and decoded aws-chunked bodies. Control action: "buckets" lists buckets and object counts.
    /// </summary>
    public sealed class S3Service : IRestService
    {
        private readonly EmulatorContext _context;
        private readonly ConcurrentDictionary<string, S3Bucket> _buckets = new ConcurrentDictionary<string, S3Bucket>(StringComparer.Ordinal);

        public S3Service(EmulatorContext context)
        {
            _context = context;
        }

        public string SigningName => "s3";

        public string ResolveOperation(RestRequest request)
        {
            (string? bucket, string key) = Locate(request);
            string method = request.Method.ToUpperInvariant();
            if (bucket is null) return method == "GET" ? "ListBuckets" : "UnknownOperation";
            if (key.Length == 0)
            {
                return method switch
                {
                    "PUT" => "CreateBucket",
                    "HEAD" => "HeadBucket",
                    "DELETE" => "DeleteBucket",
                    "GET" => request.Query.TryGetValue("list-type", out string? listType) && listType == "2" ? "ListObjectsV2" : "ListObjects",
                    _ => "UnknownOperation",
                };
            }
            return method switch
            {
                "PUT" => "PutObject",
                "GET" => "GetObject",
                "HEAD" => "HeadObject",
                "DELETE" => "DeleteObject",
                _ => "UnknownOperation",
            };
        }

        public Task HandleAsync(RestRequest request, HttpResponse response)
        {
            (string? bucket, string key) = Locate(request);
            response.Headers["x-amz-request-id"] = request.RequestId;
            response.Headers["x-amz-id-2"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(request.RequestId));
            switch (ResolveOperation(request))
            {
                case "ListBuckets": return ListBucketsAsync(response);
                case "CreateBucket": return CreateBucket(bucket!, response);
                case "HeadBucket":
                    RequireBucket(bucket!);
                    response.StatusCode = 200;
                    return Task.CompletedTask;
                case "DeleteBucket": return DeleteBucket(bucket!, response);
                case "ListObjectsV2": return ListObjectsV2Async(request, RequireBucket(bucket!), response);
                case "PutObject": return PutObject(request, RequireBucket(bucket!), key, response);
                case "GetObject": return GetObjectAsync(RequireBucket(bucket!), key, response, withBody: true);
                case "HeadObject": return GetObjectAsync(RequireBucket(bucket!), key, response, withBody: false);
                case "DeleteObject":
                {
                    S3Bucket target = RequireBucket(bucket!);
                    string? deleteIfMatch = Header(request, "If-Match");
                    if (deleteIfMatch is null) target.Delete(key);
                    else if (!target.DeleteIf(key, deleteIfMatch))
                    {
                        if (target.Get(key) is null) throw NoSuchKey(key);
                        throw PreconditionFailed("If-Match");
                    }
                    response.StatusCode = 204;
                    return Task.CompletedTask;
                }
                default:
                    throw new AwsErrorException("NotImplemented", "A header or query you provided implies functionality that is not implemented.", 501);
            }
        }

        public Task WriteErrorAsync(RestRequest request, HttpResponse response, AwsErrorException error, string requestId)
        {
            response.Headers["x-amz-request-id"] = requestId;
            return S3XmlWriter.WriteErrorAsync(response, request.Method, error, requestId);
        }

        public AwsErrorException ThrottlingError() => new AwsErrorException("SlowDown", "Please reduce your request rate.", 503);

        public void Reset() => _buckets.Clear();

        public void Seed(string seedName)
        {
        }

        /// <summary>"buckets": {"buckets":[{"name":"b","objects":3}]}; "create-bucket": {"name":"b"}; "debugger-system": see
        /// <see cref="DebuggerSystemData"/>.</summary>
        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            switch (action)
            {
                case "buckets":
                    var list = new JsonArray();
                    foreach (S3Bucket bucket in _buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
                        list.Add(new JsonObject { ["name"] = bucket.Name, ["objects"] = bucket.List("", null, null, int.MaxValue).Objects.Count });
                    result = new JsonObject { ["buckets"] = list };
                    return true;
                case "debugger-system":
                    result = DebuggerSystemData.Write(n => _buckets.GetOrAdd(n, b => new S3Bucket(b, _context.Clock.UtcNow)), arguments, _context.Clock.UtcNow);
                    return true;
                case "create-bucket":
                    string name = arguments.GetString("name") ?? throw new AwsErrorException("BadRequest", "name is required.");
                    _buckets.GetOrAdd(name, n => new S3Bucket(n, _context.Clock.UtcNow));
                    result = new JsonObject { ["name"] = name };
                    return true;
                default:
                    result = null;
                    return false;
            }
        }

        private static (string? Bucket, string Key) Locate(RestRequest request)
        {
            if (request.VirtualHostBucket != null) return (request.VirtualHostBucket, request.Path.TrimStart('/'));
            string path = request.Path.TrimStart('/');
            if (path.Length == 0) return (null, "");
            int slash = path.IndexOf('/');
            return slash < 0 ? (path, "") : (path.Substring(0, slash), path.Substring(slash + 1));
        }

        private S3Bucket RequireBucket(string name)
        {
            if (_buckets.TryGetValue(name, out S3Bucket? bucket)) return bucket;
            var error = new AwsErrorException("NoSuchBucket", "The specified bucket does not exist", 404);
            error.Data["BucketName"] = name;
            throw error;
        }

        private Task CreateBucket(string name, HttpResponse response)
        {
            if (name.Length < 3 || name.Length > 63 || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '.')))
            {
                var error = new AwsErrorException("InvalidBucketName", "The specified bucket is not valid.", 400);
                error.Data["BucketName"] = name;
                throw error;
            }
            _buckets.GetOrAdd(name, n => new S3Bucket(n, _context.Clock.UtcNow));
            response.StatusCode = 200;
            response.Headers.Location = "/" + name;
            return Task.CompletedTask;
        }

        private Task DeleteBucket(string name, HttpResponse response)
        {
            S3Bucket bucket = RequireBucket(name);
            if (!bucket.IsEmpty)
            {
                var error = new AwsErrorException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
                error.Data["BucketName"] = name;
                throw error;
            }
            _buckets.TryRemove(name, out _);
            response.StatusCode = 204;
            return Task.CompletedTask;
        }

        private Task PutObject(RestRequest request, S3Bucket bucket, string key, HttpResponse response)
        {
            byte[] data = request.Body.ToArray();
            string etag = "\"" + Convert.ToHexStringLower(MD5.HashData(data)) + "\"";
            var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues> header in request.Headers)
                if (header.Key.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase))
                    metadata[header.Key.Substring("x-amz-meta-".Length).ToLowerInvariant()] = header.Value.ToString();
            string contentType = request.Headers.ContentType.ToString();
            if (contentType.Length == 0) contentType = "binary/octet-stream";
            DateTime now = _context.Clock.UtcNow;
            var stored = new S3StoredObject(key, data, contentType, etag, new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc), metadata);
            string? ifMatch = Header(request, "If-Match");
            string? ifNoneMatch = Header(request, "If-None-Match");
            if (ifMatch is null && ifNoneMatch is null) bucket.Put(stored);
            else if (!bucket.PutIf(stored, ifMatch, ifNoneMatch))
            {
                // S3 answers a failed If-Match on a missing key with 404 NoSuchKey, every other failed condition with 412.
                if (ifMatch != null && bucket.Get(key) is null) throw NoSuchKey(key);
                throw PreconditionFailed(ifNoneMatch != null ? "If-None-Match" : "If-Match");
            }
            response.StatusCode = 200;
            response.Headers.ETag = etag;
            return Task.CompletedTask;
        }

        private static async Task GetObjectAsync(S3Bucket bucket, string key, HttpResponse response, bool withBody)
        {
            S3StoredObject stored = bucket.Get(key) ?? throw NoSuchKey(key);
            response.StatusCode = 200;
            response.ContentType = stored.ContentType;
            response.ContentLength = stored.Data.Length;
            response.Headers.ETag = stored.ETag;
            response.Headers.LastModified = stored.LastModified.ToString("R", CultureInfo.InvariantCulture);
            response.Headers.AcceptRanges = "bytes";
            foreach (KeyValuePair<string, string> pair in stored.Metadata) response.Headers["x-amz-meta-" + pair.Key] = pair.Value;
            if (withBody) await response.Body.WriteAsync(stored.Data).ConfigureAwait(false);
        }

        private static string? Header(RestRequest request, string name)
        {
            string value = request.Headers[name].ToString();
            return value.Length == 0 ? null : value;
        }

        private static AwsErrorException PreconditionFailed(string condition)
        {
            var error = new AwsErrorException("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412);
            error.Data["Condition"] = condition;
            return error;
        }

        private static AwsErrorException NoSuchKey(string key)
        {
            var error = new AwsErrorException("NoSuchKey", "The specified key does not exist.", 404);
            error.Data["Key"] = key;
            return error;
        }

        private Task ListBucketsAsync(HttpResponse response) =>
            S3XmlWriter.WriteAsync(response, 200, writer =>
            {
                writer.WriteStartElement("ListAllMyBucketsResult", S3XmlWriter.Namespace);
                writer.WriteStartElement("Owner");
                writer.WriteElementString("ID", _context.AccountId);
                writer.WriteElementString("DisplayName", "emulator");
                writer.WriteEndElement();
                writer.WriteStartElement("Buckets");
                foreach (S3Bucket bucket in _buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
                {
                    writer.WriteStartElement("Bucket");
                    writer.WriteElementString("Name", bucket.Name);
                    writer.WriteElementString("CreationDate", S3XmlWriter.Timestamp(bucket.CreationDate));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            });

        private static Task ListObjectsV2Async(RestRequest request, S3Bucket bucket, HttpResponse response)
        {
            IReadOnlyDictionary<string, string> query = request.Query;
            string prefix = query.TryGetValue("prefix", out string? p) ? p : "";
            string? delimiter = query.TryGetValue("delimiter", out string? d) && d.Length > 0 ? d : null;
            string? startAfter = query.TryGetValue("start-after", out string? s) && s.Length > 0 ? s : null;
            string? token = query.TryGetValue("continuation-token", out string? t) && t.Length > 0 ? t : null;
            bool urlEncoding = query.TryGetValue("encoding-type", out string? e) && e == "url";
            int maxKeys = 1000;
            if (query.TryGetValue("max-keys", out string? m))
            {
                if (!int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0)
                    throw new AwsErrorException("InvalidArgument", "Provided max-keys not an integer or within integer range", 400);
                maxKeys = Math.Min(maxKeys, 1000);
            }

            string? after = startAfter;
            if (token != null)
            {
                try { after = Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
                catch (FormatException) { throw new AwsErrorException("InvalidArgument", "The continuation token provided is incorrect", 400); }
            }
            S3ObjectListing listing = bucket.List(prefix, delimiter, after, maxKeys);
            string Encode(string value) => urlEncoding ? AwsUriEncoding.Encode(value, keepSlash: true) : value;

            return S3XmlWriter.WriteAsync(response, 200, writer =>
            {
                writer.WriteStartElement("ListBucketResult", S3XmlWriter.Namespace);
                writer.WriteElementString("Name", bucket.Name);
                writer.WriteElementString("Prefix", Encode(prefix));
                if (delimiter != null) writer.WriteElementString("Delimiter", Encode(delimiter));
                writer.WriteElementString("MaxKeys", maxKeys.ToString(CultureInfo.InvariantCulture));
                if (urlEncoding) writer.WriteElementString("EncodingType", "url");
                writer.WriteElementString("KeyCount", (listing.Objects.Count + listing.CommonPrefixes.Count).ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("IsTruncated", listing.IsTruncated ? "true" : "false");
                if (token != null) writer.WriteElementString("ContinuationToken", token);
                if (listing.IsTruncated && listing.LastItem != null)
                    writer.WriteElementString("NextContinuationToken", Convert.ToBase64String(Encoding.UTF8.GetBytes(listing.LastItem)));
                if (startAfter != null) writer.WriteElementString("StartAfter", Encode(startAfter));
                foreach (S3StoredObject stored in listing.Objects)
                {
                    writer.WriteStartElement("Contents");
                    writer.WriteElementString("Key", Encode(stored.Key));
                    writer.WriteElementString("LastModified", S3XmlWriter.Timestamp(stored.LastModified));
                    writer.WriteElementString("ETag", stored.ETag);
                    writer.WriteElementString("Size", stored.Data.Length.ToString(CultureInfo.InvariantCulture));
                    writer.WriteElementString("StorageClass", "STANDARD");
                    writer.WriteEndElement();
                }
                foreach (string commonPrefix in listing.CommonPrefixes)
                {
                    writer.WriteStartElement("CommonPrefixes");
                    writer.WriteElementString("Prefix", Encode(commonPrefix));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
            });
        }
    }
}
