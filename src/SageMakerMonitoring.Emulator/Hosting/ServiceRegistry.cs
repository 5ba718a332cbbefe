using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Every emulated service of one server, found once by reflection: each non-abstract class implementing
    /// <see cref="IJsonService"/> or <see cref="IRestService"/> with a public constructor taking <see cref="EmulatorContext"/>.</summary>
    public sealed class ServiceRegistry
    {
        private readonly Dictionary<string, IJsonService> _json = new Dictionary<string, IJsonService>(StringComparer.Ordinal);
        private readonly Dictionary<string, IRestService> _rest = new Dictionary<string, IRestService>(StringComparer.Ordinal);
        private readonly List<object> _all = new List<object>();

        public ServiceRegistry(EmulatorContext context, Assembly? assembly = null, IEnumerable<Func<EmulatorContext, object>>? additional = null)
        {
            assembly ??= typeof(ServiceRegistry).Assembly;
            foreach (Type type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.IsAbstract || type.IsInterface) continue;
                bool json = typeof(IJsonService).IsAssignableFrom(type);
                bool rest = typeof(IRestService).IsAssignableFrom(type);
                if (!json && !rest) continue;
                ConstructorInfo? constructor = type.GetConstructor(new[] { typeof(EmulatorContext) });
                if (constructor is null) continue;
                Add(constructor.Invoke(new object[] { context }));
            }
            foreach (Func<EmulatorContext, object> factory in additional ?? Array.Empty<Func<EmulatorContext, object>>())
                Add(factory(context));
        }

        private void Add(object service)
        {
            switch (service)
            {
                case IJsonService json:
                    if (_json.TryGetValue(json.SigningName, out IJsonService? replaced)) _all.Remove(replaced);
                    _json[json.SigningName] = json;
                    break;
                case IRestService rest:
                    if (_rest.TryGetValue(rest.SigningName, out IRestService? replacedRest)) _all.Remove(replacedRest);
                    _rest[rest.SigningName] = rest;
                    break;
                default:
                    throw new ArgumentException($"{service.GetType().Name} is neither an IJsonService nor an IRestService.");
            }
            _all.Add(service);
        }

        public IEnumerable<string> SigningNames => _json.Keys.Concat(_rest.Keys);

        public IJsonService? FindJson(string signingName) => _json.TryGetValue(signingName, out IJsonService? service) ? service : null;

        public IRestService? FindRest(string signingName) => _rest.TryGetValue(signingName, out IRestService? service) ? service : null;

        public T? Get<T>() where T : class => _all.OfType<T>().FirstOrDefault();

        public void ResetAll()
        {
            foreach (IJsonService service in _json.Values) service.Reset();
            foreach (IRestService service in _rest.Values) service.Reset();
        }

        public void SeedAll(string seedName)
        {
            foreach (IJsonService service in _json.Values) service.Seed(seedName);
            foreach (IRestService service in _rest.Values) service.Seed(seedName);
        }

        /// <summary>Null when no service has that signing name; otherwise whether it knew the action.</summary>
        public bool? TryControl(string signingName, string action, JsonObject arguments, out JsonNode? result)
        {
            result = null;
            if (_json.TryGetValue(signingName, out IJsonService? json)) return json.TryControl(action, arguments, out result);
            if (_rest.TryGetValue(signingName, out IRestService? rest)) return rest.TryControl(action, arguments, out result);
            return null;
        }
    }
}
