using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// Verifies AWS Signature Version 4 on a buffered request: canonical request, string to sign, derived key and
    /// signature, a signing region AWS has (<see cref="AwsRegions"/>), request time within 15 minutes of real time, and
    /// x-amz-content-sha256 (UNSIGNED-PAYLOAD and
    /// STREAMING-* values are taken literally, a hex hash must match the body).
    /// </summary>
    public sealed class SigV4Verifier
    {
        public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);
        private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

        private readonly CredentialStore _credentials;
        private readonly ConcurrentDictionary<string, byte[]> _signingKeys = new ConcurrentDictionary<string, byte[]>();

        public SigV4Verifier(CredentialStore credentials)
        {
            _credentials = credentials;
        }

        /// <summary>The service named by the request's credential scope, without verifying anything.</summary>
        public static string? PeekSigningName(IHeaderDictionary headers) =>
            SigV4AuthorizationHeader.TryParse(headers.Authorization.ToString(), out SigV4AuthorizationHeader? auth) ? auth!.Service : null;

        /// <param name="rawPath">The path exactly as sent (still percent-encoded).</param>
        /// <param name="rawQuery">The query string as sent, without '?'.</param>
        /// <param name="now">The server's real time.</param>
        public SigV4Result Verify(string method, string rawPath, string rawQuery, IHeaderDictionary headers, ReadOnlySpan<byte> body, DateTime now)
        {
            string authorization = headers.Authorization.ToString();
            if (authorization.Length == 0)
                return new SigV4Result { Failure = SigV4Failure.MissingAuthentication, Message = "Missing Authentication Token" };
            if (!SigV4AuthorizationHeader.TryParse(authorization, out SigV4AuthorizationHeader? auth))
                return new SigV4Result
                {
                    Failure = SigV4Failure.IncompleteSignature,
                    Message = $"Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization={authorization}",
                };

            string signingName = auth!.Service;
            string amzDate = headers["x-amz-date"].ToString();
            DateTime requestTime;
            if (amzDate.Length > 0)
            {
                if (!DateTime.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
                    return Incomplete(auth, $"Date must be in ISO-8601 'basic format'. Got '{amzDate}'.");
            }
            else if (!DateTime.TryParse(headers.Date.ToString(), CultureInfo.InvariantCulture,
                         DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out requestTime))
            {
                return Incomplete(auth, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            }
            else
            {
                amzDate = requestTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
            }

            // A region AWS does not have: on AWS such a request has no endpoint to reach at all (DNS fails). The closest
            // faithful answer for a request that does arrive is what a real endpoint says to a credential scoped to a
            // region it does not serve: "Credential should be scoped to a valid region, not '<region>'." (each protocol's
            // code in SigV4ErrorAnswers). It is checked before the key, as the scope is part of parsing the credential.
            if (!AwsRegions.IsKnown(auth.Region))
                return new SigV4Result
                {
                    Failure = SigV4Failure.UnknownRegion, AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region,
                    Message = $"Credential should be scoped to a valid region, not '{auth.Region}'. ", RequestTime = requestTime,
                };

            if (!_credentials.TryGetSecret(auth.AccessKeyId, out string secret))
                return new SigV4Result
                {
                    Failure = SigV4Failure.UnknownAccessKey, AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region,
                    Message = "The security token included in the request is invalid.", RequestTime = requestTime,
                };

            string contentHashHeader = headers["x-amz-content-sha256"].ToString();
            string payloadHash;
            string? streaming = null;
            if (contentHashHeader.Length == 0)
            {
                payloadHash = HexSha256(body);
            }
            else
            {
                payloadHash = contentHashHeader;
                if (contentHashHeader.StartsWith("STREAMING-", StringComparison.Ordinal)) streaming = contentHashHeader;
                else if (contentHashHeader != "UNSIGNED-PAYLOAD" && !string.Equals(contentHashHeader, HexSha256(body), StringComparison.OrdinalIgnoreCase))
                    return new SigV4Result
                    {
                        Failure = SigV4Failure.ContentHashMismatch, AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region,
                        Message = "The provided 'x-amz-content-sha256' header does not match what was computed.", RequestTime = requestTime,
                    };
            }

            string canonicalRequest = BuildCanonicalRequest(method, rawPath, rawQuery, headers, auth, payloadHash, signingName == "s3");
            string stringToSign = SigV4AuthorizationHeader.Algorithm + "\n" + amzDate + "\n" + auth.Scope + "\n"
                                  + HexSha256(Encoding.UTF8.GetBytes(canonicalRequest));
            byte[] key = SigningKey(secret, auth);
            string expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant())))
                return new SigV4Result
                {
                    Failure = SigV4Failure.SignatureMismatch, AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region,
                    CanonicalRequest = canonicalRequest, StringToSign = stringToSign, RequestTime = requestTime,
                    Message = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                };

            if (requestTime < now - MaxSkew || requestTime > now + MaxSkew)
            {
                string f(DateTime t) => t.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
                string message = requestTime < now - MaxSkew
                    ? $"Signature expired: {f(requestTime)} is now earlier than {f(now - MaxSkew)} ({f(now)} - 15 min.)"
                    : $"Signature not yet current: {f(requestTime)} is still later than {f(now + MaxSkew)} ({f(now)} + 15 min.)";
                return new SigV4Result
                {
                    Failure = SigV4Failure.RequestTimeSkewed, AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region,
                    Message = message, RequestTime = requestTime,
                };
            }

            return new SigV4Result
            {
                AccessKeyId = auth.AccessKeyId, SigningName = signingName, Region = auth.Region, StreamingPayload = streaming, RequestTime = requestTime,
            };
        }

        private static SigV4Result Incomplete(SigV4AuthorizationHeader auth, string message) =>
            new SigV4Result { Failure = SigV4Failure.IncompleteSignature, AccessKeyId = auth.AccessKeyId, SigningName = auth.Service, Region = auth.Region, Message = message };

        internal static string BuildCanonicalRequest(string method, string rawPath, string rawQuery, IHeaderDictionary headers,
            SigV4AuthorizationHeader auth, string payloadHash, bool singleEncodePath)
        {
            var builder = new StringBuilder(512);
            builder.Append(method).Append('\n');
            string path = rawPath.Length == 0 ? "/" : rawPath;
            builder.Append(singleEncodePath
                ? AwsUriEncoding.Encode(AwsUriEncoding.DecodePercent(path), keepSlash: true)
                : AwsUriEncoding.Encode(path, keepSlash: true)).Append('\n');
            AppendCanonicalQuery(builder, rawQuery);
            builder.Append('\n');
            foreach (string name in auth.SignedHeaders)
            {
                builder.Append(name).Append(':');
                AppendHeaderValue(builder, headers[name]);
                builder.Append('\n');
            }
            builder.Append('\n');
            builder.Append(string.Join(";", auth.SignedHeaders)).Append('\n');
            builder.Append(payloadHash);
            return builder.ToString();
        }

        private static void AppendCanonicalQuery(StringBuilder builder, string rawQuery)
        {
            if (rawQuery.Length == 0) return;
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (string part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = eq < 0 ? part : part.Substring(0, eq);
                string value = eq < 0 ? "" : part.Substring(eq + 1);
                pairs.Add(new KeyValuePair<string, string>(
                    AwsUriEncoding.Encode(AwsUriEncoding.DecodePercent(name), keepSlash: false),
                    AwsUriEncoding.Encode(AwsUriEncoding.DecodePercent(value), keepSlash: false)));
            }
            pairs.Sort((a, b) =>
            {
                int byName = string.CompareOrdinal(a.Key, b.Key);
                return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
            });
            for (int i = 0; i < pairs.Count; i++)
            {
                if (i > 0) builder.Append('&');
                builder.Append(pairs[i].Key).Append('=').Append(pairs[i].Value);
            }
        }

        private static void AppendHeaderValue(StringBuilder builder, StringValues values)
        {
            for (int i = 0; i < values.Count; i++)
            {
                if (i > 0) builder.Append(',');
                string value = values[i] ?? "";
                bool space = false;
                foreach (char c in value.Trim())
                {
                    if (c == ' ' || c == '\t')
                    {
                        space = true;
                        continue;
                    }
                    if (space) builder.Append(' ');
                    space = false;
                    builder.Append(c);
                }
            }
        }

        private byte[] SigningKey(string secret, SigV4AuthorizationHeader auth)
        {
            string cacheKey = auth.AccessKeyId + "/" + secret + "/" + auth.Scope;
            return _signingKeys.GetOrAdd(cacheKey, _ =>
            {
                byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(auth.Date));
                key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(auth.Region));
                key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(auth.Service));
                return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("aws4_request"));
            });
        }

        internal static string HexSha256(ReadOnlySpan<byte> data)
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(data, hash);
            return Convert.ToHexStringLower(hash);
        }
    }
}
