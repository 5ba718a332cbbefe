using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>
    /// A small, independent SigV4 signer for hand-built requests (POST / with a body), so tests can send what the CLI
    /// cannot: a chosen signing time, the awsQuery protocol, or deliberately wrong credentials.
    /// </summary>
    public static class SigV4TestSigner
    {
        public static HttpRequestMessage Build(string url, string service, string contentType, string body,
            IReadOnlyDictionary<string, string>? headers = null, DateTime? signingTime = null,
            string accessKeyId = CredentialStore.DefaultAccessKeyId, string secretAccessKey = CredentialStore.DefaultSecretAccessKey,
            string region = "us-east-1") =>
            BuildBytes(url, service, contentType, Encoding.UTF8.GetBytes(body), headers, signingTime, accessKeyId, secretAccessKey, region);

        /// <summary>As <see cref="Build"/>, for a body that is not text (e.g. gzip-compressed).</summary>
        public static HttpRequestMessage BuildBytes(string url, string service, string contentType, byte[] payload,
            IReadOnlyDictionary<string, string>? headers = null, DateTime? signingTime = null,
            string accessKeyId = CredentialStore.DefaultAccessKeyId, string secretAccessKey = CredentialStore.DefaultSecretAccessKey,
            string region = "us-east-1")
        {
            var uri = new Uri(url.TrimEnd('/') + "/");
            DateTime time = signingTime ?? DateTime.UtcNow;
            string amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string date = amzDate.Substring(0, 8);

            var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["content-type"] = contentType,
                ["host"] = uri.Authority,
                ["x-amz-date"] = amzDate,
            };
            foreach (KeyValuePair<string, string> header in headers ?? new Dictionary<string, string>())
                signed[header.Key.ToLowerInvariant()] = header.Value;

            string signedHeaders = string.Join(";", signed.Keys);
            string canonical = "POST\n/\n\n" + string.Concat(signed.Select(h => h.Key + ":" + h.Value.Trim() + "\n")) + "\n"
                               + signedHeaders + "\n" + Hex(SHA256.HashData(payload));
            string scope = $"{date}/{region}/{service}/aws4_request";
            string toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
            key = Hmac(key, region);
            key = Hmac(key, service);
            key = Hmac(key, "aws4_request");
            string signature = Hex(Hmac(key, toSign));

            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(payload) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            foreach (KeyValuePair<string, string> header in signed)
                if (header.Key is not ("content-type" or "host")) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            request.Headers.TryAddWithoutValidation("Authorization",
                $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
            return request;
        }

        /// <summary>An awsJson request: X-Amz-Target "{prefix}.{operation}".</summary>
        public static HttpRequestMessage Json(string url, string service, string target, string jsonVersion, string body, DateTime? signingTime = null,
            string accessKeyId = CredentialStore.DefaultAccessKeyId, string secretAccessKey = CredentialStore.DefaultSecretAccessKey) =>
            Build(url, service, "application/x-amz-json-" + jsonVersion, body,
                new Dictionary<string, string> { ["x-amz-target"] = target }, signingTime, accessKeyId, secretAccessKey);

        /// <summary>An awsQuery (form) request to CloudWatch.</summary>
        public static HttpRequestMessage Query(string url, string form, DateTime? signingTime = null,
            string accessKeyId = CredentialStore.DefaultAccessKeyId, string secretAccessKey = CredentialStore.DefaultSecretAccessKey) =>
            Build(url, "monitoring", "application/x-www-form-urlencoded; charset=utf-8", form, null, signingTime, accessKeyId, secretAccessKey);

        private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
