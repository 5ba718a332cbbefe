using System.Text;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Protocols;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class QueryProtocolReaderTests
    {
        private static JsonObject Read(string form, out string? action, out string? version) =>
            QueryProtocolReader.Read(Encoding.UTF8.GetBytes(form), out action, out version);

        [Fact]
        public void MembersBecomeArraysInIndexOrder()
        {
            JsonObject tree = Read("Action=X&Version=V&L.member.2=b&L.member.1=a&L.member.10=c", out string? action, out string? version);
            Assert.Equal("X", action);
            Assert.Equal("V", version);
            Assert.Equal("[\"a\",\"b\",\"c\"]", tree["L"]!.ToJsonString());
        }

        [Fact]
        public void EntriesBecomeMaps()
        {
            JsonObject tree = Read("Tags.entry.1.key=team&Tags.entry.1.value=ml&Tags.entry.2.key=env&Tags.entry.2.value=prod", out _, out _);
            Assert.Equal("ml", tree.GetObject("Tags").GetString("team"));
            Assert.Equal("prod", tree.GetObject("Tags").GetString("env"));
        }

        [Fact]
        public void FormDecodingAndEmptyListMarker()
        {
            JsonObject tree = Read("A=x+y%2Fz&B.C=1&Dimensions=", out _, out _);
            Assert.Equal("x y/z", tree.GetString("A"));
            Assert.Equal(1, tree.GetObject("B").GetInt("C"));
            Assert.Empty(tree.GetArray("Dimensions")!);
        }

        [Fact]
        public void ReaderAcceptsEpochNumbersNumericStringsAndIso()
        {
            var tree = new JsonObject { ["a"] = 1764324000.5, ["b"] = "1764324000", ["c"] = "2025-11-28T10:00:00Z", ["d"] = "true", ["e"] = false };
            Assert.Equal(new System.DateTime(2025, 11, 28, 10, 0, 0, 500, System.DateTimeKind.Utc), tree.GetDateTime("a"));
            Assert.Equal(new System.DateTime(2025, 11, 28, 10, 0, 0, System.DateTimeKind.Utc), tree.GetDateTime("b"));
            Assert.Equal(new System.DateTime(2025, 11, 28, 10, 0, 0, System.DateTimeKind.Utc), tree.GetDateTime("c"));
            Assert.True(tree.GetBool("d"));
            Assert.False(tree.GetBool("e"));
            Assert.Null(tree.GetString("missing"));
            Assert.Throws<AwsErrorException>(() => new JsonObject { ["n"] = "abc" }.GetInt("n"));
        }
    }
}
