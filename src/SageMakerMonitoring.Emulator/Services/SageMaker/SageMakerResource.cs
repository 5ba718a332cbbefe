using System;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>One emulated SageMaker resource: what every kind shares, and how control-route fields update it.</summary>
    public abstract class SageMakerResource
    {
        protected SageMakerResource(string name, DateTime creationTime)
        {
            Name = name;
            CreationTime = creationTime;
            LastModifiedTime = creationTime;
        }

        public string Name { get; }
        public abstract SageMakerResourceKind Kind { get; }
        public string Status { get; set; } = "";
        public DateTime CreationTime { get; set; }
        public DateTime LastModifiedTime { get; set; }
        public DateTime? StartTime { get; set; }
        public DateTime? EndTime { get; set; }
        public string? FailureReason { get; set; }
        public string InstanceType { get; set; } = "ml.m5.xlarge";
        public int InstanceCount { get; set; } = 1;

        /// <summary>The resource's ARN segment, e.g. "training-job".</summary>
        protected abstract string ArnType { get; }

        public string Arn(EmulatorContext context) => $"arn:aws:sagemaker:{context.Region}:{context.AccountId}:{ArnType}/{Name.ToLowerInvariant()}";

        /// <summary>The Describe* answer (botocore output shape; required members always present).</summary>
        public abstract JsonObject Describe(EmulatorContext context);

        /// <summary>Applies upsert fields (camelCase: status, creationTime, startTime, endTime, failureReason,
        /// instanceType, instanceCount, plus kind-specific ones). Reaching a terminal status sets the end time to now
        /// unless one is given.</summary>
        public virtual void Apply(JsonObject fields, DateTime now)
        {
            if (fields.GetString("status") is { } status) Status = status;
            if (fields.GetDateTime("creationTime") is { } created) CreationTime = created;
            if (fields.GetDateTime("startTime") is { } start) StartTime = start;
            if (fields.GetDateTime("endTime") is { } end) EndTime = end;
            if (fields.ContainsKey("failureReason")) FailureReason = fields.GetString("failureReason");
            if (fields.GetString("instanceType") is { } instanceType) InstanceType = instanceType;
            if (fields.GetInt("instanceCount") is { } instanceCount) InstanceCount = instanceCount;
            if (IsTerminal(Status) && EndTime is null && StartTime is not null && !fields.ContainsKey("endTime")) EndTime = now;
            LastModifiedTime = fields.GetDateTime("lastModifiedTime") ?? now;
        }

        protected virtual bool IsTerminal(string status) => status is "Completed" or "Failed" or "Stopped";

        protected static JsonValue Time(DateTime value) => JsonValue.Create(value);

        protected static void AddIfSet(JsonObject target, string name, DateTime? value)
        {
            if (value.HasValue) target[name] = JsonValue.Create(value.Value);
        }

        protected static void AddIfSet(JsonObject target, string name, string? value)
        {
            if (value != null) target[name] = value;
        }
    }
}
