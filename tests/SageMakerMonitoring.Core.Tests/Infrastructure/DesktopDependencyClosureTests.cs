using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>
    /// The staged module (out/SageMakerMonitoring, written by `build.ps1 build`) must load on Windows PowerShell 5.1:
    /// every reference of every shipped assembly binds on .NET Framework 4.7.2, counting the module's AssemblyResolve
    /// handler. A dependency update that breaks that fails here with the table of what asks for what.
    /// </summary>
    public sealed class DesktopDependencyClosureTests
    {
        private static string FrameworkFolder()
        {
            var package = typeof(DesktopDependencyClosureTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "Net472ReferenceAssemblies").Value!;
            return Path.Combine(package, "build", ".NETFramework", "v4.7.2");
        }

        private static string StagedModule()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (!File.Exists(Path.Combine(folder.FullName, "Module.sln"))) continue;
                var staged = Path.Combine(folder.FullName, "out", "SageMakerMonitoring");
                if (!File.Exists(Path.Combine(staged, "SageMakerMonitoring.dll")))
                {
                    throw new InvalidOperationException($"No staged module in {staged}: run 'dotnet pwsh ./build.ps1 build' first.");
                }
                return staged;
            }
            throw new InvalidOperationException("The repository root (Module.sln) was not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void Every_reference_of_the_staged_module_binds_on_NET_Framework_472_with_the_handler()
        {
            var references = DesktopDependencyClosure.Check(StagedModule(), FrameworkFolder(), withHandler: true);
            Assert.Contains(references, r => r.From == "SageMakerMonitoring" && r.Asked.Name == "SageMakerMonitoring.Core" && r.Outcome == "shipped");
            Assert.Contains(references, r => r.Asked.Name == "netstandard" && r.Outcome == "framework");
            var unresolved = references.Where(r => r.Outcome == "unresolved").ToList();
            Assert.True(unresolved.Count == 0,
                "These references of the staged module do not bind on .NET Framework 4.7.2 (Windows PowerShell 5.1), even with the module's AssemblyResolve handler:"
                + Environment.NewLine + DesktopDependencyClosure.FormatTable(unresolved));
        }

        [Fact]
        public void Without_the_handler_the_version_gaps_of_the_staged_module_are_found()
        {
            // The gaps the module's metadata showed when the handler was written: the check must see them when the
            // handler is not counted, or it would pass whatever the folder holds.
            var unresolved = DesktopDependencyClosure.Check(StagedModule(), FrameworkFolder(), withHandler: false)
                .Where(r => r.Outcome == "unresolved").ToList();
            Assert.Contains(unresolved, r => r.From == "AWSSDK.Core" && r.Asked.Name == "System.Text.Json" && r.Asked.Version < r.Ships);
            Assert.Contains(unresolved, r => r.Asked.Name == "System.Buffers" && r.Asked.Version < r.Ships);
            Assert.Contains(unresolved, r => r.From == "System.Memory" && r.Asked.Name == "System.Runtime.CompilerServices.Unsafe" && r.Asked.Version < r.Ships);
            Assert.All(unresolved, r => Assert.True(r.Ships != null && r.Asked.Version < r.Ships, DesktopDependencyClosure.FormatTable(new[] { r })));
        }
    }
}
