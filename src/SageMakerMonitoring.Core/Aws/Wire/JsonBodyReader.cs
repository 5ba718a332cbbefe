using System;
using System.Text.Json;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Parses one operation's output document. The reader is positioned before the first token.</summary>
    internal delegate T JsonBodyReader<T>(ref Utf8JsonReader reader);

    /// <summary>The same, for outputs that keep part of the document's bytes (<paramref name="body"/>, which the reader
    /// reads) to parse later.</summary>
    internal delegate T JsonBodySpanReader<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> body);
}
