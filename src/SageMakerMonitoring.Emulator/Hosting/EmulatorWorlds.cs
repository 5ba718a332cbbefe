using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// Each account × Region is a world of its own, as on AWS: its own metrics, logs, rules, jobs and buckets. A request
    /// lands in the world of the account its access key belongs to and the Region of its signature; control routes name
    /// a world with optional "region" and "account" members (default: us-east-1 of the default account). The default
    /// world is seeded; others start empty the first time something reaches them.
    /// </summary>
    public sealed class EmulatorWorlds
    {
        public const string DefaultAccount = "123456789012";
        public const string DefaultRegion = "us-east-1";

        private readonly EmulatorClock _clock;
        private readonly int _randomSeed;
        private readonly QuotaEnforcer _quotas;
        private readonly IEnumerable<Func<EmulatorContext, object>>? _additional;
        private readonly ConcurrentDictionary<string, Lazy<(EmulatorContext Context, ServiceRegistry Services)>> _others =
            new ConcurrentDictionary<string, Lazy<(EmulatorContext, ServiceRegistry)>>(StringComparer.Ordinal);

        public EmulatorWorlds(EmulatorClock clock, int randomSeed, QuotaEnforcer quotas, IEnumerable<Func<EmulatorContext, object>>? additional)
        {
            _clock = clock;
            _randomSeed = randomSeed;
            _quotas = quotas;
            _additional = additional;
            DefaultContext = NewContext(DefaultAccount, DefaultRegion);
            Default = new ServiceRegistry(DefaultContext, additional: additional);
        }

        public EmulatorContext DefaultContext { get; }
        public ServiceRegistry Default { get; }

        /// <summary>The world of one account and Region (created empty on first use).</summary>
        public ServiceRegistry For(string? account, string? region)
        {
            account = string.IsNullOrEmpty(account) ? DefaultAccount : account!;
            region = string.IsNullOrEmpty(region) ? DefaultRegion : region!;
            if (account == DefaultAccount && region == DefaultRegion) return Default;
            return _others.GetOrAdd(account + "/" + region, _ => new Lazy<(EmulatorContext, ServiceRegistry)>(() =>
            {
                var context = NewContext(account, region);
                var services = new ServiceRegistry(context, additional: _additional);
                services.SeedAll("empty");
                return (context, services);
            })).Value.Services;
        }

        /// <summary>Every world created so far, default first.</summary>
        public IEnumerable<ServiceRegistry> All => new[] { Default }.Concat(_others.Values.Select(l => l.Value.Services));

        /// <summary>Drops every world but the default one and resets that.</summary>
        public void Reset()
        {
            _others.Clear();
            Default.ResetAll();
        }

        private EmulatorContext NewContext(string account, string region) =>
            new EmulatorContext(_clock, _randomSeed, account, region) { Quotas = _quotas };
    }
}
