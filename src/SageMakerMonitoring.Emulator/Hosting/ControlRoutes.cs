using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The unsigned /_emulator/* routes tests and benchmarks use to steer the emulator (JSON in and out).</summary>
    public sealed class ControlRoutes
    {
        public const string Prefix = "/_emulator";

        private readonly EmulatorWorlds _worlds;
        private readonly QuotaEnforcer _quotas;
        private readonly RequestCounter _counter;
        private readonly FaultInjector _faults;
        private readonly CredentialStore _credentials;
        private readonly string _defaultSeed;

        public ControlRoutes(EmulatorWorlds worlds, RequestCounter counter, FaultInjector faults,
            CredentialStore credentials, QuotaEnforcer quotas, string defaultSeed)
        {
            _worlds = worlds;
            _quotas = quotas;
            _counter = counter;
            _faults = faults;
            _credentials = credentials;
            _defaultSeed = defaultSeed;
        }

        public static bool Matches(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

        public async Task HandleAsync(HttpContext http)
        {
            HttpRequest request = http.Request;
            string route = request.Path.Value!.Substring(Prefix.Length).Trim('/');
            bool post = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method);
            JsonNode? answer;
            int status = 200;
            try
            {
                JsonObject body = post ? await ReadBodyAsync(http).ConfigureAwait(false) : new JsonObject();
                (status, answer) = Route(route, post, body);
            }
            catch (AwsErrorException error)
            {
                (status, answer) = (error.StatusCode, Error(error.Code, error.Message));
            }
            catch (Exception error) when (error is JsonException or FormatException or InvalidOperationException)
            {
                (status, answer) = (400, Error("BadRequest", error.Message));
            }
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer?.ToJsonString() ?? "{}").ConfigureAwait(false);
        }

        /// <summary>Clears all state, counters, faults and extra keys, puts the clock back to real time, then seeds.</summary>
        public void Reset(string? seed)
        {
            _worlds.Reset();
            _quotas.Reset();
            _counter.Reset();
            _faults.Reset();
            _credentials.Reset();
            _worlds.DefaultContext.Clock.ResetToReal();
            _worlds.Default.SeedAll(seed ?? _defaultSeed);
        }

        private (int, JsonNode?) Route(string route, bool post, JsonObject body)
        {
            switch (route)
            {
                case "health":
                    return (200, new JsonObject { ["status"] = "ok" });
                case "reset" when post:
                    Reset(body.GetString("seed"));
                    return (200, new JsonObject { ["status"] = "ok" });
                case "seed" when post:
                    World(body).SeedAll(body.GetString("seed") ?? _defaultSeed);
                    return (200, new JsonObject { ["status"] = "ok" });
                case "requests":
                    return (200, _counter.ToJson());
                case "requests/reset" when post:
                    _counter.Reset();
                    return (200, _counter.ToJson());
                case "faults":
                    if (post) _faults.Configure(body);
                    return (200, _faults.ToJson());
                case "quotas":
                    if (post) _quotas.Configure(body);
                    return (200, _quotas.ToJson());
                case "clock":
                    if (post) SetClock(body);
                    return (200, ClockJson());
                case "keys" when post:
                    string accessKeyId = body.GetString("accessKeyId") ?? throw new AwsErrorException("BadRequest", "accessKeyId is required.");
                    string secret = body.GetString("secretAccessKey") ?? throw new AwsErrorException("BadRequest", "secretAccessKey is required.");
                    _credentials.Add(accessKeyId, secret, body.GetString("accountId"));
                    return (200, new JsonObject { ["accessKeyId"] = accessKeyId });
            }

            int slash = route.IndexOf('/');
            if (post && slash > 0)
            {
                string signingName = route.Substring(0, slash);
                string action = route.Substring(slash + 1);
                bool? known = World(body).TryControl(signingName, action, body, out JsonNode? result);
                if (known == true) return (200, result ?? new JsonObject { ["status"] = "ok" });
                return (404, Error("NotFound", known is null ? $"No emulated service '{signingName}'." : $"Service '{signingName}' has no control action '{action}'."));
            }
            return (404, Error("NotFound", $"No control route '{route}'."));
        }

        private void SetClock(JsonObject body)
        {
            EmulatorClock clock = _worlds.DefaultContext.Clock;
            if (body.GetBool("real") == true) clock.ResetToReal();
            else if (body.GetDateTime("freeze") is DateTime frozen) clock.Freeze(frozen);
            else if (body.GetDateTime("now") is DateTime now) clock.Set(now);
            else if (body.GetDouble("advanceSeconds") is double seconds) clock.Advance(TimeSpan.FromSeconds(seconds));
            else throw new AwsErrorException("BadRequest", "Give one of now, freeze, advanceSeconds or real.");
        }

        private JsonObject ClockJson() => new JsonObject
        {
            ["now"] = _worlds.DefaultContext.Clock.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["frozen"] = _worlds.DefaultContext.Clock.IsFrozen,
        };

        /// <summary>The world a control call names with optional "account" and "region" members (default: the seeded one).</summary>
        private ServiceRegistry World(JsonObject body) => _worlds.For(body.GetString("account"), body.GetString("region"));

        private static JsonObject Error(string code, string message) => new JsonObject { ["error"] = code, ["message"] = message };

        private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
        {
            ReadOnlyMemory<byte> body = await RequestBody.ReadAsync(http.Request, http.RequestAborted).ConfigureAwait(false);
            if (body.IsEmpty || Encoding.UTF8.GetString(body.Span).Trim().Length == 0) return new JsonObject();
            return JsonNode.Parse(body.Span) as JsonObject ?? throw new AwsErrorException("BadRequest", "The body must be a JSON object.");
        }
    }
}
