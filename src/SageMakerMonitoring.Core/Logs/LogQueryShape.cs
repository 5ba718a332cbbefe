using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>What matters about a Logs Insights query for splitting it by time: whether its rows are events (so the
    /// rows of two time ranges together are the rows of both), and in which time order they come.</summary>
    public sealed class LogQueryShape
    {
        private static readonly Regex Stats = new Regex(@"(^|\|)\s*stats\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Limit = new Regex(@"(^|\|)\s*(limit|head)\s+\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex Dedup = new Regex(@"(^|\|)\s*dedup\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex SortAscending = new Regex(@"(^|\|)\s*sort\s+@timestamp\s+asc\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private LogQueryShape(bool aggregates, bool limits, bool deduplicates, bool ascending)
        {
            Aggregates = aggregates;
            HasOwnLimit = limits;
            Deduplicates = deduplicates;
            Ascending = ascending;
        }

        /// <summary>Has a <c>stats</c> command: rows are aggregates, and splitting the range would change them.</summary>
        public bool Aggregates { get; }
        /// <summary>Has a <c>limit</c>/<c>head</c> command: the user asked for at most that many rows.</summary>
        public bool HasOwnLimit { get; }
        public bool Deduplicates { get; }
        /// <summary>Sorted by <c>@timestamp asc</c>; otherwise newest first (the Insights default).</summary>
        public bool Ascending { get; }
        /// <summary>Rows are events, so a capped result can be completed by querying halves of the range.</summary>
        public bool CanSplitByTime => !Aggregates && !HasOwnLimit;

        public static LogQueryShape Of(string query)
        {
            query ??= "";
            return new LogQueryShape(Stats.IsMatch(query), Limit.IsMatch(query), Dedup.IsMatch(query), SortAscending.IsMatch(query));
        }
    }
}
