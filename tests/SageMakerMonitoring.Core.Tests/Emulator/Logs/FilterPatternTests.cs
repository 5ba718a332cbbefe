using System;
using SageMakerMonitoring.Emulator.Services.Logs.Filtering;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    public class FilterPatternTests
    {
        private static bool Match(string pattern, string message) => FilterPatternParser.Parse(pattern).Matches(message);

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\"\"")]
        public void EmptyPatternsMatchEverything(string? pattern)
        {
            FilterPattern compiled = FilterPatternParser.Parse(pattern);
            Assert.True(compiled.MatchesEverything);
            Assert.True(compiled.Matches("anything at all"));
        }

        [Theory]
        [InlineData("ERROR", "[ERROR 400] BAD REQUEST", true)]
        [InlineData("ERROR", "[error 400] bad request", false)]
        [InlineData("ERROR ARGUMENTS", "ERROR: bad ARGUMENTS given", true)]
        [InlineData("ERROR ARGUMENTS", "ERROR: nothing else", false)]
        [InlineData("\"INTERNAL SERVER ERROR\"", "500 INTERNAL SERVER ERROR here", true)]
        [InlineData("\"INTERNAL SERVER ERROR\"", "INTERNAL ERROR SERVER", false)]
        [InlineData("?ERROR ?WARN", "WARN: disk", true)]
        [InlineData("?ERROR ?WARN", "ERROR: disk", true)]
        [InlineData("?ERROR ?WARN", "INFO: disk", false)]
        [InlineData("ERROR -Exiting", "ERROR: retrying", true)]
        [InlineData("ERROR -Exiting", "ERROR: Exiting now", false)]
        [InlineData("-DEBUG", "INFO hello", true)]
        [InlineData("-DEBUG", "DEBUG hello", false)]
        [InlineData("\"rank 2\" ?NCCL ?Gloo", "ERROR: NCCL timeout on rank 2", true)]
        [InlineData("\"rank 2\" ?NCCL ?Gloo", "ERROR: MPI timeout on rank 2", false)]
        [InlineData("-\"batch wait\" WARNING", "WARNING: data loader worker 2 is slow (batch wait 4.2s)", false)]
        public void UnstructuredTerms(string pattern, string message, bool expected)
        {
            Assert.Equal(expected, Match(pattern, message));
        }

        [Theory]
        [InlineData("%AUTHORIZED%", "[SUCCESS 200] AUTHORIZED REQUEST", true)]
        [InlineData("%AUTHORIZED%", "[ERROR 401] UNAUTHORIZED REQUEST", true)]
        [InlineData("%^\\[ERROR%", "[ERROR 401] UNAUTHORIZED REQUEST", true)]
        [InlineData("%^\\[ERROR%", "x [ERROR 401]", false)]
        [InlineData("%colou?r%", "my color", true)]
        public void StandaloneRegex(string pattern, string message, bool expected)
        {
            Assert.Equal(expected, Match(pattern, message));
        }

        private const string Json = "{\"level\":\"ERROR\",\"latencyMs\":812,\"path\":\"/invocations\",\"ok\":false,\"retry\":true,\"missing\":null," +
                                    "\"user\":{\"id\":1,\"name\":\"John\"},\"items\":[{\"id\":7,\"sku\":\"A-1\"},{\"id\":9}],\"tags\":[\"x\",\"y\"]," +
                                    "\"ip\":\"123.123.5.6\"}";

        [Theory]
        [InlineData("{ $.level = \"ERROR\" }", true)]
        [InlineData("{ $.level = ERROR }", true)]
        [InlineData("{ $.level = \"error\" }", false)]
        [InlineData("{ $.level != \"INFO\" }", true)]
        [InlineData("{ $.level != \"ERROR\" }", false)]
        [InlineData("{ $.latencyMs > 500 }", true)]
        [InlineData("{ $.latencyMs > 812 }", false)]
        [InlineData("{ $.latencyMs >= 812 }", true)]
        [InlineData("{ $.latencyMs < 1000 }", true)]
        [InlineData("{ $.latencyMs <= 811.5 }", false)]
        [InlineData("{ $.latencyMs = 812 }", true)]
        [InlineData("{ $.latencyMs = 8.12e2 }", true)]
        [InlineData("{ $.latencyMs != 812 }", false)]
        [InlineData("{ $.level = \"ERROR\" && $.latencyMs > 500 }", true)]
        [InlineData("{ $.level = \"INFO\" && $.latencyMs > 500 }", false)]
        [InlineData("{ $.level = \"INFO\" || $.latencyMs > 500 }", true)]
        [InlineData("{ ($.level = \"INFO\" || $.level = \"ERROR\") && $.path = \"/invocations\" }", true)]
        [InlineData("{ ($.level = \"INFO\" || $.level = \"WARN\") && $.path = \"/invocations\" }", false)]
        [InlineData("{ $.level = \"INFO\" || $.level = \"ERROR\" && $.latencyMs < 0 }", false)]
        [InlineData("{ $.path = \"/inv*\" }", true)]
        [InlineData("{ $.path = \"*tions\" }", true)]
        [InlineData("{ $.path = \"/*voc*\" }", true)]
        [InlineData("{ $.path = \"/x*\" }", false)]
        [InlineData("{ $.ip != 123.123.* }", false)]
        [InlineData("{ $.ip = 123.123.* }", true)]
        [InlineData("{ $.missing IS NULL }", true)]
        [InlineData("{ $.level IS NULL }", false)]
        [InlineData("{ $.absent IS NULL }", false)]
        [InlineData("{ $.absent NOT EXISTS }", true)]
        [InlineData("{ $.missing NOT EXISTS }", false)]
        [InlineData("{ $.retry IS TRUE }", true)]
        [InlineData("{ $.ok IS TRUE }", false)]
        [InlineData("{ $.ok IS FALSE }", true)]
        [InlineData("{ $.user.id = 1 }", true)]
        [InlineData("{ $.user.name = \"John\" }", true)]
        [InlineData("{ $.items[0].id = 7 }", true)]
        [InlineData("{ $.items[1].id > 8 }", true)]
        [InlineData("{ $.items[2].id > 8 }", false)]
        [InlineData("{ $.items[0].sku = \"A-1\" }", true)]
        [InlineData("{ $.tags[1] = \"y\" }", true)]
        [InlineData("{ $.absent != \"x\" }", false)]
        [InlineData("{ $.level = %ERR% }", true)]
        [InlineData("{ $.level = %^WARN% }", false)]
        public void JsonPatterns(string pattern, bool expected)
        {
            Assert.Equal(expected, Match(pattern, Json));
        }

        [Fact]
        public void JsonPatternsDoNotMatchPlainText()
        {
            Assert.False(Match("{ $.level = \"ERROR\" }", "ERROR level=ERROR"));
            Assert.False(Match("{ $.absent NOT EXISTS }", "not json at all"));
            Assert.False(Match("{ $.level = \"ERROR\" }", "{ broken json"));
        }

        [Theory]
        [InlineData("[ip, user, username, timestamp, request, status_code=4*, bytes]", true)]
        [InlineData("[ip, user, username, timestamp, request, status_code=5*, bytes]", false)]
        [InlineData("[ip, ..., status_code=404, bytes>1000]", true)]
        [InlineData("[ip, ..., status_code=404, bytes>5000]", false)]
        [InlineData("[ip=127.0.0.1, ...]", true)]
        [InlineData("[ip!=127.0.0.1, ...]", false)]
        [InlineData("[..., status_code=400 || status_code=404, bytes]", true)]
        [InlineData("[ip, user]", false)]
        [InlineData("[..., request=\"GET /index.html HTTP/1.0\", ...]", true)]
        public void SpaceDelimitedPatterns(string pattern, bool expected)
        {
            const string message = "127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] \"GET /index.html HTTP/1.0\" 404 1534";
            Assert.Equal(expected, Match(pattern, message));
        }

        [Theory]
        [InlineData("\"unterminated")]
        [InlineData("{ $.level = \"ERROR\" ")]
        [InlineData("{ level = \"ERROR\" }")]
        [InlineData("{ $.level }")]
        [InlineData("{ $.level = }")]
        [InlineData("{ $.latencyMs > abc }")]
        [InlineData("{ $.a = 1 && }")]
        [InlineData("{ ($.a = 1 }")]
        [InlineData("{ $.a = 1 & $.b = 2 }")]
        [InlineData("{ $.a IS MAYBE }")]
        [InlineData("{ $.a NOT THERE }")]
        [InlineData("{ $.items[x] = 1 }")]
        [InlineData("%(group)%")]
        [InlineData("[a, b")]
        [InlineData("[a, , b]")]
        [InlineData("?")]
        [InlineData("ERROR ?")]
        public void InvalidPatternsAreRejected(string pattern)
        {
            Assert.Throws<FormatException>(() => FilterPatternParser.Parse(pattern));
        }

        [Fact]
        public void PatternsLongerThan1024CharactersAreRejected()
        {
            Assert.Throws<FormatException>(() => FilterPatternParser.Parse(new string('a', 1025)));
        }
    }
}
