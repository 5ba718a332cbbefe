using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>Dotted paths into a JSON object, as the SageMaker event catalog names fields (<c>a.b.c</c>).</summary>
    internal static class JsonObjectPath
    {
        /// <summary>Sets <paramref name="dottedPath"/> under <paramref name="root"/>, creating the objects on the way.</summary>
        public static void Set(JsonObject root, string dottedPath, JsonNode? value)
        {
            var parts = dottedPath.Split('.');
            var current = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!(current[parts[i]] is JsonObject next))
                {
                    next = new JsonObject();
                    current[parts[i]] = next;
                }
                current = next;
            }
            current[parts[parts.Length - 1]] = value;
        }
    }
}
