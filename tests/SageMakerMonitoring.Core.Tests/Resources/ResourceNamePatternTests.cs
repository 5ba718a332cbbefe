using SageMakerMonitoring.Core.Infrastructure;
using SageMakerMonitoring.Core.Resources;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Resources
{
    /// <summary>Resource name patterns read as PowerShell's -like reads them (about_Wildcards: * ? [abc] [a-z], backtick
    /// escape, case-insensitive), and the NameContains filter chosen from them.</summary>
    public sealed class ResourceNamePatternTests
    {
        [Theory]
        [InlineData("nightly-*", "nightly-2024-01-01", true)]
        [InlineData("nightly-*", "Nightly-7", true)]            // -like ignores case
        [InlineData("nightly-*", "eval-nightly-7", false)]      // anchored at both ends
        [InlineData("*-7", "eval-nightly-7", true)]
        [InlineData("*-7", "eval-nightly-70", false)]
        [InlineData("job-?", "job-a", true)]
        [InlineData("job-?", "job-", false)]
        [InlineData("job-?", "job-ab", false)]
        [InlineData("job-[ab]", "job-b", true)]
        [InlineData("job-[ab]", "job-c", false)]
        [InlineData("job-[0-3]x", "job-2x", true)]
        [InlineData("job-[0-3]x", "job-5x", false)]
        [InlineData("job-[a-c]", "JOB-B", true)]
        [InlineData("*", "anything-at-all", true)]
        [InlineData("a*b*c", "a-x-b-y-c", true)]
        [InlineData("a*b*c", "a-x-c-y-b", false)]
        [InlineData("job`*", "job*", true)]                     // an escaped * is a literal
        [InlineData("job`*", "job-1", false)]
        [InlineData("job`[1]", "job[1]", true)]
        [InlineData("a.b*", "a.b-1", true)]                     // regex characters are literals
        [InlineData("a.b*", "axb-1", false)]
        public void Matches_as_powershell_like(string pattern, string name, bool expected)
        {
            Assert.Equal(expected, ResourceNamePattern.Parse(pattern).IsMatch(name));
        }

        [Theory]
        [InlineData("nightly-1", false, "nightly-1")]
        [InlineData("job`*", false, "job*")]
        [InlineData("job-*", true, null)]
        [InlineData("job-?", true, null)]
        [InlineData("job-[12]", true, null)]
        public void Tells_plain_names_from_patterns(string text, bool isWildcard, string? literal)
        {
            var pattern = ResourceNamePattern.Parse(text);
            Assert.Equal(isWildcard, pattern.IsWildcard);
            Assert.Equal(isWildcard, ResourceNamePattern.ContainsWildcard(text));
            if (literal != null) Assert.Equal(literal, pattern.Literal);
        }

        [Theory]
        [InlineData("nightly-*", "nightly-")]
        [InlineData("*-eval-*", "-eval-")]
        [InlineData("ab*nightly*cd", "nightly")]                 // the longest literal run
        [InlineData("ab_nightly*", "nightly")]                   // '_' is not accepted by NameContains: the run breaks there
        [InlineData("x.y*", "x")]
        [InlineData("*", null)]
        [InlineData("?[ab]*", null)]
        [InlineData("job`-1*", "job-1")]                         // an escaped character is a literal of the run
        public void Chooses_the_longest_literal_run_that_namecontains_accepts(string text, string? expected)
        {
            Assert.Equal(expected, ResourceNamePattern.Parse(text).NameContains);
        }

        [Fact]
        public void A_literal_run_longer_than_namecontains_allows_is_cut_to_63_characters()
        {
            var pattern = ResourceNamePattern.Parse(new string('a', 70) + "*");
            Assert.Equal(63, pattern.NameContains!.Length);
            Assert.True(pattern.IsMatch(new string('a', 70) + "-1"));
        }

        [Theory]
        [InlineData("job-[ab")]
        [InlineData("job-[z-a]")]
        public void Malformed_patterns_are_the_modules_own_error(string text)
        {
            var error = Assert.Throws<MonitoringException>(() => ResourceNamePattern.Parse(text));
            Assert.Equal("InvalidWildcardPattern", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(text, error.TargetObject);
            Assert.NotNull(error.RecommendedAction);
        }
    }
}
