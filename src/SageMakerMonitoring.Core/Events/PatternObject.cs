namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// One object of a compiled sub-rule: every field must match (AND). <c>$or</c> never appears here: the compiler
    /// expands it into separate sub-rules (see <see cref="SubRule"/>).
    /// </summary>
    internal sealed class PatternObject
    {
        public PatternObject(string path, PatternField[] fields)
        {
            Path = path;
            Fields = fields;
            var missing = true;
            foreach (var f in fields) missing &= f.MatchesMissing;
            MatchesMissing = missing;
        }

        public string Path { get; }
        public PatternField[] Fields { get; }

        /// <summary>Whether this object is satisfied by an event with nothing at its place.</summary>
        public bool MatchesMissing { get; }

        public bool Matches(EventNode eventObject)
        {
            var fields = Fields;
            for (var i = 0; i < fields.Length; i++)
            {
                if (!fields[i].Matches(eventObject)) return false;
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
            return null;
        }

        public EventMatchResult? ExplainMissing()
        {
            foreach (var field in Fields)
            {
                var miss = field.ExplainMissing();
                if (miss != null) return miss;
            }
            return null;
        }
    }
}
