using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>
    /// SageMaker (awsJson 1.1, target prefix "SageMaker"): the Describe* calls a monitor makes for training,
    /// processing and transform jobs, endpoints, notebook instances and inference components, and their List* calls
    /// (NameContains, sorting, paging), and DescribeEndpointConfig for the configuration an endpoint names. Control actions:
    /// upsert and delete.
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
            "DescribeEndpointConfig" => DescribeEndpointConfig(Required(request, "EndpointConfigName")),
            "DescribeNotebookInstance" => Describe(SageMakerResourceKind.NotebookInstance, Required(request, "NotebookInstanceName"),
                name => "RecordNotFound"),
            "DescribeInferenceComponent" => Describe(SageMakerResourceKind.InferenceComponent, Required(request, "InferenceComponentName"),
                name => $"Could not find inference component \"{name}\"."),
            _ when SageMakerListOperation.For(operation) is { } list => List(list, request),
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
                        SageMakerResourceKind.InferenceComponent => new InferenceComponentResource(name, created),
                        _ => new NotebookInstanceResource(name, created),
                    };
                    _resources.Add((kind, name), resource);
                }
                resource.Apply(arguments, now);
                return resource.Describe(_context);
            }
        }

        private JsonObject Describe(SageMakerResourceKind kind, string name, Func<string, string> notFoundMessage)
        {
            lock (_gate)
            {
                if (_resources.TryGetValue((kind, name), out SageMakerResource? resource)) return resource.Describe(_context);
            }
            throw new AwsErrorException("ValidationException", notFoundMessage(name), 400);
        }

        /// <summary>An endpoint configuration exists while an endpoint names it (the emulator keeps no others); an unknown
        /// name is moto's ValidationException "Could not find endpoint configuration '&lt;arn&gt;'.".</summary>
        private JsonObject DescribeEndpointConfig(string name)
        {
            lock (_gate)
            {
                foreach (SageMakerResource resource in _resources.Values)
                {
                    if (resource is EndpointResource endpoint && endpoint.EndpointConfigName == name) return endpoint.DescribeConfig(_context);
                }
            }
            string arn = $"arn:aws:sagemaker:{_context.Region}:{_context.AccountId}:endpoint-config/{name.ToLowerInvariant()}";
            throw new AwsErrorException("ValidationException", $"Could not find endpoint configuration '{arn}'.", 400);
        }

        private JsonObject List(SageMakerListOperation list, JsonObject request)
        {
            List<SageMakerResource> matching;
            lock (_gate) matching = list.Select(_resources.Values, request);
            return list.Answer(matching, request, _context);
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
