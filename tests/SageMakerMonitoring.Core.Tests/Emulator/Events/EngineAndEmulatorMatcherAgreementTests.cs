using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Events;
using SageMakerMonitoring.Emulator.Services.Events;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    /// <summary>
    /// Beyond the corpus: the module's engine and the emulator's matcher (each checked against the reference corpus,
    /// written apart) on thousands of generated pattern/event pairs from a fixed seed, mixing $or, nested objects, arrays
    /// of objects and every operator. A disagreement means one of them departs from the reference on a case the corpus
    /// does not hold yet; the pair is printed so it can be settled from the reference and added to the corpus.
    /// </summary>
    public class EngineAndEmulatorMatcherAgreementTests
    {
        private readonly ITestOutputHelper _output;

        public EngineAndEmulatorMatcherAgreementTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static readonly string[] Names = { "a", "b", "c" };
        private static readonly string[] Strings = { "\"x\"", "\"X\"", "\"xy\"", "\"\"", "\"10.0.0.1\"", "\"ß\"", "\"SS\"" };
        private static readonly string[] Numbers = { "0", "1", "1.0", "-5", "1e3", "9007199254740993" };

        private static string Leaf(Random r)
        {
            switch (r.Next(6))
            {
                case 0: return Strings[r.Next(Strings.Length)];
                case 1: return Numbers[r.Next(Numbers.Length)];
                case 2: return new[] { "true", "false", "null" }[r.Next(3)];
                case 3: return "[" + string.Join(",", Enumerable.Range(0, r.Next(3)).Select(_ => Leaf(r))) + "]";
                default: return Strings[r.Next(Strings.Length)];
            }
        }

        private static string Event(Random r, int depth)
        {
            var sb = new StringBuilder("{");
            var n = r.Next(4);
            var used = new HashSet<string>();
            for (var i = 0; i < n; i++)
            {
                var name = Names[r.Next(Names.Length)];
                if (!used.Add(name)) continue;
                if (sb.Length > 1) sb.Append(',');
                sb.Append('"').Append(name).Append("\":");
                var k = r.Next(5);
                if (depth < 2 && k == 0) sb.Append(Event(r, depth + 1));
                else if (depth < 2 && k == 1) sb.Append("[" + string.Join(",", Enumerable.Range(0, r.Next(3)).Select(_ => Event(r, depth + 1))) + "]");
                else sb.Append(Leaf(r));
            }
            return sb.Append('}').ToString();
        }

        private static string Matcher(Random r)
        {
            switch (r.Next(14))
            {
                case 0: return Strings[r.Next(Strings.Length)];
                case 1: return Numbers[r.Next(Numbers.Length)];
                case 2: return new[] { "true", "false", "null" }[r.Next(3)];
                case 3: return "{\"prefix\":\"x\"}";
                case 4: return "{\"suffix\":{\"equals-ignore-case\":\"Y\"}}";
                case 5: return "{\"equals-ignore-case\":\"ss\"}";
                case 6: return "{\"anything-but\":[\"x\",\"xy\"]}";
                case 7: return "{\"anything-but\":[0,1]}";
                case 8: return "{\"numeric\":[\">\",0,\"<=\",1000]}";
                case 9: return "{\"exists\":" + (r.Next(2) == 0 ? "true" : "false") + "}";
                case 10: return "{\"wildcard\":\"*y\"}";
                case 11: return "{\"cidr\":\"10.0.0.0/24\"}";
                case 12: return "{\"anything-but\":{\"prefix\":\"x\"}}";
                default: return "{\"exactly\":\"x\"}";
            }
        }

        private static string Pattern(Random r, int depth)
        {
            var sb = new StringBuilder("{");
            var n = 1 + r.Next(3);
            for (var i = 0; i < n; i++)
            {
                if (sb.Length > 1) sb.Append(',');
                var k = r.Next(6);
                if (k == 0 && depth < 2)
                {
                    sb.Append("\"$or\":[").Append(Pattern(r, depth + 1)).Append(',').Append(Pattern(r, depth + 1)).Append(']');
                    continue;
                }
                sb.Append('"').Append(Names[r.Next(Names.Length)]).Append("\":");
                if (k == 1 && depth < 2) sb.Append(Pattern(r, depth + 1));
                else sb.Append("[" + string.Join(",", Enumerable.Range(0, 1 + r.Next(2)).Select(_ => Matcher(r))) + "]");
            }
            return sb.Append('}').ToString();
        }

        [Fact]
        public void Both_give_the_same_answer_on_generated_cases()
        {
            var r = new Random(12345);
            var disagreements = new List<string>();
            var matches = 0;
            for (var i = 0; i < 5000 && disagreements.Count < 20; i++)
            {
                var p = Pattern(r, 0);
                var e = Event(r, 0);
                var engine = EventPattern.Parse(p).Matches(e);
                var emulator = EmulatorEventPattern.Compile(p).Matches(e);
                if (engine) matches++;
                if (engine != emulator) disagreements.Add("engine " + engine + ", emulator " + emulator + ": pattern " + p + " event " + e);
            }
            foreach (var d in disagreements) _output.WriteLine(d);
            Assert.Empty(disagreements);
            Assert.True(matches > 100, "only " + matches + " generated cases matched; the generator no longer exercises matching");
        }
    }
}
