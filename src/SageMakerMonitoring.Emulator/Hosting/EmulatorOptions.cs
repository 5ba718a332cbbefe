using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>How to start an <see cref="EmulatorServer"/>.</summary>
    public sealed class EmulatorOptions
    {
        /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
        public int Port { get; set; }

        /// <summary>Seed loaded at start and by a reset without an explicit seed: "demo" or "empty".</summary>
        public string Seed { get; set; } = "demo";

        /// <summary>Initial fault rules as JSON (same body as POST /_emulator/faults); null for none.</summary>
        public string? FaultsJson { get; set; }

        /// <summary>"aws" to enforce AWS's default request quotas from the start (see <see cref="QuotaEnforcer"/>); null for none.</summary>
        public string? Quotas { get; set; }

        /// <summary>Overrides the seed given in <see cref="FaultsJson"/>.</summary>
        public int? FaultSeed { get; set; }

        /// <summary>Seed for the services' own randomness (demo data).</summary>
        public int RandomSeed { get; set; } = 42;

        /// <summary>Extra service factories (each returns an <see cref="IJsonService"/> or <see cref="IRestService"/>);
        /// a service here replaces a discovered one with the same signing name.</summary>
        public IList<Func<EmulatorContext, object>> AdditionalServices { get; } = new List<Func<EmulatorContext, object>>();
    }
}
