using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>
    /// Unstructured-text pattern: every plain term or quoted phrase must occur, at least one <c>?term</c> must occur
    /// when any is given, and no <c>-term</c> may occur. Matching is case-sensitive substring search.
    /// </summary>
    internal sealed class TermFilterNode : FilterPatternNode
    {
        private readonly string[] _required;
        private readonly string[] _optional;
        private readonly string[] _excluded;

        public TermFilterNode(IReadOnlyCollection<string> required, IReadOnlyCollection<string> optional, IReadOnlyCollection<string> excluded)
        {
            _required = new List<string>(required).ToArray();
            _optional = new List<string>(optional).ToArray();
            _excluded = new List<string>(excluded).ToArray();
        }

        public override bool Matches(string message)
        {
            for (int i = 0; i < _required.Length; i++)
            {
                if (message.IndexOf(_required[i], StringComparison.Ordinal) < 0) return false;
            }
            for (int i = 0; i < _excluded.Length; i++)
            {
                if (message.IndexOf(_excluded[i], StringComparison.Ordinal) >= 0) return false;
            }
            if (_optional.Length == 0) return true;
            for (int i = 0; i < _optional.Length; i++)
            {
                if (message.IndexOf(_optional[i], StringComparison.Ordinal) >= 0) return true;
            }
            return false;
        }
    }
}
