using System.Text.Json;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Parses one operation's output document. The reader is positioned before the first token.</summary>
    internal delegate T JsonBodyReader<T>(ref Utf8JsonReader reader);
}
