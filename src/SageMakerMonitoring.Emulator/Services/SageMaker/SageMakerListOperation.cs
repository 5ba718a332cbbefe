using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>
    /// One List* call (ListTrainingJobs, ListEndpoints, ...) as botocore's model shapes it: NameContains (pattern
    /// [a-zA-Z0-9-]+, at most 63 characters; a case-sensitive substring, as moto matches it), SortBy Name|CreationTime
    /// (default CreationTime), SortOrder Ascending|Descending (default Descending), MaxResults 1-100 (default 10), and a
    /// NextToken, and the filters every one of these calls takes: CreationTimeAfter / CreationTimeBefore (strictly after /
    /// before) and StatusEquals (the kind's status enum; a value outside it is a ValidationException, as botocore's model
    /// constrains it); each summary carries the members of the kind's *Summary shape.
    /// </summary>
    public sealed class SageMakerListOperation
    {
        private static readonly Regex NameContainsPattern = new Regex("^[a-zA-Z0-9-]*$", RegexOptions.CultureInvariant);

        private static readonly string[] JobStatuses = { "InProgress", "Completed", "Failed", "Stopping", "Stopped" };

        /// <summary>botocore's status enums per kind (TrainingJobStatus, ProcessingJobStatus, ... EndpointStatus).</summary>
        private static readonly Dictionary<SageMakerResourceKind, string[]> Statuses = new Dictionary<SageMakerResourceKind, string[]>
        {
            [SageMakerResourceKind.TrainingJob] = new[] { "InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting" },
            [SageMakerResourceKind.ProcessingJob] = JobStatuses,
            [SageMakerResourceKind.TransformJob] = JobStatuses,
            [SageMakerResourceKind.Endpoint] = new[] { "OutOfService", "Creating", "Updating", "SystemUpdating", "RollingBack", "InService", "Deleting", "Failed", "UpdateRollbackFailed" },
            [SageMakerResourceKind.NotebookInstance] = new[] { "Pending", "InService", "Stopping", "Stopped", "Failed", "Deleting", "Updating" },
            [SageMakerResourceKind.InferenceComponent] = new[] { "InService", "Creating", "Updating", "Failed", "Deleting" },
        };

        private static readonly SageMakerListOperation[] All =
        {
            new SageMakerListOperation("ListTrainingJobs", SageMakerResourceKind.TrainingJob, "TrainingJobSummaries",
                "TrainingJobName", "TrainingJobArn", "CreationTime", "TrainingEndTime", "LastModifiedTime", "TrainingJobStatus", "SecondaryStatus"),
            new SageMakerListOperation("ListProcessingJobs", SageMakerResourceKind.ProcessingJob, "ProcessingJobSummaries",
                "ProcessingJobName", "ProcessingJobArn", "CreationTime", "ProcessingEndTime", "LastModifiedTime", "ProcessingJobStatus", "FailureReason", "ExitMessage"),
            new SageMakerListOperation("ListTransformJobs", SageMakerResourceKind.TransformJob, "TransformJobSummaries",
                "TransformJobName", "TransformJobArn", "CreationTime", "TransformEndTime", "LastModifiedTime", "TransformJobStatus", "FailureReason"),
            new SageMakerListOperation("ListEndpoints", SageMakerResourceKind.Endpoint, "Endpoints",
                "EndpointName", "EndpointArn", "CreationTime", "LastModifiedTime", "EndpointStatus"),
            new SageMakerListOperation("ListNotebookInstances", SageMakerResourceKind.NotebookInstance, "NotebookInstances",
                "NotebookInstanceName", "NotebookInstanceArn", "NotebookInstanceStatus", "Url", "InstanceType", "CreationTime", "LastModifiedTime",
                "NotebookInstanceLifecycleConfigName"),
            new SageMakerListOperation("ListInferenceComponents", SageMakerResourceKind.InferenceComponent, "InferenceComponents",
                "CreationTime", "InferenceComponentArn", "InferenceComponentName", "EndpointArn", "EndpointName", "VariantName", "InferenceComponentStatus",
                "LastModifiedTime"),
        };

        private readonly string[] _summaryMembers;

        private SageMakerListOperation(string operation, SageMakerResourceKind kind, string listMember, params string[] summaryMembers)
        {
            Operation = operation;
            Kind = kind;
            ListMember = listMember;
            _summaryMembers = summaryMembers;
        }

        public string Operation { get; }
        public SageMakerResourceKind Kind { get; }
        public string ListMember { get; }

        public static SageMakerListOperation? For(string operation) => All.FirstOrDefault(o => o.Operation == operation);

        /// <summary>The resources of this kind that pass NameContains, in the requested order.</summary>
        public List<SageMakerResource> Select(IEnumerable<SageMakerResource> resources, JsonObject request)
        {
            var contains = request.GetString("NameContains");
            if (contains != null && (contains.Length > 63 || !NameContainsPattern.IsMatch(contains)))
            {
                throw new AwsErrorException("ValidationException",
                    $"1 validation error detected: Value '{contains}' at 'nameContains' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9\\-]+", 400);
            }
            var sortBy = request.GetString("SortBy") ?? "CreationTime";
            var order = request.GetString("SortOrder") ?? "Descending";
            if (sortBy != "Name" && sortBy != "CreationTime" && sortBy != "Status")
                throw new AwsErrorException("ValidationException", $"1 validation error detected: Value '{sortBy}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime, Status]", 400);
            if (order != "Ascending" && order != "Descending")
                throw new AwsErrorException("ValidationException", $"1 validation error detected: Value '{order}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]", 400);

            var status = request.GetString("StatusEquals");
            if (status != null && Array.IndexOf(Statuses[Kind], status) < 0)
            {
                throw new AwsErrorException("ValidationException",
                    $"1 validation error detected: Value '{status}' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Statuses[Kind])}]", 400);
            }
            var after = request.GetDateTime("CreationTimeAfter");
            var before = request.GetDateTime("CreationTimeBefore");

            var kept = resources.Where(r => r.Kind == Kind && (string.IsNullOrEmpty(contains) || r.Name.Contains(contains, StringComparison.Ordinal))
                && (status is null || r.Status == status)
                && (after is null || r.CreationTime > after.Value)
                && (before is null || r.CreationTime < before.Value));
            IOrderedEnumerable<SageMakerResource> sorted = sortBy switch
            {
                "Name" => kept.OrderBy(r => r.Name, StringComparer.Ordinal),
                "Status" => kept.OrderBy(r => r.Status, StringComparer.Ordinal),
                _ => kept.OrderBy(r => r.CreationTime),
            };
            var list = sorted.ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
            if (order == "Descending") list.Reverse();
            return list;
        }

        /// <summary>One page of summaries from <paramref name="matching"/>; the token is the offset of the next page.</summary>
        public JsonObject Answer(IReadOnlyList<SageMakerResource> matching, JsonObject request, EmulatorContext context)
        {
            var max = request.GetInt("MaxResults") ?? 10;
            if (max < 1 || max > 100)
                throw new AwsErrorException("ValidationException", $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100", 400);
            var offset = 0;
            if (request.GetString("NextToken") is { Length: > 0 } token && (!int.TryParse(token, out offset) || offset < 0 || offset > matching.Count))
                throw new AwsErrorException("ValidationException", "Invalid pagination token.", 400);

            var summaries = new JsonArray();
            foreach (var resource in matching.Skip(offset).Take(max))
            {
                var described = resource.Describe(context);
                var summary = new JsonObject();
                foreach (var member in _summaryMembers)
                {
                    if (described[member] is JsonNode value) summary[member] = value.DeepClone();
                }
                summaries.Add(summary);
            }
            var answer = new JsonObject { [ListMember] = summaries };
            if (offset + max < matching.Count) answer["NextToken"] = (offset + max).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return answer;
        }
    }
}
