using System;
using System.IO;
using System.Management.Automation;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Loading
{
    /// <summary>
    /// Per-edition loading. On Windows PowerShell 5.1 (.NET Framework) registers an AssemblyResolve handler at import,
    /// before any of the module's dependencies load, and removes it when the module is removed: AWSSDK.Core asks for
    /// System.Text.Json 6.0.0.0 and System.Buffers 4.0.2.0 while the module ships newer builds, and .NET Framework binds
    /// strong names by exact version. On PowerShell 7 nothing is registered: the runtime's own System.* assemblies are
    /// newer than anything asked for, and the module's assemblies load into its own AssemblyLoadContext
    /// (SageMakerMonitoring.Loader, chosen by SageMakerMonitoring.psm1), beside whichever AWSSDK.Core AWS Tools for
    /// PowerShell loads; the net10.0 build starts <c>HttpWarmUp</c> there.
    /// This class names only framework types and the handler's (framework-only) types from Core.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly object Gate = new object();
        private static AssemblyResolveHandler? _handler;

        /// <summary>The handler registered in this process, if any (Windows PowerShell only).</summary>
        internal static AssemblyResolveHandler? Handler => _handler;

        public void OnImport()
        {
#if NET
            HttpWarmUp.Start();
#endif
            if (!IsNetFramework()) return;
            lock (Gate)
            {
                if (_handler != null) return;
                var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location);
                if (string.IsNullOrEmpty(folder)) return;
                var handler = new AssemblyResolveHandler(folder!);
                handler.Register(AppDomain.CurrentDomain);
                _handler = handler;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                _handler?.Unregister(AppDomain.CurrentDomain);
                _handler = null;
            }
        }

        /// <summary>.NET Framework (and Mono) keep the core library in mscorlib; .NET (PowerShell 7) in System.Private.CoreLib.</summary>
        private static bool IsNetFramework() => string.Equals(typeof(object).Assembly.GetName().Name, "mscorlib", StringComparison.Ordinal);
    }
}
