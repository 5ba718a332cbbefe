using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using SageMakerMonitoring.Core.Tests.Aws;
using SageMakerMonitoring.Core.Tests.Events;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Emulator.Events
{
    /// <summary>
    /// moto's event-pattern engine (a third, independent implementation) against the reference corpus. moto_server's
    /// TestEventPattern action is not implemented (moto 5.2 answers it with an empty body), so the cases go to the class
    /// moto_server itself uses to route PutEvents to rule targets, <c>moto.events.models.EventPattern</c>, in the Python
    /// that provides moto_server. Cases where moto disagrees with the reference are listed in
    /// <c>Events/Corpus/moto-disagreements.txt</c>; every other case must agree, and every listed one must still disagree
    /// (a moto upgrade that fixes one shows up here and the list shrinks).
    /// </summary>
    public sealed class MotoEventPatternCorpusTests
    {
        private const string Script = @"
import json, sys
from moto.events.models import EventPattern
out = {}
for case in json.load(open(sys.argv[1], encoding='utf-8')):
    try:
        out[case['id']] = bool(EventPattern.load(case['pattern']).matches_event(json.loads(case['event'])))
    except Exception as e:
        out[case['id']] = 'error: ' + type(e).__name__
json.dump(out, open(sys.argv[2], 'w', encoding='utf-8'))
";

        private readonly ITestOutputHelper _output;

        public MotoEventPatternCorpusTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [MotoFact]
        public void Moto_agrees_with_the_reference_except_for_the_listed_cases()
        {
            var answers = RunMoto();
            var known = new HashSet<string>(File.ReadAllLines(Path.Combine(EventPatternCorpus.Folder, "moto-disagreements.txt"))
                .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)), StringComparer.Ordinal);

            var disagreements = new List<string>();
            foreach (var c in EventPatternCorpus.All)
            {
                var answer = answers[c.Id];
                if (answer.ValueKind == JsonValueKind.String) _output.WriteLine(c.Id + ": moto " + answer.GetString());
                var agrees = (answer.ValueKind == JsonValueKind.True && c.Match) || (answer.ValueKind == JsonValueKind.False && !c.Match);
                if (!agrees) disagreements.Add(c.Id);
            }
            var agreed = EventPatternCorpus.All.Count - disagreements.Count;
            _output.WriteLine(agreed + " of " + EventPatternCorpus.All.Count + " cases agree; moto disagrees on:\n" + string.Join("\n", disagreements));

            var unexpected = disagreements.Where(id => !known.Contains(id)).ToList();
            var nowAgreeing = known.Where(id => !disagreements.Contains(id)).ToList();
            Assert.True(unexpected.Count == 0, "moto disagrees with the reference on unlisted cases: " + string.Join(" ", unexpected));
            Assert.True(nowAgreeing.Count == 0, "listed cases that moto now gets right (remove them from the list): " + string.Join(" ", nowAgreeing));
            Assert.True(agreed >= EventPatternCorpus.All.Count / 2, "moto agrees on only " + agreed + " cases");
        }

        private static Dictionary<string, JsonElement> RunMoto()
        {
            var folder = Path.Combine(Path.GetTempPath(), "smm-moto-corpus-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var input = Path.Combine(folder, "cases.json");
                var output = Path.Combine(folder, "answers.json");
                var script = Path.Combine(folder, "match.py");
                File.WriteAllText(script, Script);
                File.WriteAllText(input, JsonSerializer.Serialize(EventPatternCorpus.All.Select(c => new Dictionary<string, string>
                {
                    ["id"] = c.Id, ["pattern"] = c.Pattern, ["event"] = c.Event,
                })));
                var start = new ProcessStartInfo(Python(), "\"" + script + "\" \"" + input + "\" \"" + output + "\"")
                {
                    UseShellExecute = false,
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                };
                using var process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEndAsync();
                process.StandardOutput.ReadToEnd();
                Assert.True(process.WaitForExit(120_000), "moto's matcher did not finish within two minutes");
                Assert.True(process.ExitCode == 0, "moto's matcher failed: " + stderr.Result);
                using var document = JsonDocument.Parse(File.ReadAllText(output));
                return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>The Python that provides moto_server (the interpreter beside it, else python3 on PATH).</summary>
        private static string Python()
        {
            var beside = Path.Combine(Path.GetDirectoryName(MotoServer.Executable!)!, "python3");
            return File.Exists(beside) ? beside : "python3";
        }
    }
}
