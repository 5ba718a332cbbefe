using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace SageMakerMonitoring.Core.Findings
{
    /// <summary>
    /// Writes one self-contained HTML file from a <see cref="UtilizationAnalysis"/>: summary, usage table, per-host
    /// time-series charts (per device with Debugger data), per-host box plots, and the findings. Charts are inline SVG
    /// drawn here; the page loads nothing (its Content-Security-Policy forbids it) and every value from AWS or S3 is
    /// HTML-encoded.
    /// </summary>
    public sealed class UtilizationReportWriter
    {
        private const int ChartWidth = 760, ChartHeight = 200, Left = 44, Right = 12, Top = 12, Bottom = 26;
        private static readonly string[] Palette =
            { "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf" };
        private static readonly string[] ChartMetrics = { "CPUUtilization", "GPUUtilization", "GPUMemoryUtilization" };
        private static readonly string[] BoxMetrics = { "CPUUtilization", "GPUUtilization", "GPUMemoryUtilization", "MemoryUtilization", "DiskUtilization" };
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

        public int ChartCount { get; private set; }

        public void Write(UtilizationAnalysis a, TextWriter w, DateTime generatedAt)
        {
            ChartCount = 0;
            w.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
            w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">");
            w.Write($"<title>{E(a.ResourceName)} — utilization report</title>");
            w.Write("<style>body{font-family:system-ui,sans-serif;margin:24px;color:#222}h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}"
                + "table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 7px;text-align:left}td.n{text-align:right}"
                + "tr.hit td{background:#fdecea}tr.na td{color:#777}svg.chart{display:block;margin:6px 0 14px 0;background:#fff}.legend{font-size:12px}"
                + "dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px;font-size:14px}dt{font-weight:600}</style></head><body>\n");
            w.Write($"<h1>{E(a.ResourceType == "Endpoint" ? "Endpoint" : "Training job")} {E(a.ResourceName)}</h1>\n");
            WriteSummary(a, w, generatedAt);
            WriteFindings(a, w);
            WriteStatistics(a, w);
            WriteCharts(a, w);
            WriteBoxPlots(a, w);
            // Marks each chart with what it drew, so a browser test can check every chart without reading pixels.
            w.Write("<script>(function(){var n=0;document.querySelectorAll('svg.chart').forEach(function(s){var b=s.getBoundingClientRect();"
                + "var marks=s.querySelectorAll('.mark').length;s.setAttribute('data-drawn',(b.width>0&&b.height>0&&marks>0)?'yes':'no');"
                + "s.setAttribute('data-rect',[Math.round(b.left+window.scrollX),Math.round(b.top+window.scrollY),Math.round(b.width),Math.round(b.height)].join(','));"
                + "if(marks>0)n++;});document.body.setAttribute('data-charts-drawn',String(n));})();</script>\n");
            w.Write("</body></html>\n");
        }

        private static void WriteSummary(UtilizationAnalysis a, TextWriter w, DateTime generatedAt)
        {
            w.Write("<h2>Summary</h2><dl>");
            Item(w, "Source", a.Source + (a.Source == "Debugger" ? " system monitoring (per GPU and core)" : " (per host; sums divided per device)"));
            Item(w, "Range (UTC)", $"{a.Start:yyyy-MM-dd HH:mm:ss} – {a.End:yyyy-MM-dd HH:mm:ss} ({HostRuleEvaluator.Span(a.Start, a.End)})");
            if (a.Job is { } job)
            {
                Item(w, "Status", job.Status + (job.SecondaryStatus is null ? "" : " / " + job.SecondaryStatus));
                Item(w, "Started", job.StartTime?.ToString("yyyy-MM-dd HH:mm:ss", Inv) ?? "—");
                Item(w, "Ended", job.EndTime?.ToString("yyyy-MM-dd HH:mm:ss", Inv) ?? "—");
                var groups = job.InstanceGroups.Count > 0
                    ? string.Join(", ", job.InstanceGroups.Select(g => $"{g.InstanceCount} × {g.InstanceType} ({g.Name})"))
                    : $"{job.InstanceCount} × {job.InstanceType}";
                Item(w, "Instances", groups);
                if (job.ProfilerS3OutputPath != null) Item(w, "Profiler output", $"{job.ProfilerS3OutputPath} every {job.ProfilingIntervalInMilliseconds ?? 500} ms");
            }
            if (a.Endpoint is { } ep)
            {
                Item(w, "Status", ep.Status);
                Item(w, "Variants", string.Join(", ", ep.Variants.Select(v => $"{v.VariantName} ({v.CurrentInstanceCount} instances)")));
                Item(w, "Instance type", a.InstanceType ?? "unknown");
            }
            Item(w, "Datapoints read", a.Points.ToString("N0", Inv));
            var hit = a.Findings.Count(f => f.Triggered);
            Item(w, "Findings", $"{hit} triggered of {a.Findings.Count} ({a.Findings.Count(f => !f.Evaluated)} not evaluated)");
            Item(w, "Generated", generatedAt.ToString("yyyy-MM-dd HH:mm:ss", Inv) + " UTC by SageMakerMonitoring");
            w.Write("</dl>\n");
        }

        private static void Item(TextWriter w, string name, string value) => w.Write($"<dt>{E(name)}</dt><dd>{E(value)}</dd>");

        private static void WriteFindings(UtilizationAnalysis a, TextWriter w)
        {
            w.Write("<h2>Findings</h2>\n<table id=\"findings\"><thead><tr><th>Rule</th><th>Triggered</th><th>Severity</th><th>Host</th><th>Device</th><th>Window (UTC)</th><th>Evidence</th><th>Recommendation</th></tr></thead><tbody>\n");
            foreach (var f in a.Findings.OrderByDescending(f => f.Triggered).ThenBy(f => f.Rule, StringComparer.Ordinal))
            {
                var cls = f.Triggered ? "hit" : f.Evaluated ? "" : "na";
                var window = f.UtcWindowStart is null ? "" : $"{f.UtcWindowStart:yyyy-MM-dd HH:mm:ss} – {f.UtcWindowEnd:HH:mm:ss}";
                w.Write($"<tr class=\"{cls}\" data-rule=\"{E(f.Rule)}\" data-host=\"{E(f.Host)}\" data-device=\"{E(f.Device)}\" data-triggered=\"{(f.Triggered ? "true" : "false")}\">"
                    + $"<td>{E(f.Rule)}</td><td>{(f.Evaluated ? f.Triggered ? "yes" : "no" : "not evaluated")}</td><td>{E(f.Severity)}</td><td>{E(f.Host)}</td><td>{E(f.Device)}</td>"
                    + $"<td>{E(window)}</td><td>{E(f.Evidence)}</td><td>{E(f.Recommendation)}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
        }

        private static void WriteStatistics(UtilizationAnalysis a, TextWriter w)
        {
            w.Write("<h2>System usage statistics (per device, %)</h2>\n<table id=\"statistics\"><thead><tr><th>Host</th><th>Device</th><th>Metric</th><th>Min</th><th>P5</th><th>P50</th><th>P95</th><th>P99</th><th>Max</th><th>Samples</th><th>Devices</th></tr></thead><tbody>\n");
            foreach (var s in a.Statistics)
            {
                w.Write($"<tr><td>{E(s.Host)}</td><td>{E(s.Device)}</td><td>{E(s.MetricName)}</td><td class=n>{N(s.Min)}</td><td class=n>{N(s.P5)}</td><td class=n>{N(s.P50)}</td>"
                    + $"<td class=n>{N(s.P95)}</td><td class=n>{N(s.P99)}</td><td class=n>{N(s.Max)}</td><td class=n>{s.SampleCount.ToString("N0", Inv)}</td><td class=n>{s.DeviceCount?.ToString(Inv) ?? "?"}</td></tr>\n");
            }
            w.Write("</tbody></table>\n");
        }

        private void WriteCharts(UtilizationAnalysis a, TextWriter w)
        {
            w.Write("<h2>Utilization over time</h2>\n");
            foreach (var host in a.Charts.Select(c => c.Host).Distinct())
            {
                foreach (var metric in ChartMetrics)
                {
                    var series = a.Charts.Where(c => c.Host == host && c.MetricName == metric).ToList();
                    if (series.Count == 0) continue;
                    w.Write($"<h3>{E(host)} — {E(metric)}</h3>\n");
                    TimeChart(w, a, series);
                }
            }
        }

        private void TimeChart(TextWriter w, UtilizationAnalysis a, List<UtilizationChartSeries> series)
        {
            ChartCount++;
            var plotW = ChartWidth - Left - Right;
            var plotH = ChartHeight - Top - Bottom;
            var sb = new StringBuilder();
            sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\">");
            Axes(sb, plotW, plotH);
            sb.Append($"<text x=\"{Left}\" y=\"{ChartHeight - 6}\" font-size=\"11\">{E(a.Start.ToString("yyyy-MM-dd HH:mm", Inv))}</text>");
            sb.Append($"<text x=\"{ChartWidth - Right}\" y=\"{ChartHeight - 6}\" font-size=\"11\" text-anchor=\"end\">{E(a.End.ToString("yyyy-MM-dd HH:mm", Inv))} UTC</text>");
            for (var s = 0; s < series.Count; s++)
            {
                var c = series[s];
                var points = new StringBuilder();
                for (var i = 0; i < c.Buckets; i++)
                {
                    var v = c[i];
                    if (double.IsNaN(v)) continue;
                    var x = Left + (i + 0.5) * plotW / c.Buckets;
                    var y = Top + plotH - Math.Max(0, Math.Min(100, v)) * plotH / 100;
                    points.Append(x.ToString("0.#", Inv)).Append(',').Append(y.ToString("0.#", Inv)).Append(' ');
                }
                if (points.Length == 0) continue;
                sb.Append($"<polyline class=\"mark\" fill=\"none\" stroke-width=\"1.5\" stroke=\"{Palette[s % Palette.Length]}\" points=\"{points.ToString().TrimEnd()}\"><title>{E(c.Device ?? c.Host)}</title></polyline>");
            }
            sb.Append("</svg>");
            w.Write(sb.ToString());
            w.Write("<div class=\"legend\">" + string.Join(" ", series.Select((c, i) => $"<span style=\"color:{Palette[i % Palette.Length]}\">■ {E(c.Device ?? "per-device average")}</span>")) + "</div>\n");
        }

        private static void Axes(StringBuilder sb, int plotW, int plotH)
        {
            foreach (var g in new[] { 0, 25, 50, 75, 100 })
            {
                var y = Top + plotH - g * plotH / 100.0;
                sb.Append($"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{y.ToString("0.#", Inv)}\" y2=\"{y.ToString("0.#", Inv)}\" stroke=\"#ddd\"/>");
                sb.Append($"<text x=\"{Left - 4}\" y=\"{(y + 4).ToString("0.#", Inv)}\" font-size=\"11\" text-anchor=\"end\">{g}%</text>");
            }
        }

        private void WriteBoxPlots(UtilizationAnalysis a, TextWriter w)
        {
            w.Write("<h2>Distribution per device (box P5–P95, line P50, whiskers min–max)</h2>\n");
            foreach (var host in a.Statistics.Select(s => s.Host).Distinct())
            {
                var rows = a.Statistics.Where(s => s.Host == host && s.SampleCount > 0 && s.MetricName != "I/OWaitPercentage").ToList();
                if (rows.Count == 0) continue;
                ChartCount++;
                w.Write($"<h3>{E(host)}</h3>\n");
                var rowH = 18;
                var labelW = 230;
                var height = Top + rows.Count * rowH + Bottom;
                var plotW = ChartWidth - labelW - Right;
                var sb = new StringBuilder();
                sb.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{height}\" viewBox=\"0 0 {ChartWidth} {height}\" role=\"img\">");
                foreach (var g in new[] { 0, 25, 50, 75, 100 })
                {
                    var x = labelW + g * plotW / 100.0;
                    sb.Append($"<line x1=\"{x.ToString("0.#", Inv)}\" x2=\"{x.ToString("0.#", Inv)}\" y1=\"{Top}\" y2=\"{height - Bottom}\" stroke=\"#ddd\"/>");
                    sb.Append($"<text x=\"{x.ToString("0.#", Inv)}\" y=\"{height - 8}\" font-size=\"11\" text-anchor=\"middle\">{g}%</text>");
                }
                for (var i = 0; i < rows.Count; i++)
                {
                    var s = rows[i];
                    var y = Top + i * rowH;
                    double X(double v) => labelW + Math.Max(0, Math.Min(100, v)) * plotW / 100;
                    var metricIndex = Array.IndexOf(BoxMetrics, s.MetricName);
                    var color = Palette[metricIndex < 0 ? 7 : metricIndex];
                    sb.Append($"<text x=\"{labelW - 6}\" y=\"{y + 13}\" font-size=\"11\" text-anchor=\"end\">{E(s.MetricName + (s.Device is null ? "" : " " + s.Device))}</text>");
                    sb.Append($"<line class=\"mark\" x1=\"{F(X(s.Min))}\" x2=\"{F(X(s.Max))}\" y1=\"{y + 9}\" y2=\"{y + 9}\" stroke=\"#555\"/>");
                    sb.Append($"<rect class=\"mark\" x=\"{F(X(s.P5))}\" y=\"{y + 3}\" width=\"{F(Math.Max(1.5, X(s.P95) - X(s.P5)))}\" height=\"12\" fill=\"{color}\" fill-opacity=\"0.55\" stroke=\"{color}\"/>");
                    sb.Append($"<line x1=\"{F(X(s.P50))}\" x2=\"{F(X(s.P50))}\" y1=\"{y + 2}\" y2=\"{y + 16}\" stroke=\"#000\" stroke-width=\"2\"/>");
                }
                sb.Append("</svg>\n");
                w.Write(sb.ToString());
            }
        }

        private static string F(double v) => v.ToString("0.#", Inv);
        private static string N(double v) => double.IsNaN(v) ? "" : v.ToString("0.0", Inv);
        private static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
    }
}
