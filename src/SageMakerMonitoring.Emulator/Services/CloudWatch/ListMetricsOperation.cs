using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// ListMetrics: exact Namespace / MetricName filters, up to 10 dimension filters (name, optional value; extra
    /// dimensions still match), RecentlyActive=PT3H (latest point at most 3 h old). Metrics whose latest point is
    /// more than two weeks old are not listed. Results are ordered by namespace, name and dimensions, 500 per page;
    /// the NextToken carries the last metric listed, so paging is stable while metrics are added.
    /// </summary>
    internal static class ListMetricsOperation
    {
        public const int PageSize = 500;
        public const int MaxDimensionFilters = 10;
        private const long TwoWeeks = 14 * 86400;
        private const string TokenPrefix = "lm1:";

        public static JsonNode Execute(MetricStore store, JsonObject request, double now, string accountId)
        {
            var metricNamespace = RequestReader.GetString(request, "Namespace");
            var metricName = RequestReader.GetString(request, "MetricName");
            var filters = ReadFilters(RequestReader.GetArray(request, "Dimensions"));

            var recentlyActive = RequestReader.GetString(request, "RecentlyActive");
            if (recentlyActive != null && recentlyActive != "PT3H")
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The parameter RecentlyActive must be a value in the set [ PT3H ].");
            }
            var includeLinked = RequestReader.TryGetBoolean(request["IncludeLinkedAccounts"], out var linked) && linked;
            var owningAccount = RequestReader.GetString(request, "OwningAccount");

            string? after = null;
            var nextToken = RequestReader.GetString(request, "NextToken");
            if (!string.IsNullOrEmpty(nextToken)) after = DecodeToken(nextToken!);

            var visibleFrom = (long)Math.Ceiling(now - (recentlyActive != null ? QueryWindow.ThreeHours : TwoWeeks));
            if (owningAccount != null && owningAccount != accountId)
            {
                return Output(new List<MetricIdentity>(), null, includeLinked, accountId);
            }

            var matches = store.Read(s =>
            {
                var found = new List<MetricIdentity>();
                foreach (var series in s.AllSeries)
                {
                    if (series.Count == 0 || series.LatestTimestamp < visibleFrom) continue;
                    var identity = series.Identity;
                    if (metricNamespace != null && !string.Equals(identity.Namespace, metricNamespace, StringComparison.Ordinal)) continue;
                    if (metricName != null && !string.Equals(identity.MetricName, metricName, StringComparison.Ordinal)) continue;
                    if (!Matches(identity, filters)) continue;
                    if (after != null && string.CompareOrdinal(identity.Key, after) <= 0) continue;
                    found.Add(identity);
                }
                return found;
            });
            matches.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));

            string? token = null;
            if (matches.Count > PageSize)
            {
                matches.RemoveRange(PageSize, matches.Count - PageSize);
                token = EncodeToken(matches[PageSize - 1].Key);
            }
            return Output(matches, token, includeLinked, accountId);
        }

        private static JsonObject Output(List<MetricIdentity> metrics, string? token, bool includeLinked, string accountId)
        {
            var list = new JsonArray();
            var owners = includeLinked ? new JsonArray() : null;
            foreach (var identity in metrics)
            {
                var dimensions = new JsonArray();
                foreach (var dimension in identity.Dimensions)
                {
                    dimensions.Add(new JsonObject { ["Name"] = dimension.Key, ["Value"] = dimension.Value });
                }
                list.Add(new JsonObject
                {
                    ["Namespace"] = identity.Namespace,
                    ["MetricName"] = identity.MetricName,
                    ["Dimensions"] = dimensions,
                });
                owners?.Add(accountId);
            }
            var output = new JsonObject { ["Metrics"] = list };
            if (token != null) output["NextToken"] = token;
            if (owners != null) output["OwningAccounts"] = owners;
            return output;
        }

        private static List<(string Name, string? Value)> ReadFilters(JsonArray? array)
        {
            var filters = new List<(string, string?)>();
            if (array == null) return filters;
            if (array.Count > MaxDimensionFilters)
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The collection Dimensions must not have a size greater than {MaxDimensionFilters}.");
            }
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonObject filter) continue;
                var name = RequestReader.GetString(filter, "Name");
                if (string.IsNullOrEmpty(name))
                {
                    throw CloudWatchErrors.MissingParameter($"The parameter Dimensions.member.{i + 1}.Name is required.");
                }
                filters.Add((name!, RequestReader.GetString(filter, "Value")));
            }
            return filters;
        }

        private static bool Matches(MetricIdentity identity, List<(string Name, string? Value)> filters)
        {
            foreach (var (name, value) in filters)
            {
                var actual = identity.DimensionValue(name);
                if (actual == null) return false;
                if (value != null && !string.Equals(actual, value, StringComparison.Ordinal)) return false;
            }
            return true;
        }

        private static string EncodeToken(string lastKey) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + lastKey));

        private static string DecodeToken(string token)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                if (text.StartsWith(TokenPrefix, StringComparison.Ordinal)) return text.Substring(TokenPrefix.Length);
            }
            catch (FormatException)
            {
            }
            throw CloudWatchErrors.InvalidParameterValue("The parameter NextToken is invalid.");
        }
    }
}
