using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// Runs the core and emulator benchmarks and prints one line per figure:
    /// <c>bench &lt;name&gt;: &lt;value&gt; &lt;unit&gt; (baseline &lt;value&gt; &lt;unit&gt;, ratio &lt;x&gt;)</c>.
    /// Usage: <c>SageMakerMonitoring.Bench [--only name[,name...]] [--list]</c>. Exit code 1 when an entry fails.
    /// </summary>
    public static class Program
    {
        private static readonly IBenchEntry[] Entries =
        {
            new WireParseMetricDataBench(),
            new WireParseLogEventsBench(),
            new EmulatorServeMetricDataBench(),
            new EmulatorServeLogEventsBench(),
            new ClientHttpMetricDataBench(),
        };

        public static int Main(string[] args)
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            IEnumerable<IBenchEntry> selected = Entries;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--list":
                        foreach (IBenchEntry entry in Entries) Console.WriteLine(entry.Name);
                        return 0;
                    case "--only" when i + 1 < args.Length:
                        var names = new HashSet<string>(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                        var unknown = names.Except(Entries.Select(e => e.Name), StringComparer.OrdinalIgnoreCase).ToList();
                        if (unknown.Count > 0)
                        {
                            Console.Error.WriteLine("Unknown benchmark(s): " + string.Join(", ", unknown) + ". Use --list.");
                            return 2;
                        }
                        selected = Entries.Where(e => names.Contains(e.Name));
                        break;
                    default:
                        Console.Error.WriteLine("Usage: SageMakerMonitoring.Bench [--only name[,name...]] [--list]");
                        return 2;
                }
            }

            int failures = 0;
            foreach (IBenchEntry entry in selected)
            {
                Stopwatch watch = Stopwatch.StartNew();
                try
                {
                    BenchFigure figure = entry.Run();
                    Console.WriteLine(figure);
                }
                catch (Exception error)
                {
                    failures++;
                    Console.Error.WriteLine($"bench {entry.Name} failed: {error}");
                }
                Console.WriteLine($"  ({entry.Name} took {watch.Elapsed.TotalSeconds:0.0} s)");
            }
            return failures == 0 ? 0 : 1;
        }
    }
}
