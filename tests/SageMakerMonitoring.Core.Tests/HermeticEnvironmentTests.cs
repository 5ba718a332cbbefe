using System;
using System.Collections;
using System.IO;
using System.Linq;
using Xunit;

namespace SageMakerMonitoring.Core.Tests
{
    /// <summary>
    /// What <see cref="HermeticEnvironment"/> leaves in the test process: no AWS_* variable of the shell that started it,
    /// only the three it sets, and shared config/credentials files that exist and are empty. (Hermetic.Tests.ps1 runs
    /// the fault tests under a hostile parent environment to show the outcome does not change.)
    /// </summary>
    public sealed class HermeticEnvironmentTests
    {
        [Fact]
        public void Only_the_variables_the_harness_sets_are_present()
        {
            string[] present = Environment.GetEnvironmentVariables().Keys.Cast<string>()
                .Where(n => n.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase))
                .OrderBy(n => n, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_SHARED_CREDENTIALS_FILE" }, present);
        }

        [Theory]
        [InlineData("AWS_CONFIG_FILE")]
        [InlineData("AWS_SHARED_CREDENTIALS_FILE")]
        public void The_shared_files_are_empty_files_of_our_own(string name)
        {
            string path = Environment.GetEnvironmentVariable(name)!;
            Assert.StartsWith(HermeticEnvironment.Folder, path, StringComparison.Ordinal);
            Assert.True(File.Exists(path), path);
            Assert.Equal(0, new FileInfo(path).Length);
        }
    }
}
