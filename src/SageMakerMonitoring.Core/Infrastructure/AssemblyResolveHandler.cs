using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;

namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>
    /// The AppDomain.AssemblyResolve handler of Windows PowerShell 5.1 (.NET Framework has no binding redirects for
    /// modules): answers, as <see cref="AssemblyRedirectPolicy"/> decides, the requests for assemblies this module
    /// ships in <see cref="Folder"/> at a version the loader could not bind by itself. The folder is read on the first
    /// request, not at import. Only framework types are touched before a request is answered.
    /// </summary>
    public sealed class AssemblyResolveHandler
    {
        private readonly object _gate = new object();
        private AssemblyName[]? _shipped;
        // The loader may raise the event again while an answer loads (its own references); those are not ours to nest.
        [ThreadStatic] private static bool _resolving;

        public AssemblyResolveHandler(string folder)
        {
            if (string.IsNullOrEmpty(folder)) throw new ArgumentException("The module folder is required.", nameof(folder));
            Folder = Path.GetFullPath(folder);
        }

        public string Folder { get; }

        /// <summary>The last decision that answered or declined a request (for diagnostics and tests).</summary>
        public AssemblyRedirectDecision? LastDecision { get; private set; }

        public void Register(AppDomain domain) => domain.AssemblyResolve += Resolve;

        public void Unregister(AppDomain domain) => domain.AssemblyResolve -= Resolve;

        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            if (_resolving || args?.Name is null) return null;
            _resolving = true;
            try
            {
                AssemblyName requested;
                try { requested = new AssemblyName(args.Name); }
                catch (Exception e) when (e is ArgumentException || e is FileLoadException) { return null; }

                var loaded = new List<Assembly>();
                var loadedNames = new List<AssemblyName>();
                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
                {
                    if (!string.Equals(assembly.GetName().Name, requested.Name, StringComparison.OrdinalIgnoreCase)) continue;
                    loaded.Add(assembly);
                    loadedNames.Add(assembly.GetName());
                }
                var decision = AssemblyRedirectPolicy.Decide(requested, Shipped(), loadedNames);
                LastDecision = decision;
                switch (decision.Action)
                {
                    case AssemblyRedirectAction.UseLoaded:
                        return loaded[loadedNames.IndexOf(decision.Assembly!)];
                    case AssemblyRedirectAction.LoadShipped:
                        return Assembly.LoadFrom(Path.Combine(Folder, decision.Assembly!.Name + ".dll"));
                    default:
                        return null;
                }
            }
            finally
            {
                _resolving = false;
            }
        }

        /// <summary>The identities of the assemblies in the module folder (not its subfolders), read once.</summary>
        public IReadOnlyList<AssemblyName> Shipped()
        {
            var shipped = Volatile.Read(ref _shipped);
            if (shipped != null) return shipped;
            lock (_gate)
            {
                if (_shipped != null) return _shipped;
                var names = new List<AssemblyName>();
                foreach (var path in Directory.GetFiles(Folder, "*.dll", SearchOption.TopDirectoryOnly))
                {
                    try
                    {
                        var name = AssemblyName.GetAssemblyName(path);
                        // Only a file named after its assembly is ever loaded from here.
                        if (string.Equals(name.Name + ".dll", Path.GetFileName(path), StringComparison.OrdinalIgnoreCase)) names.Add(name);
                    }
                    catch (Exception e) when (e is BadImageFormatException || e is FileLoadException || e is IOException || e is UnauthorizedAccessException)
                    {
                        // Not a managed assembly (or unreadable): nothing the handler may answer with.
                    }
                }
                Volatile.Write(ref _shipped, names.ToArray());
                return _shipped!;
            }
        }
    }
}
