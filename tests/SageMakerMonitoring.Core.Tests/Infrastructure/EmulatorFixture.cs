using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>
    /// One in-process emulator per test class (use with IClassFixture&lt;EmulatorFixture&gt;), seeded with the demo world.
    /// Tests that change state should call <see cref="ResetAsync"/> first.
    /// </summary>
    public class EmulatorFixture : IAsyncLifetime
    {
        private EmulatorServer? _server;
        private HttpClient? _control;

        public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

        /// <summary>http://127.0.0.1:PORT</summary>
        public string Url => Server.Url;

        /// <summary>A client for the /_emulator control routes (base address = <see cref="Url"/>).</summary>
        public HttpClient Control => _control ?? throw new InvalidOperationException("The emulator has not started.");

        protected virtual EmulatorOptions CreateOptions() => new EmulatorOptions { Port = 0, Seed = "demo" };

        public async Task InitializeAsync()
        {
            _server = await EmulatorServer.StartAsync(CreateOptions()).ConfigureAwait(false);
            _control = new HttpClient { BaseAddress = new Uri(_server.Url) };
        }

        public async Task DisposeAsync()
        {
            _control?.Dispose();
            if (_server != null) await _server.DisposeAsync().ConfigureAwait(false);
        }

        /// <summary>POST /_emulator/reset: clears everything, then seeds.</summary>
        public Task<JsonNode?> ResetAsync(string seed = "demo") => PostControlAsync("reset", new JsonObject { ["seed"] = seed });

        /// <summary>POST /_emulator/{route} with a JSON body; throws unless the answer is 2xx.</summary>
        public async Task<JsonNode?> PostControlAsync(string route, JsonNode? body = null)
        {
            using var content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await Control.PostAsync("/_emulator/" + route, content).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST /_emulator/{route} answered {(int)response.StatusCode}: {text}");
            return JsonNode.Parse(text);
        }

        /// <summary>GET /_emulator/{route}.</summary>
        public async Task<JsonNode?> GetControlAsync(string route)
        {
            string text = await Control.GetStringAsync("/_emulator/" + route).ConfigureAwait(false);
            return JsonNode.Parse(text);
        }

        /// <summary>Runs the aws CLI against this emulator with the default key pair.</summary>
        public Task<AwsCliResult> AwsAsync(string service, string operation, params string[] arguments) =>
            AwsCli.RunAsync(Url, service, operation, arguments);
    }
}
