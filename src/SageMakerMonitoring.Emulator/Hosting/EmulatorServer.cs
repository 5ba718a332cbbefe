using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The loopback AWS emulator: one Kestrel port on 127.0.0.1 serving every emulated service and the
    /// /_emulator control routes.</summary>
    public sealed class EmulatorServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly EmulatorWorlds _worlds;

        private EmulatorServer(WebApplication app, EmulatorWorlds worlds, RequestCounter requests,
            FaultInjector faults, CredentialStore credentials, ControlRoutes control, QuotaEnforcer quotas, int port)
        {
            _app = app;
            Context = worlds.DefaultContext;
            _worlds = worlds;
            Quotas = quotas;
            Requests = requests;
            Faults = faults;
            Credentials = credentials;
            Control = control;
            Port = port;
            Url = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>http://127.0.0.1:PORT</summary>
        public string Url { get; }
        public int Port { get; }
        public EmulatorContext Context { get; }
        public RequestCounter Requests { get; }
        public FaultInjector Faults { get; }
        public CredentialStore Credentials { get; }
        public ControlRoutes Control { get; }
        public QuotaEnforcer Quotas { get; }
        public EmulatorWorlds Worlds => _worlds;

        /// <summary>The running instance of a service class (e.g. the CloudWatch service), for white-box checks in tests.</summary>
        public T GetService<T>() where T : class =>
            _worlds.Default.Get<T>() ?? throw new InvalidOperationException($"No emulated service of type {typeof(T).Name}.");

        public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new EmulatorOptions();
            var quotas = new QuotaEnforcer();
            var worlds = new EmulatorWorlds(new EmulatorClock(), options.RandomSeed, quotas, options.AdditionalServices);
            var counter = new RequestCounter();
            var faults = new FaultInjector();
            var credentials = new CredentialStore();
            var control = new ControlRoutes(worlds, counter, faults, credentials, quotas, options.Seed);
            var dispatcher = new RequestDispatcher(worlds, new SigV4Verifier(credentials), counter, faults, quotas, credentials);

            worlds.Default.SeedAll(options.Seed);
            if (options.Quotas != null) quotas.Configure(new JsonObject { ["mode"] = options.Quotas });
            if (options.FaultsJson != null)
            {
                JsonObject rules = JsonNode.Parse(options.FaultsJson) as JsonObject
                                   ?? throw new ArgumentException("Faults must be a JSON object.", nameof(options));
                faults.Configure(rules, options.FaultSeed);
            }

            WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                kestrel.Limits.MaxRequestBodySize = null;
                kestrel.Limits.MaxRequestBufferSize = 4 * 1024 * 1024;
                kestrel.AddServerHeader = false;
            });
            WebApplication app = builder.Build();
            app.Run(http => ControlRoutes.Matches(http.Request.Path) ? control.HandleAsync(http) : dispatcher.HandleAsync(http));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            int port = new Uri(address).Port;
            return new EmulatorServer(app, worlds, counter, faults, credentials, control, quotas, port);
        }

        /// <summary>Completes when the server has been stopped.</summary>
        public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try { await _app.StopAsync().ConfigureAwait(false); }
            finally { await _app.DisposeAsync().ConfigureAwait(false); }
        }
    }
}
