using System.Text.Json;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Output reader for operations whose answer carries nothing the module needs.</summary>
    internal static class EmptyOutput
    {
        public static bool Read(ref Utf8JsonReader reader)
        {
            if (reader.Read())
            {
                reader.Skip();
            }
            return true;
        }
    }
}
