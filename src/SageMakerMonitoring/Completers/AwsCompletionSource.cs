using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;

namespace SageMakerMonitoring.Completers
{
    /// <summary>
    /// What the completers that ask AWS share: clients built from the bound -Region/-ProfileName/-ProfileLocation/
    /// -EndpointUrl (and the session's $StoredAWSRegion/$StoredAWSCredentials, as the cmdlets use them), one attempt per
    /// call, a short deadline (completion must never hang) and a one-minute cache. Failures complete nothing; they never
    /// throw.
    /// </summary>
    internal static class AwsCompletionSource
    {
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);
        private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Values)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<string>)>();

        public static IReadOnlyList<string> Get(IDictionary fakeBoundParameters, string key, Func<IAwsClientFactory, CancellationToken, Task<IReadOnlyList<string>>> load)
        {
            try
            {
                var options = new AwsClientOptions
                {
                    Region = LogCompletionSource.Bound(fakeBoundParameters, "Region"),
                    ProfileName = LogCompletionSource.Bound(fakeBoundParameters, "ProfileName"),
                    ProfileLocation = LogCompletionSource.Bound(fakeBoundParameters, "ProfileLocation"),
                    EndpointUrl = LogCompletionSource.Bound(fakeBoundParameters, "EndpointUrl"),
                    SessionRegion = Session("StoredAWSRegion") as string,
                    SessionCredentials = Session("StoredAWSCredentials"),
                    MaxAttempts = 1,
                };
                var cacheKey = $"{options.Region}|{options.SessionRegion}|{options.ProfileName}|{options.ProfileLocation}|{options.EndpointUrl}|{key}";
                if (Cache.TryGetValue(cacheKey, out var cached) && DateTime.UtcNow - cached.At < CacheLifetime) return cached.Values;

                using var cts = new CancellationTokenSource(Deadline);
                using var factory = new AwsClientFactory(options);
                var task = Task.Run(() => load(factory, cts.Token));
                if (!task.Wait(Deadline) || task.Status != TaskStatus.RanToCompletion) return Array.Empty<string>();
                Cache[cacheKey] = (DateTime.UtcNow, task.Result);
                return task.Result;
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>A global variable of the session doing the completion, or null (never throws).</summary>
        internal static object? Session(string name)
        {
            try
            {
                var value = Runspace.DefaultRunspace?.SessionStateProxy.GetVariable(name);
                if (value is PSObject ps) value = ps.BaseObject;
                return value is string s && string.IsNullOrWhiteSpace(s) ? null : value;
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
