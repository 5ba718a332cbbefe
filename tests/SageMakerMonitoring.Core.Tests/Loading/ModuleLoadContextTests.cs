using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Amazon.Runtime;
using SageMakerMonitoring.Loading;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Loading
{
    /// <summary>
    /// The load context itself, over a folder holding a copy of AWSSDK.Core (the test process already has one in its
    /// default context, as a session has after AWS Tools for PowerShell loaded theirs) and a copy of the runtime's
    /// System.Text.Json.
    /// </summary>
    public sealed class ModuleLoadContextTests
    {
        private static readonly Lazy<string> Folder = new Lazy<string>(() =>
        {
            var folder = Path.Combine(Path.GetTempPath(), "smm-loadcontext-" + Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(folder);
            File.Copy(typeof(AmazonServiceClient).Assembly.Location, Path.Combine(folder, "AWSSDK.Core.dll"));
            File.Copy(typeof(JsonSerializer).Assembly.Location, Path.Combine(folder, "System.Text.Json.dll"));
            return folder;
        });

        [Fact]
        public void The_folders_AWSSDK_Core_loads_beside_the_default_contexts_copy()
        {
            var context = ModuleLoadContext.ForFolder(Folder.Value);
            var sdk = context.LoadModuleAssembly("AWSSDK.Core");
            Assert.Same(context, AssemblyLoadContext.GetLoadContext(sdk));
            Assert.Equal(Path.Combine(Folder.Value, "AWSSDK.Core.dll"), sdk.Location);
            var defaultCopy = typeof(AmazonServiceClient).Assembly;
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(defaultCopy));
            Assert.NotSame(defaultCopy, sdk);
            Assert.NotEqual(typeof(AWSCredentials), sdk.GetType("Amazon.Runtime.AWSCredentials", throwOnError: true));
        }

        [Fact]
        public void The_runtimes_assemblies_and_what_the_folder_lacks_come_from_the_default_context()
        {
            var context = ModuleLoadContext.ForFolder(Folder.Value);
            Assert.Same(typeof(JsonSerializer).Assembly, context.LoadFromAssemblyName(typeof(JsonSerializer).Assembly.GetName()));
            Assert.Same(typeof(ModuleLoadContextTests).Assembly, context.LoadFromAssemblyName(typeof(ModuleLoadContextTests).Assembly.GetName()));
            Assert.Throws<FileLoadException>(() => context.LoadModuleAssembly("SageMakerMonitoring.Core.Tests"));
        }

        [Fact]
        public void One_context_per_folder_and_the_same_assembly_on_a_second_load()
        {
            var context = ModuleLoadContext.ForFolder(Folder.Value);
            Assert.Same(context, ModuleLoadContext.ForFolder(Folder.Value + Path.DirectorySeparatorChar));
            context.LoadModuleAssembly("AWSSDK.Core");
            Assert.True(context.HasLoaded("AWSSDK.Core"));
            Assert.False(context.HasLoaded("SageMakerMonitoring"));
            Assert.Same(context.LoadModuleAssembly("AWSSDK.Core"), context.LoadModuleAssembly("AWSSDK.Core"));
            Assert.False(context.IsCollectible);
            Assert.Equal("SageMakerMonitoring", context.Name);
        }
    }
}
