using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>
    /// Narrows a resource's streams by their parsed parts. Each list holds wildcard patterns (<c>algo-*</c>); a stream
    /// passes when, for every list that is given, one of its patterns matches. A host pattern with a slash
    /// (<c>job/algo-2</c>, the CloudWatch metrics Host dimension) is matched against <c>resource/host</c>.
    /// </summary>
    public sealed class LogStreamSelector
    {
        public static readonly LogStreamSelector All = new LogStreamSelector();

        public IReadOnlyList<string> Hosts { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> VariantNames { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> ContainerNames { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> LifecycleConfigHooks { get; init; } = Array.Empty<string>();
        /// <summary>Exact stream names (streams piped from Get-SageMakerLogStream); no wildcards.</summary>
        public IReadOnlyList<string> LogStreamNames { get; init; } = Array.Empty<string>();

        /// <summary>True when nothing narrows (every stream of the location is wanted).</summary>
        public bool SelectsAll => Hosts.Count == 0 && VariantNames.Count == 0 && ContainerNames.Count == 0 && LifecycleConfigHooks.Count == 0 && LogStreamNames.Count == 0;

        public bool Matches(LogStreamName stream)
        {
            if (stream is null) throw new ArgumentNullException(nameof(stream));
            if (LogStreamNames.Count > 0 && !LogStreamNames.Contains(stream.Value, StringComparer.Ordinal)) return false;
            if (Hosts.Count > 0 && !Hosts.Any(h => MatchesHost(h, stream))) return false;
            if (VariantNames.Count > 0 && !AnyMatch(VariantNames, stream.VariantName)) return false;
            if (ContainerNames.Count > 0 && !AnyMatch(ContainerNames, stream.ContainerName)) return false;
            if (LifecycleConfigHooks.Count > 0 && !AnyMatch(LifecycleConfigHooks, stream.LifecycleConfigHook)) return false;
            return true;
        }

        private static bool MatchesHost(string pattern, LogStreamName stream)
        {
            if (stream.Host is null) return false;
            if (pattern.IndexOf('/') >= 0)
                return stream.ResourceName != null && LogNameWildcard.IsMatch(pattern, stream.ResourceName + "/" + stream.Host);
            return LogNameWildcard.IsMatch(pattern, stream.Host);
        }

        private static bool AnyMatch(IReadOnlyList<string> patterns, string? value)
        {
            if (value is null) return false;
            foreach (var p in patterns) if (LogNameWildcard.IsMatch(p, value)) return true;
            return false;
        }

        public override string ToString()
        {
            var parts = new List<string>();
            if (LogStreamNames.Count > 0) parts.Add((LogStreamNames.Count == 1 ? "stream " : "streams ") + string.Join(", ", LogStreamNames));
            if (Hosts.Count > 0) parts.Add("host " + string.Join(", ", Hosts));
            if (VariantNames.Count > 0) parts.Add("variant " + string.Join(", ", VariantNames));
            if (ContainerNames.Count > 0) parts.Add("container " + string.Join(", ", ContainerNames));
            if (LifecycleConfigHooks.Count > 0) parts.Add("hook " + string.Join(", ", LifecycleConfigHooks));
            return parts.Count == 0 ? "all streams" : string.Join("; ", parts);
        }
    }
}
