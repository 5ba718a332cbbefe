using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Amazon;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// What the AWS SDK knows about region names (<see cref="RegionEndpoint.EnumerableAllRegions"/>, from the SDK's
    /// endpoint and partition data): the list for Tab completion, and the check that a region name is real before any
    /// call. Without an endpoint URL a name the SDK does not know (us-east-9, 'US East (N. Virginia)') is
    /// <c>InvalidRegion</c>; with one (the emulator, a VPC endpoint, a region newer than the SDK) any well-formed name
    /// passes, because the signing region is then the user's word.
    /// </summary>
    public static class AwsRegionNames
    {
        private static readonly Regex WellFormed = new Regex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant);

        private static readonly Lazy<IReadOnlyList<(string Name, string DisplayName)>> Known = new Lazy<IReadOnlyList<(string Name, string DisplayName)>>(() =>
            RegionEndpoint.EnumerableAllRegions
                // GetBySystemName registers any name it is given, with the display name "Unknown": those are not known.
                .Where(r => !string.IsNullOrEmpty(r.DisplayName) && !string.Equals(r.DisplayName, "Unknown", StringComparison.Ordinal))
                .Select(r => (r.SystemName, r.DisplayName ?? r.SystemName))
                .OrderBy(r => r.SystemName, StringComparer.Ordinal)
                .ToList());

        /// <summary>Every region the SDK knows, with its display name, sorted by name.</summary>
        public static IReadOnlyList<(string Name, string DisplayName)> All => Known.Value;

        public static bool IsKnown(string name) => All.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal));

        public static bool IsWellFormed(string name) => name.Length <= 64 && WellFormed.IsMatch(name);

        /// <summary>The region name to use, or <c>InvalidRegion</c> (InvalidArgument) naming where it came from.</summary>
        public static string Check(string name, string source, bool hasEndpointUrl)
        {
            var trimmed = (name ?? "").Trim();
            if (IsKnown(trimmed)) return trimmed;
            if (hasEndpointUrl && IsWellFormed(trimmed)) return trimmed;

            var suggestion = Suggest(trimmed);
            var message = IsWellFormed(trimmed)
                ? $"{source} '{name}' is not an AWS Region this module's AWS SDK knows."
                : $"{source} '{name}' is not a region name; region names look like us-east-1 or eu-west-2.";
            if (suggestion != null) message += $" Did you mean {suggestion}?";
            throw new MonitoringException("InvalidRegion", ErrorKind.InvalidArgument, message, name)
            {
                RecommendedAction = "Give a region name such as us-east-1 (Tab completes them)" + (hasEndpointUrl ? "." : ", or -EndpointUrl for an endpoint the SDK does not know (any well-formed region name is then accepted for signing)."),
            };
        }

        private static string? Suggest(string text)
        {
            if (text.Length == 0) return null;
            var byDisplay = All.FirstOrDefault(r => string.Equals(r.DisplayName, text, StringComparison.OrdinalIgnoreCase));
            if (byDisplay.Name != null) return $"{byDisplay.Name} ({byDisplay.DisplayName})";
            var lower = text.ToLowerInvariant();
            var prefix = lower.LastIndexOf('-') > 0 ? lower.Substring(0, lower.LastIndexOf('-') + 1) : lower;
            var near = All.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.Name).Take(6).ToList();
            return near.Count == 0 ? null : string.Join(", ", near);
        }
    }
}
