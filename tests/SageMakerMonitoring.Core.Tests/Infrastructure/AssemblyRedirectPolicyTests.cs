using System;
using System.IO;
using System.Linq;
using System.Reflection;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>
    /// The requests below are the ones the staged module's own metadata makes on .NET Framework (AWSSDK.Core asking for
    /// System.Text.Json 6.0.0.0 and System.Buffers 4.0.2.0, System.Memory asking for
    /// System.Runtime.CompilerServices.Unsafe 4.0.4.1); the public key tokens are the published ones of those packages.
    /// </summary>
    public sealed class AssemblyRedirectPolicyTests
    {
        private const string Microsoft = "cc7b13ffcd2ddd51";
        private const string Aws = "885c28607f98e604";

        private static AssemblyName Name(string name, string version, string? token, string culture = "neutral") =>
            new AssemblyName($"{name}, Version={version}, Culture={culture}, PublicKeyToken={token ?? "null"}");

        private static readonly AssemblyName[] Shipped =
        {
            Name("AWSSDK.Core", "4.0.0.0", Aws),
            Name("System.Text.Json", "8.0.0.0", Microsoft),
            Name("System.Buffers", "4.0.3.0", Microsoft),
            Name("System.Runtime.CompilerServices.Unsafe", "6.0.0.0", "b03f5f7f11d50a3a"),
            Name("SageMakerMonitoring.Core", "0.1.0.0", null),
        };

        [Theory]
        [InlineData("System.Text.Json", "6.0.0.0", Microsoft, "8.0.0.0")]
        [InlineData("System.Buffers", "4.0.2.0", Microsoft, "4.0.3.0")]
        [InlineData("System.Runtime.CompilerServices.Unsafe", "4.0.4.1", "b03f5f7f11d50a3a", "6.0.0.0")]
        [InlineData("System.Text.Json", "8.0.0.0", Microsoft, "8.0.0.0")]
        public void A_lower_or_equal_request_for_a_shipped_name_loads_the_shipped_copy(string name, string asked, string token, string ships)
        {
            var decision = AssemblyRedirectPolicy.Decide(Name(name, asked, token), Shipped);
            Assert.Equal(AssemblyRedirectAction.LoadShipped, decision.Action);
            Assert.Equal(new Version(ships), decision.Assembly!.Version);
            Assert.Equal(name, decision.Assembly.Name);
        }

        [Fact]
        public void A_request_for_a_higher_version_than_shipped_is_declined()
        {
            var decision = AssemblyRedirectPolicy.Decide(Name("System.Text.Json", "9.0.0.0", Microsoft), Shipped);
            Assert.Equal(AssemblyRedirectAction.Decline, decision.Action);
            Assert.Null(decision.Assembly);
            Assert.Contains("9.0.0.0", decision.Reason);
        }

        [Fact]
        public void A_name_the_module_does_not_ship_is_declined_even_when_loaded()
        {
            var loaded = new[] { Name("Newtonsoft.Json", "13.0.0.0", "30ad4fe6b2a6aeed") };
            var decision = AssemblyRedirectPolicy.Decide(Name("Newtonsoft.Json", "12.0.0.0", "30ad4fe6b2a6aeed"), Shipped, loaded);
            Assert.Equal(AssemblyRedirectAction.Decline, decision.Action);
        }

        [Fact]
        public void Another_signer_is_declined()
        {
            var decision = AssemblyRedirectPolicy.Decide(Name("System.Text.Json", "6.0.0.0", "0123456789abcdef"), Shipped);
            Assert.Equal(AssemblyRedirectAction.Decline, decision.Action);
            Assert.Contains("0123456789abcdef", decision.Reason);
        }

        [Fact]
        public void A_satellite_culture_is_declined()
        {
            var decision = AssemblyRedirectPolicy.Decide(Name("System.Text.Json", "6.0.0.0", Microsoft, "de-DE"), Shipped);
            Assert.Equal(AssemblyRedirectAction.Decline, decision.Action);
        }

        [Fact]
        public void Names_compare_without_case_and_a_simple_name_takes_the_shipped_copy()
        {
            var decision = AssemblyRedirectPolicy.Decide(new AssemblyName("system.text.json"), Shipped);
            Assert.Equal(AssemblyRedirectAction.LoadShipped, decision.Action);
            Assert.Equal(new Version(8, 0, 0, 0), decision.Assembly!.Version);
        }

        [Fact]
        public void An_AWSSDK_Core_that_AWS_Tools_loaded_first_answers_instead_of_a_second_copy()
        {
            var loaded = new[] { Name("AWSSDK.Core", "4.0.0.0", Aws) };
            var decision = AssemblyRedirectPolicy.Decide(Name("AWSSDK.Core", "4.0.0.0", Aws), Shipped, loaded);
            Assert.Equal(AssemblyRedirectAction.UseLoaded, decision.Action);
            Assert.Same(loaded[0], decision.Assembly);
        }

        [Fact]
        public void The_highest_loaded_copy_at_or_above_the_request_wins_and_lower_ones_are_ignored()
        {
            var loaded = new[]
            {
                Name("System.Text.Json", "5.0.0.0", Microsoft),
                Name("System.Text.Json", "8.0.0.0", Microsoft),
                Name("System.Text.Json", "7.0.0.0", Microsoft),
                Name("System.Text.Json", "9.0.0.0", "0123456789abcdef"),
            };
            var decision = AssemblyRedirectPolicy.Decide(Name("System.Text.Json", "6.0.0.0", Microsoft), Shipped, loaded);
            Assert.Equal(AssemblyRedirectAction.UseLoaded, decision.Action);
            Assert.Same(loaded[1], decision.Assembly);
        }

        [Fact]
        public void A_loaded_copy_lower_than_the_request_does_not_answer()
        {
            var loaded = new[] { Name("System.Text.Json", "5.0.0.0", Microsoft) };
            var decision = AssemblyRedirectPolicy.Decide(Name("System.Text.Json", "6.0.0.0", Microsoft), Shipped, loaded);
            Assert.Equal(AssemblyRedirectAction.LoadShipped, decision.Action);
            Assert.Equal(new Version(8, 0, 0, 0), decision.Assembly!.Version);
        }

        [Fact]
        public void The_handler_declines_names_it_does_not_ship_and_answers_a_shipped_name_with_the_loaded_copy()
        {
            var folder = Path.GetDirectoryName(typeof(AssemblyRedirectPolicy).Assembly.Location)!;
            var handler = new AssemblyResolveHandler(folder);
            Assert.Contains(handler.Shipped(), n => n.Name == "SageMakerMonitoring.Core");
            Assert.DoesNotContain(handler.Shipped(), n => n.Name is null);

            Assert.Null(handler.Resolve(null, new ResolveEventArgs("No.Such.Assembly, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null")));
            Assert.Equal(AssemblyRedirectAction.Decline, handler.LastDecision!.Action);

            var answer = handler.Resolve(null, new ResolveEventArgs("SageMakerMonitoring.Core, Version=0.0.0.1, Culture=neutral, PublicKeyToken=null"));
            Assert.Same(typeof(AssemblyRedirectPolicy).Assembly, answer);
            Assert.Equal(AssemblyRedirectAction.UseLoaded, handler.LastDecision!.Action);

            Assert.Null(handler.Resolve(null, new ResolveEventArgs("SageMakerMonitoring.Core, Version=999.0.0.0, Culture=neutral, PublicKeyToken=null")));
        }

        [Fact]
        public void The_handler_reads_only_files_named_after_their_assembly()
        {
            var folder = Path.Combine(Path.GetTempPath(), "redirect-" + Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(folder);
            try
            {
                var source = typeof(AssemblyRedirectPolicy).Assembly.Location;
                File.Copy(source, Path.Combine(folder, "Renamed.dll"));
                File.WriteAllText(Path.Combine(folder, "NotAnAssembly.dll"), "text");
                File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));
                var names = new AssemblyResolveHandler(folder).Shipped().Select(n => n.Name).ToArray();
                Assert.Equal(new[] { "SageMakerMonitoring.Core" }, names);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
