using System;
using System.Collections.Generic;
using System.Reflection;
using SageMakerMonitoring.Loading;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Loading
{
    /// <summary>What the module's load context on PowerShell 7 answers from its folder, and what it leaves to the
    /// default context (the runtime's and PowerShell's own assemblies, other modules').</summary>
    public sealed class ModuleLoadPolicyTests
    {
        private static readonly Dictionary<string, string> Shipped = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["SageMakerMonitoring"] = "/m/SageMakerMonitoring.dll",
            ["SageMakerMonitoring.Core"] = "/m/SageMakerMonitoring.Core.dll",
            ["AWSSDK.Core"] = "/m/AWSSDK.Core.dll",
            ["System.Text.Json"] = "/m/System.Text.Json.dll",
            ["Microsoft.Bcl.AsyncInterfaces"] = "/m/Microsoft.Bcl.AsyncInterfaces.dll",
        };

        private static readonly Dictionary<string, Version> Platform = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase)
        {
            ["System.Text.Json"] = new Version(10, 0, 0, 0),
            ["Microsoft.Bcl.AsyncInterfaces"] = new Version(8, 0, 0, 0),
            ["System.Management.Automation"] = new Version(7, 6, 0, 0),
        };

        private static string? Choose(string name) => ModuleLoadPolicy.Choose(new AssemblyName(name),
            n => Shipped.TryGetValue(n, out var p) ? p : null,
            n => Platform.TryGetValue(n, out var v) ? v : null);

        [Theory]
        [InlineData("SageMakerMonitoring, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", "/m/SageMakerMonitoring.dll")]
        [InlineData("SageMakerMonitoring.Core", "/m/SageMakerMonitoring.Core.dll")]
        [InlineData("AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=885c28607f98e604", "/m/AWSSDK.Core.dll")]
        [InlineData("awssdk.core, Version=4.0.0.0", "/m/AWSSDK.Core.dll")]
        public void The_modules_own_assemblies_and_the_AWS_SDK_load_from_the_folder(string requested, string expected)
        {
            Assert.Equal(expected, Choose(requested));
        }

        [Theory]
        [InlineData("System.Management.Automation, Version=7.6.0.0")] // PowerShell's, never shipped
        [InlineData("System.Runtime, Version=10.0.0.0")]
        [InlineData("AWSSDK.DynamoDBv2, Version=4.0.0.0")] // another module's
        [InlineData("SageMakerMonitoring.resources, Version=0.1.0.0, Culture=de")]
        public void What_the_folder_does_not_ship_is_left_to_the_default_context(string requested)
        {
            Assert.Null(Choose(requested));
        }

        [Theory]
        [InlineData("System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51")]
        [InlineData("System.Text.Json, Version=10.0.0.0")]
        [InlineData("System.Text.Json")]
        [InlineData("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0")]
        public void A_shipped_name_the_platform_carries_at_the_asked_version_comes_from_the_platform(string requested)
        {
            Assert.Null(Choose(requested));
        }

        [Fact]
        public void A_shipped_name_asked_for_above_the_platforms_version_loads_from_the_folder()
        {
            Assert.Equal("/m/System.Text.Json.dll", Choose("System.Text.Json, Version=11.0.0.0"));
        }

        [Fact]
        public void The_arguments_are_required()
        {
            Assert.Throws<ArgumentNullException>(() => ModuleLoadPolicy.Choose(null!, _ => null, _ => null));
            Assert.Throws<ArgumentNullException>(() => ModuleLoadPolicy.Choose(new AssemblyName("x"), null!, _ => null));
            Assert.Throws<ArgumentNullException>(() => ModuleLoadPolicy.Choose(new AssemblyName("x"), _ => null, null!));
        }
    }
}
