using System.Text.Json;

namespace SageMakerMonitoring.Bench
{
    /// <summary>
    /// A bare Utf8JsonReader pass over a body that tokenizes it and materializes every string value and number: the
    /// floor any parser of that body sits on (property names are only compared by parsers, so they are not read).
    /// </summary>
    public static class TokenPass
    {
        /// <summary>Reads every token; returns a count so the work cannot be skipped.</summary>
        public static long Read(byte[] body)
        {
            var reader = new Utf8JsonReader(body);
            long seen = 0;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        if (reader.GetString() != null) seen++;
                        break;
                    case JsonTokenType.Number:
                        if (reader.GetDouble() <= double.MaxValue) seen++;
                        break;
                }
            }
            return seen;
        }
    }
}
