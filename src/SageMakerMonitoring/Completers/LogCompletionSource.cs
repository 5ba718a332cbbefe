using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>
    /// What the log completers share: clients built from the bound -Region/-ProfileName/-EndpointUrl, a short
    /// deadline (completion must never hang) and a one-minute cache. Failures complete nothing; they never throw.
    /// </summary>
    internal static class LogCompletionSource
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Values)> Cache = new ConcurrentDictionary<string, (DateTime, IReadOnlyList<string>)>();

        public static IReadOnlyList<string> Get(IDictionary fakeBoundParameters, string key, Func<ICloudWatchLogsClient, CancellationToken, Task<IReadOnlyList<string>>> load)
        {
            var options = new AwsClientOptions
            {
                Region = Bound(fakeBoundParameters, "Region"),
                ProfileName = Bound(fakeBoundParameters, "ProfileName"),
                ProfileLocation = Bound(fakeBoundParameters, "ProfileLocation"),
                EndpointUrl = Bound(fakeBoundParameters, "EndpointUrl"),
                SessionRegion = AwsCompletionSource.Session("StoredAWSRegion") as string,
                SessionCredentials = AwsCompletionSource.Session("StoredAWSCredentials"),
                MaxAttempts = 1,
            };
            var cacheKey = $"{options.Region}|{options.SessionRegion}|{options.ProfileName}|{options.ProfileLocation}|{options.EndpointUrl}|{key}";
            if (Cache.TryGetValue(cacheKey, out var cached) && DateTime.UtcNow - cached.At < CacheLifetime) return cached.Values;
            try
            {
                using var cts = new CancellationTokenSource(Deadline);
                var factory = new AwsClientFactory(options);
                try
                {
                    var task = Task.Run(() => load(factory.CreateCloudWatchLogs(), cts.Token));
                    if (!task.Wait(Deadline)) return Array.Empty<string>();
                    Cache[cacheKey] = (DateTime.UtcNow, task.Result);
                    return task.Result;
                }
                finally
                {
                    (factory as IDisposable)?.Dispose();
                }
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }

        public static string? Bound(IDictionary fakeBoundParameters, string name)
        {
            if (fakeBoundParameters is null || !fakeBoundParameters.Contains(name)) return null;
            var value = fakeBoundParameters[name];
            if (value is PSObject pso) value = pso.BaseObject;
            if (value is Array array) value = array.Length > 0 ? array.GetValue(0) : null;
            return value?.ToString();
        }

        public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete)
        {
            var word = (wordToComplete ?? "").Trim('\'', '"');
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
            foreach (var v in values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.OrdinalIgnoreCase))
            {
                if (!pattern.IsMatch(v)) continue;
                var text = v.IndexOfAny(new[] { ' ', '$', '`', '\'', '"', '(', ')', '{', '}', ';', ',', '@', '#' }) >= 0 ? "'" + v.Replace("'", "''") + "'" : v;
                yield return new CompletionResult(text, v, CompletionResultType.ParameterValue, v);
            }
        }
    }
}
