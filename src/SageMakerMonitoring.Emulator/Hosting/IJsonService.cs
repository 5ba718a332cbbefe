using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// One emulated AWS service. The host finds every implementation by reflection (public constructor taking
    /// <see cref="EmulatorContext"/>), verifies SigV4, routes by credential-scope service name and operation, applies
    /// faults, counts requests, and translates between the wire protocol and the JSON tree handled here.
    /// Handle is called under no lock: implementations guard their own state.
    /// </summary>
    public interface IJsonService
    {
        /// <summary>SigV4 credential-scope service name: monitoring, logs, events, sagemaker, s3.</summary>
        string SigningName { get; }

        /// <summary>
        /// Executes one operation. The request is the operation's input shape as JSON (awsJson field names; for the
        /// query protocol the host converts the form into the same tree, values as strings). Return the output
        /// shape (null for an empty output). Timestamps in the returned tree are <see cref="System.DateTime"/> values
        /// wrapped by <see cref="JsonValue.Create{T}(T, JsonNodeOptions?)"/>; the host writes them per protocol.
        /// Throw <see cref="AwsErrorException"/> for service errors.
        /// </summary>
        JsonNode? Handle(string operation, JsonObject request);

        /// <summary>Drops all state.</summary>
        void Reset();

        /// <summary>Loads the named seed ("demo" or "empty") into this service's state.</summary>
        void Seed(string seedName);

        /// <summary>Control-route actions for this service (POST /_emulator/{SigningName}/{action}); false when unknown.</summary>
        bool TryControl(string action, JsonObject arguments, out JsonNode? result);
    }
}
