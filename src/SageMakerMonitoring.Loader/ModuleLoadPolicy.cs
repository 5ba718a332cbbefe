using System;
using System.Reflection;

namespace SageMakerMonitoring.Loading
{
    /// <summary>
    /// Decides which file, if any, the module's load context answers an assembly request with. A pure function of the
    /// request, what the chosen module folder ships and what the platform (.NET and PowerShell, the default context's
    /// trusted platform assemblies) carries:
    /// <list type="bullet">
    /// <item>Only names the module folder ships, with a neutral culture; anything else (System.Management.Automation,
    /// the runtime's System.*, another module's assemblies) is declined, so the default context answers it.</item>
    /// <item>A name the platform also carries at the version asked for or higher is declined too: the netstandard2.0
    /// build ships System.Text.Json, System.Memory and friends for Windows PowerShell, and on PowerShell 7 the runtime's
    /// own (newer) copies must be the ones in use, or the module and PowerShell would disagree about Span and JSON
    /// types.</item>
    /// <item>Everything else the folder ships (the cmdlet assembly, Core, AWSSDK.*) loads from the folder, whatever the
    /// default context holds: that is what keeps the module's AWSSDK.Core apart from AWS Tools for PowerShell's.</item>
    /// </list>
    /// </summary>
    public static class ModuleLoadPolicy
    {
        /// <param name="requested">The assembly asked for.</param>
        /// <param name="shippedPath">The path of the file of that simple name in the module folder, or null.</param>
        /// <param name="platformVersion">The version of the platform's assembly of that simple name, or null when the
        /// platform has none.</param>
        /// <returns>The path to load, or null to let the default context answer.</returns>
        public static string? Choose(AssemblyName requested, Func<string, string?> shippedPath, Func<string, Version?> platformVersion)
        {
            if (requested is null) throw new ArgumentNullException(nameof(requested));
            if (shippedPath is null) throw new ArgumentNullException(nameof(shippedPath));
            if (platformVersion is null) throw new ArgumentNullException(nameof(platformVersion));
            var name = requested.Name;
            if (string.IsNullOrEmpty(name) || !string.IsNullOrEmpty(requested.CultureName)) return null;
            var path = shippedPath(name);
            if (path is null) return null;
            var platform = platformVersion(name);
            if (platform != null && (requested.Version is null || platform >= requested.Version)) return null;
            return path;
        }
    }
}
