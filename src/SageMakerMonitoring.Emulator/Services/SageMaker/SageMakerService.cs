using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>
    /// SageMaker (awsJson 1.1, target prefix "SageMaker"): the Describe* and List* calls a monitor makes for training,
    /// processing and transform jobs, endpoints and notebook instances. Control actions: upsert and delete.
    /// </summary>
    public sealed class SageMakerService : IJsonService
    {
        private readonly EmulatorContext _context;
        private readonly object _gate = new object();
        private readonly Dictionary<(SageMakerResourceKind, string), SageMakerResource> _resources =
            new Dictionary<(SageMakerResourceKind, string), SageMakerResource>();

        public SageMakerService(EmulatorContext context)
        {
            _context = context;
        }

        public string SigningName => "sagemaker";

        public JsonNode? Handle(string operation, JsonObject request) => operation switch
        {
            "DescribeTrainingJob" => Describe(SageMakerResourceKind.TrainingJob, Required(request, "TrainingJobName"),
                name => "Requested resource not found."),
            "DescribeProcessingJob" => Describe(SageMakerResourceKind.ProcessingJob, Required(request, "ProcessingJobName"),
                name => $"Could not find requested job with name {name}"),
            "DescribeTransformJob" => Describe(SageMakerResourceKind.TransformJob, Required(request, "TransformJobName"),
                name => $"Could not find requested job with name {name}"),
            "DescribeEndpoint" => Describe(SageMakerResourceKind.Endpoint, Required(request, "EndpointName"),
                name => $"Could not find endpoint \"{name}\"."),
            "DescribeNotebookInstance" => Describe(SageMakerResourceKind.NotebookInstance, Required(request, "NotebookInstanceName"),
                name => "RecordNotFound"),
            "ListTrainingJobs" => List(SageMakerResourceKind.TrainingJob, request, "TrainingJobSummaries",
                "TrainingJobName", "TrainingJobArn", "CreationTime", "TrainingEndTime", "LastModifiedTime", "TrainingJobStatus"),
            "ListProcessingJobs" => List(SageMakerResourceKind.ProcessingJob, request, "ProcessingJobSummaries",
                "ProcessingJobName", "ProcessingJobArn", "CreationTime", "ProcessingEndTime", "LastModifiedTime", "ProcessingJobStatus", "FailureReason"),
            "ListTransformJobs" => List(SageMakerResourceKind.TransformJob, request, "TransformJobSummaries",
                "TransformJobName", "TransformJobArn", "CreationTime", "TransformEndTime", "LastModifiedTime", "TransformJobStatus", "FailureReason"),
            "ListEndpoints" => List(SageMakerResourceKind.Endpoint, request, "Endpoints",
                "EndpointName", "EndpointArn", "CreationTime", "LastModifiedTime", "EndpointStatus"),
            "ListNotebookInstances" => List(SageMakerResourceKind.NotebookInstance, request, "NotebookInstances",
                "NotebookInstanceName", "NotebookInstanceArn", "NotebookInstanceStatus", "Url", "InstanceType", "CreationTime", "LastModifiedTime"),
            _ => throw new AwsErrorException("UnknownOperationException", $"The operation {operation} is not supported by this emulator.", 400),
        };

        public void Reset()
        {
            lock (_gate) _resources.Clear();
        }

        public void Seed(string seedName)
        {
            if (seedName != "demo") return;
            DateTime now = _context.Clock.UtcNow;
            lock (_gate)
            {
                foreach (SageMakerResource resource in SageMakerDemoWorld.Create(now)) _resources[(resource.Kind, resource.Name)] = resource;
            }
        }

        /// <summary>
        /// upsert: {"type":"TrainingJob","name":"j1","status":"InProgress","startTime":"...","instanceCount":2} creates or
        /// updates; answers the Describe output. delete: {"type":"TrainingJob","name":"j1"} answers {"deleted":true|false}.
        /// </summary>
        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            switch (action)
            {
                case "upsert":
                    result = Upsert(arguments);
                    return true;
                case "delete":
                    SageMakerResourceKind kind = ParseKind(arguments);
                    string name = arguments.GetString("name") ?? throw new AwsErrorException("ValidationException", "name is required.");
                    bool deleted;
                    lock (_gate) deleted = _resources.Remove((kind, name));
                    result = new JsonObject { ["deleted"] = deleted };
                    return true;
                default:
                    result = null;
                    return false;
            }
        }

        private JsonObject Upsert(JsonObject arguments)
        {
            SageMakerResourceKind kind = ParseKind(arguments);
            string name = arguments.GetString("name") ?? throw new AwsErrorException("ValidationException", "name is required.");
            DateTime now = _context.Clock.UtcNow;
            lock (_gate)
            {
                if (!_resources.TryGetValue((kind, name), out SageMakerResource? resource))
                {
                    DateTime created = arguments.GetDateTime("creationTime") ?? now;
                    resource = kind switch
                    {
                        SageMakerResourceKind.TrainingJob => new TrainingJobResource(name, created),
                        SageMakerResourceKind.ProcessingJob => new ProcessingJobResource(name, created),
                        SageMakerResourceKind.TransformJob => new TransformJobResource(name, created),
                        SageMakerResourceKind.Endpoint => new EndpointResource(name, created),
                        _ => new NotebookInstanceResource(name, created),
                    };
                    _resources.Add((kind, name), resource);
                }
                resource.Apply(arguments, now);
                return resource.Describe(_context);
            }
        }

        /// <summary>
        /// A List* answer shaped as botocore's sagemaker model says: the summaries (members copied from the Describe
        /// answer), NameContains (case-insensitive), SortBy Name|CreationTime|Status (default CreationTime), SortOrder
        /// (default Descending), MaxResults 1-100 (default 10) and an opaque NextToken.
        /// </summary>
        private JsonObject List(SageMakerResourceKind kind, JsonObject request, string listMember, params string[] summaryMembers)
        {
            string? contains = request.GetString("NameContains");
            string sortBy = request.GetString("SortBy") ?? "CreationTime";
            string sortOrder = request.GetString("SortOrder") ?? "Descending";
            int max = request.GetInt("MaxResults") ?? 10;
            if (max < 1 || max > 100)
                throw new AwsErrorException("ValidationException",
                    $"1 validation error detected: Value '{max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100", 400);
            if (contains is { Length: > 63 })
                throw new AwsErrorException("ValidationException",
                    "1 validation error detected: Value at 'nameContains' failed to satisfy constraint: Member must have length less than or equal to 63", 400);
            if (sortBy is not ("Name" or "CreationTime" or "Status") || sortOrder is not ("Ascending" or "Descending"))
                throw new AwsErrorException("ValidationException", "1 validation error detected: Value at 'sortBy' or 'sortOrder' failed to satisfy enum value set.", 400);
            int offset = 0;
            if (request.GetString("NextToken") is { } token && (!int.TryParse(token, out offset) || offset < 0))
                throw new AwsErrorException("ValidationException", "Invalid pagination token.", 400);

            List<SageMakerResource> matches;
            lock (_gate)
            {
                matches = new List<SageMakerResource>();
                foreach (KeyValuePair<(SageMakerResourceKind, string), SageMakerResource> entry in _resources)
                {
                    if (entry.Key.Item1 != kind) continue;
                    if (contains is { Length: > 0 } && entry.Value.Name.IndexOf(contains, StringComparison.OrdinalIgnoreCase) < 0) continue;
                    matches.Add(entry.Value);
                }
            }
            Comparison<SageMakerResource> compare = sortBy switch
            {
                "Name" => (a, b) => string.CompareOrdinal(a.Name, b.Name),
                "Status" => (a, b) => string.CompareOrdinal(a.Status, b.Status),
                _ => (a, b) => a.CreationTime.CompareTo(b.CreationTime) is var c && c != 0 ? c : string.CompareOrdinal(a.Name, b.Name),
            };
            matches.Sort(sortOrder == "Ascending" ? compare : (a, b) => compare(b, a));

            var list = new JsonArray();
            for (int i = offset; i < matches.Count && i < offset + max; i++)
            {
                JsonObject described = matches[i].Describe(_context);
                var summary = new JsonObject();
                foreach (string member in summaryMembers)
                {
                    if (described[member] is { } value) summary[member] = value.DeepClone();
                }
                list.Add(summary);
            }
            var answer = new JsonObject { [listMember] = list };
            if (offset + max < matches.Count) answer["NextToken"] = (offset + max).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return answer;
        }

        private JsonObject Describe(SageMakerResourceKind kind, string name, Func<string, string> notFoundMessage)
        {
            lock (_gate)
            {
                if (_resources.TryGetValue((kind, name), out SageMakerResource? resource)) return resource.Describe(_context);
            }
            throw new AwsErrorException("ValidationException", notFoundMessage(name), 400);
        }

        private static SageMakerResourceKind ParseKind(JsonObject arguments)
        {
            string type = arguments.GetString("type") ?? throw new AwsErrorException("ValidationException", "type is required.");
            return Enum.TryParse(type, ignoreCase: true, out SageMakerResourceKind kind)
                ? kind
                : throw new AwsErrorException("ValidationException", $"Unknown type '{type}'. Use one of: {string.Join(", ", Enum.GetNames<SageMakerResourceKind>())}.");
        }

        private static string Required(JsonObject request, string member) =>
            request.GetString(member) is { Length: > 0 } value
                ? value
                : throw new AwsErrorException("ValidationException",
                    $"1 validation error detected: Value null at '{char.ToLowerInvariant(member[0]) + member.Substring(1)}' failed to satisfy constraint: Member must not be null", 400);
    }
}
