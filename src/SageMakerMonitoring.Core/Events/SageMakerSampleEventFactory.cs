using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Realistic SageMaker events (full EventBridge envelope plus the detail fields AWS samples show) for testing
    /// patterns and rules. Deterministic: the same seed, type, status, name and time give the same event.
    /// </summary>
    public sealed class SageMakerSampleEventFactory
    {
        private readonly Random _random;

        public SageMakerSampleEventFactory(int seed = 1, string account = "123456789012", string region = "us-east-1")
        {
            _random = new Random(seed);
            Account = account;
            Region = region;
        }

        public string Account { get; }
        public string Region { get; }

        /// <summary>An event as JSON text.</summary>
        public string CreateJson(string eventType, string? status, string resourceName, DateTime time)
            => Create(SageMakerEventCatalog.Get(eventType), status, resourceName, time).ToJsonString();

        /// <summary>An event with its summary (what <c>New-SageMakerSampleEvent</c> writes).</summary>
        public SageMakerSampleEvent CreateSample(SageMakerEventType type, string? status, string resourceName, DateTime time)
        {
            var json = Create(type, status, resourceName, time);
            var detail = json["detail"] as JsonObject;
            string? eventStatus = null;
            if (type.StatusField != null && detail != null)
            {
                JsonNode? node = detail;
                foreach (var part in type.StatusField.Split('.')) node = node is JsonObject o ? o[part] : null;
                eventStatus = node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            }
            var detailType = json["detail-type"]!.GetValue<string>();
            if (eventStatus == null && type.StatusInDetailType)
            {
                eventStatus = type.Statuses.FirstOrDefault(s => s.DetailType == detailType)?.ApiValue;
            }
            return new SageMakerSampleEvent
            {
                EventType = type.ShortName,
                DetailType = detailType,
                Status = eventStatus,
                ResourceName = resourceName,
                ResourceArn = json["resources"]![0]!.GetValue<string>(),
                Time = Output.OutputTime.From(json["time"] != null ? DateTime.Parse(json["time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal) : time),
                Id = json["id"]!.GetValue<string>(),
                Json = json.ToJsonString(),
            };
        }

        /// <summary>
        /// An event of <paramref name="type"/>. <paramref name="status"/> may be in either spelling (null: the first
        /// status of the type); it is written in the spelling the event carries.
        /// </summary>
        public JsonObject Create(SageMakerEventType type, string? status, string resourceName, DateTime time)
        {
            if (type == null) throw new ArgumentNullException(nameof(type));
            if (string.IsNullOrEmpty(resourceName)) throw new ArgumentException("A resource name is required.", nameof(resourceName));
            time = time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

            SageMakerEventStatus? resolved = null;
            if (type.Statuses.Count > 0)
            {
                resolved = status == null ? type.Statuses[0] : type.FindStatus(status) ?? throw new ArgumentException(
                    "'" + status + "' is not a status of " + type.ShortName + ". Valid values: " + string.Join(", ", type.Statuses) + ".", nameof(status));
            }

            var arn = ArnFor(type, resourceName);
            var detailType = resolved?.DetailType ?? type.DetailType;
            var ms = new DateTimeOffset(time).ToUnixTimeMilliseconds();
            var detail = new JsonObject();

            switch (type.ShortName)
            {
                case "TrainingJobStateChange":
                    detail["TrainingJobName"] = resourceName;
                    detail["TrainingJobArn"] = arn;
                    detail["TrainingJobStatus"] = resolved!.EventValue;
                    detail["SecondaryStatus"] = SecondaryFor(resolved.ApiValue);
                    if (resolved.ApiValue == "Failed") detail["FailureReason"] = "AlgorithmError: ExecuteUserScriptError: exit code 1";
                    detail["HyperParameters"] = new JsonObject { ["epochs"] = "20", ["learning_rate"] = "0.01" };
                    detail["AlgorithmSpecification"] = new JsonObject { ["TrainingImage"] = "763104351884.dkr.ecr." + Region + ".amazonaws.com/pytorch-training:2.1-gpu-py310", ["TrainingInputMode"] = "File" };
                    detail["RoleArn"] = "arn:aws:iam::" + Account + ":role/SageMakerExecutionRole";
                    detail["InputDataConfig"] = new JsonArray(new JsonObject
                    {
                        ["ChannelName"] = "train",
                        ["DataSource"] = new JsonObject { ["S3DataSource"] = new JsonObject { ["S3DataType"] = "S3Prefix", ["S3Uri"] = "s3://ml-data-" + Account + "/train/", ["S3DataDistributionType"] = "FullyReplicated" } },
                        ["ContentType"] = "application/x-image", ["CompressionType"] = "None", ["RecordWrapperType"] = "None",
                    });
                    detail["OutputDataConfig"] = new JsonObject { ["KmsKeyId"] = "", ["S3OutputPath"] = "s3://ml-data-" + Account + "/output/" };
                    detail["ResourceConfig"] = new JsonObject { ["InstanceType"] = "ml.p3.8xlarge", ["InstanceCount"] = 4, ["VolumeSizeInGB"] = 100, ["VolumeKmsKeyId"] = "" };
                    detail["VpcConfig"] = new JsonObject();
                    detail["StoppingCondition"] = new JsonObject { ["MaxRuntimeInSeconds"] = 86400 };
                    detail["CreationTime"] = ms - 3_900_000;
                    detail["TrainingStartTime"] = ms - 3_600_000;
                    if (resolved.IsTerminal) detail["TrainingEndTime"] = ms;
                    detail["LastModifiedTime"] = ms;
                    detail["SecondaryStatusTransitions"] = new JsonArray();
                    detail["Tags"] = new JsonObject();
                    break;

                case "ProcessingJobStateChange":
                case "TransformJobStateChange":
                {
                    var prefix = type.ShortName == "ProcessingJobStateChange" ? "ProcessingJob" : "TransformJob";
                    detail[prefix + "Name"] = resourceName;
                    detail[prefix + "Arn"] = arn;
                    detail[prefix + "Status"] = resolved!.EventValue;
                    if (resolved.ApiValue == "Failed") detail["FailureReason"] = "ClientError: example failure";
                    if (prefix == "ProcessingJob")
                    {
                        detail["ProcessingResources"] = new JsonObject { ["ClusterConfig"] = new JsonObject { ["InstanceCount"] = 2, ["InstanceType"] = "ml.m5.xlarge", ["VolumeSizeInGB"] = 30 } };
                        detail["ProcessingStartTime"] = ms - 600_000;
                        if (resolved.IsTerminal) detail["ProcessingEndTime"] = ms;
                    }
                    else
                    {
                        detail["ModelName"] = resourceName + "-model";
                        detail["TransformResources"] = new JsonObject { ["InstanceType"] = "ml.m5.xlarge", ["InstanceCount"] = 1 };
                        detail["TransformStartTime"] = ms - 600_000;
                        if (resolved.IsTerminal) detail["TransformEndTime"] = ms;
                    }
                    detail["CreationTime"] = ms - 700_000;
                    detail["LastModifiedTime"] = ms;
                    detail["Tags"] = new JsonObject();
                    break;
                }

                case "HyperParameterTuningJobStateChange":
                    detail["HyperParameterTuningJobName"] = resourceName;
                    detail["HyperParameterTuningJobArn"] = arn;
                    detail["HyperParameterTuningJobStatus"] = resolved!.EventValue;
                    detail["TrainingJobStatusCounters"] = new JsonObject { ["Completed"] = 3, ["InProgress"] = 1, ["RetryableError"] = 0, ["NonRetryableError"] = 0, ["Stopped"] = 0 };
                    detail["ObjectiveStatusCounters"] = new JsonObject { ["Succeeded"] = 3, ["Pending"] = 1, ["Failed"] = 0 };
                    detail["CreationTime"] = ms - 7_200_000;
                    detail["LastModifiedTime"] = ms;
                    detail["Tags"] = new JsonObject();
                    break;

                case "EndpointStateChange":
                    detail["EndpointName"] = resourceName;
                    detail["EndpointArn"] = arn;
                    detail["EndpointConfigName"] = resourceName + "-config";
                    detail["ProductionVariants"] = new JsonArray(new JsonObject { ["DesiredWeight"] = 1.0, ["DesiredInstanceCount"] = 2.0 });
                    detail["EndpointStatus"] = resolved!.EventValue;
                    if (resolved.ApiValue == "Failed") detail["FailureReason"] = "The primary container for production variant Primary did not pass the ping health check.";
                    detail["CreationTime"] = (double)(ms - 86_400_000);
                    detail["LastModifiedTime"] = (double)ms;
                    detail["Tags"] = new JsonObject();
                    break;

                case "EndpointDeploymentStateChange":
                {
                    detail["EndpointName"] = resourceName;
                    detail["EndpointArn"] = arn;
                    detail["EndpointConfigName"] = resourceName + "-config";
                    detail["ProductionVariants"] = new JsonArray(new JsonObject
                    {
                        ["VariantName"] = "Primary", ["CurrentWeight"] = 1.0, ["DesiredWeight"] = 1.0, ["CurrentInstanceCount"] = 2, ["DesiredInstanceCount"] = 2,
                        ["VariantStatus"] = new JsonArray(),
                    });
                    detail["EndpointStatus"] = resolved!.EventValue;
                    detail["CreationTime"] = (double)(ms - 86_400_000);
                    detail["LastModifiedTime"] = (double)ms;
                    detail["Tags"] = new JsonObject();
                    detail["PendingDeploymentSummary"] = new JsonObject
                    {
                        ["EndpointConfigName"] = resourceName + "-config-2",
                        ["StartTime"] = (double)(ms - 300_000),
                        ["ProductionVariants"] = new JsonArray(new JsonObject
                        {
                            ["VariantName"] = "Primary", ["CurrentInstanceCount"] = 1, ["DesiredInstanceCount"] = 2,
                            ["VariantStatus"] = new JsonArray(new JsonObject
                            {
                                ["Status"] = "Baking",
                                ["StatusMessage"] = "Baking for 600 seconds (TerminationWaitInSeconds) with traffic enabled on full capacity of 2 instance(s).",
                                ["StartTime"] = (double)(ms - 60_000),
                            }),
                        }),
                    };
                    break;
                }

                case "ModelPackageStateChange":
                    detail["ModelPackageGroupName"] = resourceName;
                    detail["ModelPackageName"] = resourceName;
                    detail["ModelPackageVersion"] = 3;
                    detail["ModelPackageArn"] = arn + "/3";
                    detail["ModelPackageStatus"] = resolved!.EventValue;
                    detail["ModelApprovalStatus"] = "PendingManualApproval";
                    detail["UpdatedModelPackageFields"] = new JsonArray("ModelApprovalStatus");
                    detail["CreationTime"] = ms - 600_000;
                    detail["LastModifiedTime"] = ms;
                    break;

                case "PipelineExecutionStatusChange":
                case "PipelineStepStatusChange":
                {
                    var executionId = Hex(12);
                    detail["pipelineArn"] = arn;
                    detail["pipelineExecutionArn"] = arn + "/execution/" + executionId;
                    if (type.ShortName == "PipelineExecutionStatusChange")
                    {
                        detail["executionStartTime"] = Iso(time.AddMinutes(-30));
                        if (resolved!.IsTerminal) detail["executionEndTime"] = Iso(time);
                        detail["currentPipelineExecutionStatus"] = resolved.EventValue;
                        detail["previousPipelineExecutionStatus"] = "Executing";
                        detail["pipelineExecutionDisplayName"] = "execution-" + ms.ToString(CultureInfo.InvariantCulture);
                        detail["pipelineExecutionDescription"] = "";
                    }
                    else
                    {
                        detail["stepStartTime"] = Iso(time.AddMinutes(-10));
                        if (resolved!.IsTerminal) detail["stepEndTime"] = Iso(time);
                        detail["stepName"] = "Preprocess";
                        detail["stepType"] = "Processing";
                        detail["previousStepStatus"] = "Executing";
                        detail["currentStepStatus"] = resolved.EventValue;
                        if (resolved.ApiValue == "Failed") detail["failureReason"] = "ClientError: step failed";
                        detail["metadata"] = new JsonObject
                        {
                            ["processingJob"] = new JsonObject { ["arn"] = "arn:aws:sagemaker:" + Region + ":" + Account + ":processing-job/pipelines-" + executionId + "-preprocess" },
                        };
                    }
                    break;
                }

                case "HumanLoopStatusChange":
                    detail["creationTime"] = Iso(time.AddMinutes(-5));
                    detail["humanLoopName"] = resourceName;
                    detail["humanLoopArn"] = arn;
                    detail["flowDefinitionArn"] = "arn:aws:sagemaker:" + Region + ":" + Account + ":flow-definition/review";
                    detail["humanLoopStatus"] = resolved!.EventValue;
                    if (resolved.ApiValue == "Failed") { detail["failureCode"] = "ValidationError"; detail["failureReason"] = "example"; }
                    detail["humanLoopOutput"] = new JsonObject { ["outputS3Uri"] = "s3://a2i-output-" + Account + "/" + resourceName + "/output.json" };
                    break;

                default:
                    if (type.ResourceNameField != null) JsonObjectPath.Set(detail, type.ResourceNameField, resourceName);
                    if (type.ResourceArnField != null) JsonObjectPath.Set(detail, type.ResourceArnField, arn);
                    if (type.StatusField != null && resolved != null) JsonObjectPath.Set(detail, type.StatusField, resolved.EventValue);
                    detail["CreationTime"] = ms - 600_000;
                    detail["LastModifiedTime"] = ms;
                    break;
            }

            return new JsonObject
            {
                ["version"] = "0",
                ["id"] = NewId(),
                ["detail-type"] = detailType,
                ["source"] = SageMakerEventCatalog.Source,
                ["account"] = Account,
                ["time"] = Iso(time),
                ["region"] = Region,
                ["resources"] = new JsonArray(arn),
                ["detail"] = detail,
            };
        }

        /// <summary>The resource ARN as SageMaker writes it (names are lower-cased in endpoint ARNs).</summary>
        public string ArnFor(SageMakerEventType type, string resourceName)
        {
            var kind = type.ResourceArnKind ?? "resource";
            var name = kind == "endpoint" ? resourceName.ToLowerInvariant() : resourceName;
            return "arn:aws:sagemaker:" + Region + ":" + Account + ":" + kind + "/" + name;
        }

        private static string SecondaryFor(string status)
        {
            switch (status)
            {
                case "InProgress": return "Training";
                case "Completed": return "Completed";
                case "Failed": return "Failed";
                case "Stopping": return "Stopping";
                case "Stopped": return "Stopped";
                default: return "Starting";
            }
        }

        private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        private string NewId()
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes).ToString("D");
        }

        private string Hex(int length)
        {
            const string digits = "0123456789abcdef";
            var chars = new char[length];
            for (var i = 0; i < length; i++) chars[i] = digits[_random.Next(16)];
            return new string(chars);
        }
    }
}
