using System;
using System.Text.RegularExpressions;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>A standalone <c>%regex%</c> pattern: the event matches when the expression occurs in the message.</summary>
    internal sealed class RegexFilterNode : FilterPatternNode
    {
        private readonly Regex _regex;

        public RegexFilterNode(Regex regex)
        {
            _regex = regex;
        }

        public override bool Matches(string message) => _regex.IsMatch(message);

        /// <summary>Compiles the body of a <c>%...%</c> pattern; AWS rejects groups, so parentheses are refused.</summary>
        public static Regex Compile(string body)
        {
            if (body.Length == 0 || body.IndexOf('(') >= 0 || body.IndexOf(')') >= 0)
                throw new FormatException("Invalid regular expression in filter pattern.");
            try
            {
                return new Regex(body, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException ex)
            {
                throw new FormatException("Invalid regular expression in filter pattern.", ex);
            }
        }
    }
}
