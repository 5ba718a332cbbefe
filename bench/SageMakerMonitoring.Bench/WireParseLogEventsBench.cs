using System;
using System.Text.Json;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Aws.CloudWatchLogs;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// The module's FilterLogEvents reader on a full 10,000-event page, in events/s. Baseline: a bare Utf8JsonReader
    /// token pass over the same bytes, expressed as events/s.
    /// </summary>
    public sealed class WireParseLogEventsBench : IBenchEntry
    {
        private const int PagesPerRound = 10;
        private const int Rounds = 5;

        public string Name => "core-parse-filterlogevents-page";

        public BenchFigure Run()
        {
            byte[] body = SamplePages.FilterLogEvents();
            int events = Parse(body).Events.Count;
            if (events != 10_000) throw new InvalidOperationException($"The sample page parsed to {events} events, not 10,000.");

            long sink = 0;
            var (parse, tokens) = InterleavedRounds.Best(Rounds,
                () => { for (int i = 0; i < PagesPerRound; i++) sink += Parse(body).Events.Count; },
                () => { for (int i = 0; i < PagesPerRound; i++) sink += TokenPass.Read(body); });
            GC.KeepAlive(sink);
            double perRound = (double)events * PagesPerRound;
            return new BenchFigure(Name, perRound / parse.TotalSeconds, perRound / tokens.TotalSeconds, "events/s");
        }

        private static FilterLogEventsPage Parse(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            return CloudWatchLogsClient.ReadFilterLogEvents(ref reader, body);
        }
    }
}
