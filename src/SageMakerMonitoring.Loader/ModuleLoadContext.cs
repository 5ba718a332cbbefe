using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace SageMakerMonitoring.Loading
{
    /// <summary>
    /// The module's private, non-collectible load context on PowerShell 7: the cmdlet assembly, Core and the AWS SDK
    /// assemblies load here from the module folder the .psm1 chose (net10.0-&lt;rid&gt;/ or the netstandard2.0 build at the
    /// root), so the default context never holds the module's AWSSDK.Core and a module that later loads its own copy by
    /// path (AWS Tools for PowerShell's RequiredAssemblies, Add-Type -Path) does not clash with it. What the module does
    /// not ship, or the platform already carries at the version asked for, comes from the default context
    /// (<see cref="ModuleLoadPolicy"/>). One context per folder and process: importing the module again reuses it.
    /// </summary>
    public sealed class ModuleLoadContext : AssemblyLoadContext
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, ModuleLoadContext> Contexts = new Dictionary<string, ModuleLoadContext>(
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        private readonly Dictionary<string, string> _shipped;
        private readonly Dictionary<string, string> _platform;

        private ModuleLoadContext(string folder, Dictionary<string, string> shipped, Dictionary<string, string> platform)
            : base("SageMakerMonitoring", isCollectible: false)
        {
            Folder = folder;
            _shipped = shipped;
            _platform = platform;
        }

        /// <summary>The module folder this context loads from.</summary>
        public string Folder { get; }

        /// <summary>The context for <paramref name="folder"/>, created on first use.</summary>
        public static ModuleLoadContext ForFolder(string folder)
        {
            if (string.IsNullOrEmpty(folder)) throw new ArgumentException("A module folder is required.", nameof(folder));
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            lock (Gate)
            {
                if (!Contexts.TryGetValue(full, out var context))
                {
                    context = new ModuleLoadContext(full, Shipped(full), PlatformAssemblies());
                    Contexts.Add(full, context);
                }
                return context;
            }
        }

        /// <summary>Loads one of the module's assemblies (by simple name, e.g. SageMakerMonitoring) into this context.</summary>
        public Assembly LoadModuleAssembly(string simpleName)
        {
            var assembly = LoadFromAssemblyName(new AssemblyName(simpleName));
            if (GetLoadContext(assembly) != this)
            {
                throw new FileLoadException($"'{simpleName}' is not shipped in {Folder}; it loaded from {assembly.Location} instead.");
            }
            return assembly;
        }

        /// <summary>Whether this context has loaded the module assembly <paramref name="simpleName"/> already (an earlier
        /// import in this process).</summary>
        public bool HasLoaded(string simpleName)
        {
            foreach (var assembly in Assemblies)
            {
                if (string.Equals(assembly.GetName().Name, simpleName, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = ModuleLoadPolicy.Choose(assemblyName, ShippedPath, PlatformVersion);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        private string? ShippedPath(string name) => _shipped.TryGetValue(name, out var path) ? path : null;

        private Version? PlatformVersion(string name)
        {
            if (!_platform.TryGetValue(name, out var path)) return null;
            try { return AssemblyName.GetAssemblyName(path).Version; }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is UnauthorizedAccessException) { return null; }
        }

        private static Dictionary<string, string> Shipped(string folder)
        {
            var shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in Directory.EnumerateFiles(folder, "*.dll"))
            {
                shipped[Path.GetFileNameWithoutExtension(file)] = file;
            }
            return shipped;
        }

        /// <summary>
        /// The runtime's and PowerShell's own assemblies: the trusted platform assemblies that live in the runtime's
        /// folder (Microsoft.NETCore.App) or in PowerShell's (beside System.Management.Automation). A host that lists its
        /// own application assemblies there too (a test host, an application embedding PowerShell) does not make them
        /// the platform's.
        /// </summary>
        private static Dictionary<string, string> PlatformAssemblies()
        {
            var trusted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) trusted[Path.GetFileNameWithoutExtension(path)] = path;
                }
            }
            var folders = new List<string>();
            var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
            if (!string.IsNullOrEmpty(runtime)) folders.Add(runtime);
            if (trusted.TryGetValue("System.Management.Automation", out var engine) && Path.GetDirectoryName(engine) is string powerShell) folders.Add(powerShell);

            var platform = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in trusted)
            {
                var folder = Path.GetDirectoryName(entry.Value);
                if (folder != null && folders.Exists(f => string.Equals(f, folder, StringComparison.Ordinal))) platform.Add(entry.Key, entry.Value);
            }
            return platform;
        }
    }
}
