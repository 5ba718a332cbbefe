using System;
using System.Text.Json.Nodes;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>A service error as the real service answers it: code (e.g. "ResourceNotFoundException"), message,
    /// HTTP status, and for query-compatible services the legacy query code (e.g. "InvalidParameterValue").</summary>
    public sealed class AwsErrorException : Exception
    {
        public AwsErrorException(string code, string message, int statusCode = 400, string? queryCode = null, bool senderFault = true)
            : base(message)
        {
            Code = code;
            StatusCode = statusCode;
            QueryCode = queryCode;
            SenderFault = senderFault;
        }

        public string Code { get; }
        public int StatusCode { get; }
        public string? QueryCode { get; }
        public bool SenderFault { get; }

        /// <summary>Extra members of the error shape written next to the code and message in JSON protocols
        /// (e.g. CloudWatch Logs' MalformedQueryException carries <c>queryCompileError</c>).</summary>
        public JsonObject? Details { get; init; }
    }
}
