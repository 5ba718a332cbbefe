namespace SageMakerMonitoring.Core.Events
{
    /// <summary>A pattern object: every field must match (AND), and for each <c>$or</c> array at least one of its objects must match.</summary>
    internal sealed class PatternObject
    {
        public PatternObject(string path, PatternField[] fields, PatternObject[][] orGroups)
        {
            Path = path;
            Fields = fields;
            OrGroups = orGroups;
            var missing = true;
            foreach (var f in fields) missing &= f.MatchesMissing;
            foreach (var group in orGroups)
            {
                var any = false;
                foreach (var alternative in group) any |= alternative.MatchesMissing;
                missing &= any;
            }
            MatchesMissing = missing;
        }

        public string Path { get; }
        public PatternField[] Fields { get; }
        public PatternObject[][] OrGroups { get; }

        /// <summary>Whether this object is satisfied by an event with nothing at its place.</summary>
        public bool MatchesMissing { get; }

        public bool Matches(EventNode eventObject)
        {
            var fields = Fields;
            for (var i = 0; i < fields.Length; i++)
            {
                if (!fields[i].Matches(eventObject)) return false;
            }
            var groups = OrGroups;
            for (var g = 0; g < groups.Length; g++)
            {
                var group = groups[g];
                var any = false;
                for (var a = 0; a < group.Length; a++)
                {
                    if (group[a].Matches(eventObject)) { any = true; break; }
                }
                if (!any) return false;
            }
            return true;
        }

        public EventMatchResult? Explain(EventNode eventObject)
        {
            foreach (var field in Fields)
            {
                var miss = field.Explain(eventObject);
                if (miss != null) return miss;
            }
            foreach (var group in OrGroups)
            {
                var any = false;
                foreach (var alternative in group)
                {
                    if (alternative.Matches(eventObject)) { any = true; break; }
                }
                if (!any)
                {
                    var first = group[0].Explain(eventObject);
                    var where = string.IsNullOrEmpty(Path) ? "$or" : Path + ".$or";
                    return EventMatchResult.Miss(first?.FailedPath ?? where,
                        "none of the " + group.Length + " alternatives of " + where + " matched" + (first != null ? " (first: " + first.Reason + ")" : ""));
                }
            }
            return null;
        }

        public EventMatchResult? ExplainMissing()
        {
            foreach (var field in Fields)
            {
                var miss = field.ExplainMissing();
                if (miss != null) return miss;
            }
            foreach (var group in OrGroups)
            {
                var any = false;
                foreach (var alternative in group) any |= alternative.MatchesMissing;
                if (!any) return group[0].ExplainMissing();
            }
            return null;
        }
    }
}
