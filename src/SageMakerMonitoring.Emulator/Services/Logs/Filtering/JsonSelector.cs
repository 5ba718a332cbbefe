using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>A property selector such as <c>$.user.id</c> or <c>$.items[0].name</c>.</summary>
    internal sealed class JsonSelector
    {
        private readonly object[] _steps; // string = property name, int = array index

        private JsonSelector(string text, object[] steps)
        {
            Text = text;
            _steps = steps;
        }

        public string Text { get; }

        /// <summary>Parses a selector starting with <c>$</c>.</summary>
        public static JsonSelector Parse(string text)
        {
            if (text.Length == 0 || text[0] != '$') throw new FormatException("A JSON selector starts with $.");
            var steps = new List<object>();
            int i = 1;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '.')
                {
                    int start = ++i;
                    while (i < text.Length && text[i] != '.' && text[i] != '[') i++;
                    if (i == start) throw new FormatException("Empty property name in selector.");
                    steps.Add(text.Substring(start, i - start));
                }
                else if (c == '[')
                {
                    int close = text.IndexOf(']', i);
                    if (close < 0) throw new FormatException("Unclosed [ in selector.");
                    string inner = text.Substring(i + 1, close - i - 1);
                    if (!int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                        throw new FormatException("Array index must be a number.");
                    steps.Add(index);
                    i = close + 1;
                }
                else
                {
                    throw new FormatException("Unexpected character in selector.");
                }
            }
            if (steps.Count == 0) throw new FormatException("A selector names a property.");
            return new JsonSelector(text, steps.ToArray());
        }

        /// <summary>Finds the selected value; false when any step is missing.</summary>
        public bool TryResolve(JsonElement root, out JsonElement value)
        {
            JsonElement current = root;
            for (int i = 0; i < _steps.Length; i++)
            {
                if (_steps[i] is string name)
                {
                    if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                    {
                        value = default;
                        return false;
                    }
                }
                else
                {
                    int index = (int)_steps[i];
                    if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    {
                        value = default;
                        return false;
                    }
                    current = current[index];
                }
            }
            value = current;
            return true;
        }

        public override string ToString()
        {
            var sb = new StringBuilder("$");
            foreach (object step in _steps)
            {
                if (step is string s) sb.Append('.').Append(s);
                else sb.Append('[').Append(((int)step).ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            return sb.ToString();
        }
    }
}
