using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SageMakerMonitoring.Emulator.Protocols;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// The path of one AWS request through the emulator: buffer the body, verify SigV4, pick the service (credential
    /// scope) and operation (X-Amz-Target, Action, or the REST service's own resolution), count it, apply faults, call
    /// the service, and write the answer or error in the request's protocol.
    /// </summary>
    public sealed class RequestDispatcher
    {
        private const string FormContentType = "application/x-www-form-urlencoded";

        private readonly EmulatorWorlds _worlds;
        private readonly QuotaEnforcer _quotas;
        private readonly CredentialStore _credentials;
        private readonly SigV4Verifier _verifier;
        private readonly RequestCounter _counter;
        private readonly FaultInjector _faults;

        public RequestDispatcher(EmulatorWorlds worlds, SigV4Verifier verifier, RequestCounter counter, FaultInjector faults,
            QuotaEnforcer quotas, CredentialStore credentials)
        {
            _worlds = worlds;
            _quotas = quotas;
            _credentials = credentials;
            _verifier = verifier;
            _counter = counter;
            _faults = faults;
        }

        public async Task HandleAsync(HttpContext http)
        {
            try
            {
                await DispatchAsync(http).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException && !http.Response.HasStarted)
            {
                http.Response.Clear();
                http.Response.StatusCode = 500;
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync("Emulator failure: " + error).ConfigureAwait(false);
            }
        }

        private async Task DispatchAsync(HttpContext http)
        {
            HttpRequest request = http.Request;
            string requestId = NewRequestId();
            ReadOnlyMemory<byte> body = await RequestBody.ReadAsync(request, http.RequestAborted).ConfigureAwait(false);
            string rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path.Value + request.QueryString.Value);
            int question = rawTarget.IndexOf('?');
            string rawPath = question < 0 ? rawTarget : rawTarget.Substring(0, question);
            string rawQuery = question < 0 ? "" : rawTarget.Substring(question + 1);

            SigV4Result auth = _verifier.Verify(request.Method, rawPath, rawQuery, request.Headers, body.Span, DateTime.UtcNow);
            string signingName = auth.SigningName ?? InferSigningName(request);

            ServiceProtocol? protocol = ServiceProtocol.ForSigningName(signingName);
            if (protocol != null)
            {
                await HandleRpcAsync(http, protocol, auth, body, requestId).ConfigureAwait(false);
                return;
            }
            IRestService? rest = World(auth).FindRest(signingName);
            if (rest != null)
            {
                await HandleRestAsync(http, rest, auth, body, rawQuery, requestId).ConfigureAwait(false);
                return;
            }
            http.Response.Headers["x-amzn-RequestId"] = requestId;
            await JsonProtocolWriter.WriteErrorAsync(http.Response,
                new AwsErrorException("UnknownOperationException", $"No emulated service answers to signing name '{signingName}'.", 400),
                "application/x-amz-json-1.1", queryCompatible: false).ConfigureAwait(false);
        }

        private async Task HandleRpcAsync(HttpContext http, ServiceProtocol protocol, SigV4Result auth, ReadOnlyMemory<byte> body, string requestId)
        {
            HttpRequest request = http.Request;
            HttpResponse response = http.Response;
            response.Headers["x-amzn-RequestId"] = requestId;
            bool query = protocol.QueryVersion != null && request.ContentType != null
                         && request.ContentType.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase);
            string contentType = ResponseJsonContentType(request, protocol);

            Task WriteError(AwsErrorException error) => query
                ? QueryProtocolWriter.WriteErrorAsync(response, error, protocol.XmlNamespace!, requestId)
                : JsonProtocolWriter.WriteErrorAsync(response, error, contentType, protocol.QueryCompatible);

            if (!auth.Succeeded)
            {
                await WriteError(protocol.QueryCompatible ? SigV4ErrorAnswers.ForQueryCompatible(auth) : SigV4ErrorAnswers.ForJson(auth)).ConfigureAwait(false);
                return;
            }

            bool gzipped;
            try
            {
                gzipped = RequestContentEncoding.Decode(request.Headers.ContentEncoding, ref body);
            }
            catch (AwsErrorException error)
            {
                await WriteError(error).ConfigureAwait(false);
                return;
            }

            string? operation;
            JsonObject? input = null;
            if (query)
            {
                input = QueryProtocolReader.Read(body.Span, out operation, out string? version);
                if (string.IsNullOrEmpty(operation))
                {
                    await WriteError(new AwsErrorException("MissingAction", "Missing Action", 400, queryCode: "MissingAction")).ConfigureAwait(false);
                    return;
                }
                if (version != null && version != protocol.QueryVersion)
                {
                    await WriteError(new AwsErrorException("InvalidAction", $"Could not find operation {operation} for version {version}", 400, queryCode: "InvalidAction")).ConfigureAwait(false);
                    return;
                }
            }
            else
            {
                string target = request.Headers["X-Amz-Target"].ToString();
                int dot = target.LastIndexOf('.');
                if (dot <= 0 || !string.Equals(target.Substring(0, dot), protocol.TargetPrefix, StringComparison.Ordinal))
                {
                    await WriteError(new AwsErrorException("UnknownOperationException", $"Unknown operation '{target}'.", 400, queryCode: "InvalidAction")).ConfigureAwait(false);
                    return;
                }
                operation = target.Substring(dot + 1);
            }

            IJsonService? service = World(auth).FindJson(protocol.SigningName);
            if (service is null)
            {
                await WriteError(new AwsErrorException("UnknownOperationException", $"The service '{protocol.SigningName}' is not emulated.", 400, queryCode: "InvalidAction")).ConfigureAwait(false);
                return;
            }

            _counter.Count(protocol.SigningName, operation!);
            if (gzipped) _counter.CountGzip(protocol.SigningName, operation!);
            // How each protocol says "slow down": awsJson ThrottlingException; CloudWatch's query-compatible JSON and
            // query protocols carry the query code "Throttling".
            AwsErrorException Throttling() => protocol.QueryCompatible
                ? new AwsErrorException("ThrottlingException", "Rate exceeded", 400, queryCode: "Throttling")
                : new AwsErrorException("ThrottlingException", "Rate exceeded", 400);
            if (!_quotas.TryAdmit(_credentials.AccountOf(auth.AccessKeyId), auth.Region ?? EmulatorWorlds.DefaultRegion, protocol.SigningName, operation!))
            {
                await WriteError(Throttling()).ConfigureAwait(false);
                return;
            }
            FaultDecision fault = _faults.Decide(protocol.SigningName, operation!);
            if (fault.Kind != FaultKind.None || fault.LatencyMs > 0)
            {
                AwsErrorException? faultError = await ApplyFaultAsync(http, fault, Throttling).ConfigureAwait(false);
                if (http.RequestAborted.IsCancellationRequested) return;
                if (faultError != null)
                {
                    await WriteError(faultError).ConfigureAwait(false);
                    return;
                }
            }

            object? output;
            try
            {
                input ??= ParseJsonBody(body.Span);
                output = JsonServiceCall.Execute(service, operation!, input);
            }
            catch (AwsErrorException error)
            {
                await WriteError(error).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await WriteError(new AwsErrorException("InternalFailure", error.GetType().Name + ": " + error.Message, 500, senderFault: false)).ConfigureAwait(false);
                return;
            }

            if (query) await QueryProtocolWriter.WriteResultAsync(response, operation!, JsonServiceCall.AsTree(output), protocol.XmlNamespace!, requestId).ConfigureAwait(false);
            else await JsonProtocolWriter.WriteResultAsync(response, output, contentType).ConfigureAwait(false);
        }

        private async Task HandleRestAsync(HttpContext http, IRestService service, SigV4Result auth, ReadOnlyMemory<byte> body, string rawQuery, string requestId)
        {
            HttpRequest request = http.Request;
            HttpResponse response = http.Response;
            var query = ParseQuery(rawQuery);
            string path = AwsUriEncoding.DecodePercent(http.Features.Get<IHttpRequestFeature>()?.RawTarget is { } raw
                ? (raw.IndexOf('?') is var q && q >= 0 ? raw.Substring(0, q) : raw)
                : request.Path.Value ?? "/");
            var restRequest = new RestRequest(request.Method, path, query, request.Headers, body, VirtualHostBucket(request.Host.Host), requestId);

            if (!auth.Succeeded)
            {
                await service.WriteErrorAsync(restRequest, response, SigV4ErrorAnswers.ForS3(auth), requestId).ConfigureAwait(false);
                return;
            }
            try
            {
                if (auth.StreamingPayload != null)
                {
                    byte[] decoded = AwsChunkedDecoder.Decode(body.Span, out _);
                    restRequest = new RestRequest(request.Method, path, query, request.Headers, decoded, restRequest.VirtualHostBucket, requestId);
                }

                string operation = service.ResolveOperation(restRequest);
                _counter.Count(service.SigningName, operation);
                FaultDecision fault = _faults.Decide(service.SigningName, operation);
                if (fault.Kind != FaultKind.None || fault.LatencyMs > 0)
                {
                    AwsErrorException? faultError = await ApplyFaultAsync(http, fault, service.ThrottlingError).ConfigureAwait(false);
                    if (http.RequestAborted.IsCancellationRequested) return;
                    if (faultError != null) throw faultError;
                }
                await service.HandleAsync(restRequest, response).ConfigureAwait(false);
            }
            catch (AwsErrorException error)
            {
                if (!response.HasStarted) await service.WriteErrorAsync(restRequest, response, error, requestId).ConfigureAwait(false);
            }
        }

        /// <summary>Waits the fault's latency; aborts the connection for a drop; returns the error to answer, if any.</summary>
        private static async Task<AwsErrorException?> ApplyFaultAsync(HttpContext http, FaultDecision fault, Func<AwsErrorException> throttling)
        {
            if (fault.LatencyMs > 0)
            {
                try { await Task.Delay(fault.LatencyMs, http.RequestAborted).ConfigureAwait(false); }
                catch (OperationCanceledException) { return null; }
            }
            switch (fault.Kind)
            {
                case FaultKind.Drop:
                    http.Abort();
                    return null;
                case FaultKind.Throttle:
                    return throttling();
                case FaultKind.InternalError:
                    return new AwsErrorException("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500, senderFault: false);
                case FaultKind.Unavailable:
                    return new AwsErrorException("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503, senderFault: false);
                default:
                    return null;
            }
        }

        /// <summary>The world (account × Region) a request belongs to: its key's account and its signature's Region.</summary>
        private ServiceRegistry World(SigV4Result auth) =>
            auth.Succeeded ? _worlds.For(_credentials.AccountOf(auth.AccessKeyId), auth.Region) : _worlds.Default;

        private static JsonObject ParseJsonBody(ReadOnlySpan<byte> body)
        {
            if (body.IsEmpty) return new JsonObject();
            try
            {
                return JsonNode.Parse(body) as JsonObject
                       ?? throw new AwsErrorException("SerializationException", "Start of structure or map found where not expected.", 400, queryCode: "MalformedInput");
            }
            catch (JsonException error)
            {
                throw new AwsErrorException("SerializationException", error.Message, 400, queryCode: "MalformedInput");
            }
        }

        private static string ResponseJsonContentType(HttpRequest request, ServiceProtocol protocol)
        {
            string? contentType = request.ContentType;
            if (contentType != null && contentType.StartsWith("application/x-amz-json-1.", StringComparison.OrdinalIgnoreCase))
                return contentType.Substring(0, "application/x-amz-json-1.0".Length);
            return protocol.JsonContentType;
        }

        /// <summary>Which service an unsigned (or unparsably signed) request was meant for, so the error has its shape.</summary>
        private static string InferSigningName(HttpRequest request)
        {
            string target = request.Headers["X-Amz-Target"].ToString();
            int dot = target.LastIndexOf('.');
            if (dot > 0 && ServiceProtocol.ForTargetPrefix(target.Substring(0, dot)) is { } protocol) return protocol.SigningName;
            if (request.ContentType != null && request.ContentType.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase))
                return ServiceProtocol.CloudWatch.SigningName;
            return "s3";
        }

        private static Dictionary<string, string> ParseQuery(string rawQuery)
        {
            var query = new Dictionary<string, string>(StringComparer.Ordinal);
            if (rawQuery.Length == 0) return query;
            foreach (string part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                string name = AwsUriEncoding.DecodeForm(eq < 0 ? part : part.Substring(0, eq));
                query[name] = eq < 0 ? "" : AwsUriEncoding.DecodeForm(part.Substring(eq + 1));
            }
            return query;
        }

        /// <summary>"bucket.localhost" or "bucket.s3.anything" names a bucket; IP addresses and plain hosts do not.</summary>
        private static string? VirtualHostBucket(string host)
        {
            if (host.Length == 0 || System.Net.IPAddress.TryParse(host, out _)) return null;
            if (host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return host.Substring(0, host.Length - ".localhost".Length);
            int s3 = host.IndexOf(".s3.", StringComparison.OrdinalIgnoreCase);
            return s3 > 0 ? host.Substring(0, s3) : null;
        }

        private static string NewRequestId() => Guid.NewGuid().ToString();
    }
}
