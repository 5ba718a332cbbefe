using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    /// <summary>
    /// A stand-in CloudWatch ("monitoring") behind the real host, for testing the host's protocols: it records the
    /// request tree it was handed and answers ListMetrics / GetMetricData with a fixed tree (including DateTime
    /// values); "Fail" answers an error with a query code.
    /// </summary>
    public sealed class RecordingMonitoringService : IJsonService
    {
        public static readonly DateTime SampleTime = new DateTime(2026, 11, 28, 10, 0, 0, 250, DateTimeKind.Utc);

        public RecordingMonitoringService(EmulatorContext context)
        {
        }

        public string SigningName => "monitoring";

        public string? LastOperation { get; private set; }

        public JsonObject? LastRequest { get; private set; }

        public JsonNode? Handle(string operation, JsonObject request)
        {
            LastOperation = operation;
            LastRequest = (JsonObject)request.DeepClone();
            switch (operation)
            {
                case "ListMetrics":
                    return new JsonObject
                    {
                        ["Metrics"] = new JsonArray(new JsonObject
                        {
                            ["Namespace"] = "AWS/SageMaker",
                            ["MetricName"] = "Invocations",
                            ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "EndpointName", ["Value"] = "demo-churn-endpoint" }),
                        }),
                    };
                case "GetMetricData":
                    return new JsonObject
                    {
                        ["MetricDataResults"] = new JsonArray(new JsonObject
                        {
                            ["Id"] = "m1",
                            ["Label"] = "Invocations",
                            ["Timestamps"] = new JsonArray(JsonValue.Create(SampleTime), JsonValue.Create(SampleTime.AddMinutes(1))),
                            ["Values"] = new JsonArray(1.5, 2.0),
                            ["StatusCode"] = "Complete",
                        }),
                        ["Messages"] = new JsonArray(),
                    };
                case "PutMetricData":
                    return null;
                case "Fail":
                case "DescribeAlarms":
                    throw new AwsErrorException("InvalidParameterValueException", "The parameter Period must be a multiple of 60.", 400, queryCode: "InvalidParameterValue");
                default:
                    throw new AwsErrorException("UnknownOperationException", "Unknown operation " + operation, 400, queryCode: "InvalidAction");
            }
        }

        public void Reset()
        {
            LastOperation = null;
            LastRequest = null;
        }

        public void Seed(string seedName)
        {
        }

        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            result = action == "last" ? new JsonObject { ["operation"] = LastOperation, ["request"] = LastRequest?.DeepClone() } : null;
            return action == "last";
        }
    }
}
