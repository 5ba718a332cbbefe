using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>
    /// The reference corpus in <c>Events/Corpus/*.json</c>: (pattern, event, expected match) cases taken from
    /// aws/event-ruler's tests, README and source and from the EventBridge User Guide (see Corpus/README.md). Every engine
    /// that claims EventBridge's matching behaviour runs against it.
    /// </summary>
    public static class EventPatternCorpus
    {
        public sealed class Case
        {
            public Case(string id, string source, string pattern, string evt, bool match)
            {
                Id = id;
                Source = source;
                Pattern = pattern;
                Event = evt;
                Match = match;
            }

            /// <summary>file#group.case, e.g. <c>or.json#5.0</c>.</summary>
            public string Id { get; }
            public string Source { get; }
            public string Pattern { get; }
            public string Event { get; }
            public bool Match { get; }

            public override string ToString() => Id;
        }

        public static string Folder => Path.Combine(AppContext.BaseDirectory, "Events", "Corpus");

        private static readonly Lazy<IReadOnlyList<Case>> Loaded = new Lazy<IReadOnlyList<Case>>(Load);

        public static IReadOnlyList<Case> All => Loaded.Value;

        public static Case Get(string id) => All.Single(c => c.Id == id);

        /// <summary>Case ids as theory data (the case itself is looked up by id, so test names stay short).</summary>
        public static TheoryData<string> Ids()
        {
            var data = new TheoryData<string>();
            foreach (var c in All) data.Add(c.Id);
            return data;
        }

        private static IReadOnlyList<Case> Load()
        {
            var cases = new List<Case>();
            var files = Directory.GetFiles(Folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw new InvalidOperationException("No corpus files in " + Folder);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                var g = 0;
                foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
                {
                    var source = group.GetProperty("source").GetString() ?? throw new InvalidDataException(name + " group " + g + " has no source");
                    var pattern = group.GetProperty("pattern").GetRawText();
                    var i = 0;
                    foreach (var c in group.GetProperty("cases").EnumerateArray())
                    {
                        cases.Add(new Case(name + "#" + g + "." + i, source, pattern, c.GetProperty("event").GetRawText(), c.GetProperty("match").GetBoolean()));
                        i++;
                    }
                    g++;
                }
            }
            return cases;
        }
    }
}
