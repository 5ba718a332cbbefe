using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// Every SageMaker event type EventBridge documents (source <c>aws.sagemaker</c>), as data. Status values follow the
    /// SageMaker API enums; the event spelling differs for endpoints (<c>IN_SERVICE</c>, <c>UPDATING</c> in AWS samples;
    /// the other upper-snake spellings are derived the same way and marked unconfirmed).
    /// </summary>
    public static class SageMakerEventCatalog
    {
        public const string Source = "aws.sagemaker";

        private static readonly IReadOnlyList<SageMakerEventType> AllTypes = BuildAll();

        /// <summary>All event types, in a stable order.</summary>
        public static IReadOnlyList<SageMakerEventType> All => AllTypes;

        /// <summary>Short names of all types (for argument completion and validation).</summary>
        public static IReadOnlyList<string> ShortNames => AllTypes.Select(t => t.ShortName).ToArray();

        /// <summary>Finds a type by short name or detail-type (case-insensitive); null when unknown.</summary>
        public static SageMakerEventType? Find(string nameOrDetailType)
        {
            if (nameOrDetailType == null) throw new ArgumentNullException(nameof(nameOrDetailType));
            foreach (var t in AllTypes)
            {
                if (string.Equals(t.ShortName, nameOrDetailType, StringComparison.OrdinalIgnoreCase)) return t;
                foreach (var d in t.DetailTypes)
                {
                    if (string.Equals(d, nameOrDetailType, StringComparison.OrdinalIgnoreCase)) return t;
                }
            }
            return null;
        }

        /// <summary>Like <see cref="Find"/> but throws <see cref="ArgumentException"/> naming the valid short names.</summary>
        public static SageMakerEventType Get(string nameOrDetailType)
        {
            return Find(nameOrDetailType) ?? throw new ArgumentException(
                "Unknown SageMaker event type '" + nameOrDetailType + "'. Valid values: " + string.Join(", ", ShortNames) + ".",
                nameof(nameOrDetailType));
        }

        private static SageMakerEventStatus[] Same(string terminal, params string[] values)
        {
            var terminals = new HashSet<string>(terminal.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries));
            return values.Select(v => new SageMakerEventStatus(v, v, terminals.Contains(v))).ToArray();
        }

        /// <summary>API spelling InService -> event spelling IN_SERVICE (the endpoint events' form).</summary>
        private static SageMakerEventStatus[] UpperSnake(string terminal, string confirmed, params string[] values)
        {
            var terminals = new HashSet<string>(terminal.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries));
            var confirmedSet = new HashSet<string>(confirmed.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries));
            return values.Select(v => new SageMakerEventStatus(v, ToUpperSnake(v), terminals.Contains(v), confirmedSet.Contains(v))).ToArray();
        }

        internal static string ToUpperSnake(string pascal)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1])) sb.Append('_');
                sb.Append(char.ToUpperInvariant(pascal[i]));
            }
            return sb.ToString();
        }

        private static string ToWords(string pascal)
        {
            var sb = new StringBuilder();
            for (var i = 0; i < pascal.Length; i++)
            {
                if (i > 0 && char.IsUpper(pascal[i])) sb.Append(' ');
                sb.Append(pascal[i]);
            }
            return sb.ToString();
        }

        private static SageMakerEventType Simple(string shortName, string detailType, string? nameField, string? arnField, string? arnKind, bool sample, bool confirmed)
            => new SageMakerEventType(shortName, detailType, null, Array.Empty<SageMakerEventStatus>(), nameField, arnField, arnKind, sample, confirmed);

        private static IReadOnlyList<SageMakerEventType> BuildAll()
        {
            const string jobTerminal = "Completed,Failed,Stopped";
            var endpointStatuses = UpperSnake("InService,Failed,OutOfService,UpdateRollbackFailed", "InService,Updating",
                "OutOfService", "Creating", "Updating", "SystemUpdating", "RollingBack", "InService", "Deleting", "Failed", "UpdateRollbackFailed");

            var trackingStates = new[]
            {
                "Creating", "Created", "CreateFailed", "Updating", "Updated", "UpdateFailed", "Deleting", "Deleted", "DeleteFailed",
                "Starting", "Started", "StartFailed", "Stopping", "Stopped", "StopFailed", "MaintenanceInProgress", "MaintenanceComplete", "MaintenanceFailed",
            };
            var trackingStatuses = trackingStates.Select(s => new SageMakerEventStatus(s, s,
                s.EndsWith("ed", StringComparison.Ordinal) || s.EndsWith("Failed", StringComparison.Ordinal) || s == "MaintenanceComplete",
                eventSpellingConfirmed: true, detailType: "SageMaker Tracking Server " + ToWords(s))).ToArray();

            var list = new List<SageMakerEventType>
            {
                new SageMakerEventType("TrainingJobStateChange", "SageMaker Training Job State Change", "TrainingJobStatus",
                    Same(jobTerminal, "InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting"),
                    "TrainingJobName", "TrainingJobArn", "training-job", hasDocumentedSample: true),
                new SageMakerEventType("ProcessingJobStateChange", "SageMaker Processing Job State Change", "ProcessingJobStatus",
                    Same(jobTerminal, "InProgress", "Completed", "Failed", "Stopping", "Stopped"),
                    "ProcessingJobName", "ProcessingJobArn", "processing-job", hasDocumentedSample: true),
                new SageMakerEventType("TransformJobStateChange", "SageMaker Transform Job State Change", "TransformJobStatus",
                    Same(jobTerminal, "InProgress", "Completed", "Failed", "Stopping", "Stopped"),
                    "TransformJobName", "TransformJobArn", "transform-job", hasDocumentedSample: true),
                new SageMakerEventType("HyperParameterTuningJobStateChange", "SageMaker HyperParameter Tuning Job State Change", "HyperParameterTuningJobStatus",
                    Same("Completed,Failed,Stopped,DeleteFailed", "Completed", "InProgress", "Failed", "Stopped", "Stopping", "Deleting", "DeleteFailed"),
                    "HyperParameterTuningJobName", "HyperParameterTuningJobArn", "hyper-parameter-tuning-job", hasDocumentedSample: true),
                new SageMakerEventType("EndpointStateChange", "SageMaker Endpoint State Change", "EndpointStatus", endpointStatuses,
                    "EndpointName", "EndpointArn", "endpoint", hasDocumentedSample: true),
                new SageMakerEventType("EndpointDeploymentStateChange", "SageMaker Endpoint Deployment State Change", "EndpointStatus", endpointStatuses,
                    "EndpointName", "EndpointArn", "endpoint", hasDocumentedSample: true),
                Simple("EndpointConfigStateChange", "SageMaker Endpoint Config State Change", "EndpointConfigName", "EndpointConfigArn", "endpoint-config", false, false),
                Simple("ModelStateChange", "SageMaker Model State Change", "ModelName", "ModelArn", "model", false, true),
                new SageMakerEventType("NotebookInstanceStateChange", "SageMaker Notebook Instance State Change", "NotebookInstanceStatus",
                    Same("InService,Stopped,Failed", "Pending", "InService", "Stopping", "Stopped", "Failed", "Deleting", "Updating", "PendingMaintenance", "InMaintenance"),
                    "NotebookInstanceName", "NotebookInstanceArn", "notebook-instance", hasDocumentedSample: false, fieldsConfirmed: false),
                Simple("NotebookLifecycleConfigStateChange", "SageMaker Notebook Lifecycle Config State Change",
                    "NotebookInstanceLifecycleConfigName", "NotebookInstanceLifecycleConfigArn", "notebook-instance-lifecycle-config", false, false),
                new SageMakerEventType("AlgorithmStateChange", "SageMaker Algorithm State Change", "AlgorithmStatus",
                    Same("Completed,Failed", "Pending", "InProgress", "Completed", "Failed", "Deleting"),
                    "AlgorithmName", "AlgorithmArn", "algorithm", hasDocumentedSample: false, fieldsConfirmed: false),
                new SageMakerEventType("ModelPackageStateChange", "SageMaker Model Package State Change", "ModelPackageStatus",
                    Same("Completed,Failed", "Pending", "InProgress", "Completed", "Failed", "Deleting"),
                    "ModelPackageName", "ModelPackageArn", "model-package", hasDocumentedSample: true),
                new SageMakerEventType("FeatureGroupStateChange", "SageMaker Feature Group State Change", "FeatureGroupStatus",
                    Same("Created,CreateFailed,DeleteFailed", "Creating", "Created", "CreateFailed", "Deleting", "DeleteFailed"),
                    "FeatureGroupName", "FeatureGroupArn", "feature-group", hasDocumentedSample: true),
                new SageMakerEventType("ImageStateChange", "SageMaker Image State Change", "ImageStatus",
                    Same("CREATED,CREATE_FAILED,UPDATE_FAILED,DELETE_FAILED", "CREATING", "CREATED", "CREATE_FAILED", "UPDATING", "UPDATE_FAILED", "DELETING", "DELETE_FAILED"),
                    "ImageName", "ImageArn", "image", hasDocumentedSample: true),
                new SageMakerEventType("ImageVersionStateChange", "SageMaker Image Version State Change", "ImageVersionStatus",
                    Same("CREATED,CREATE_FAILED,DELETE_FAILED", "CREATING", "CREATED", "CREATE_FAILED", "DELETING", "DELETE_FAILED"),
                    "ImageName", "ImageVersionArn", "image-version", hasDocumentedSample: true, fieldsConfirmed: false),
                new SageMakerEventType("ModelCardStateChange", "SageMaker Model Card State Change", "ModelCardStatus",
                    Same("", "Draft", "PendingReview", "Approved", "Archived"),
                    "ModelCardName", "ModelCardArn", "model-card", hasDocumentedSample: true),
                new SageMakerEventType("ModelCardExportJobStateChange", "SageMaker Model Card Export Job State Change", "ModelCardExportJobStatus",
                    Same("Completed,Failed", "InProgress", "Completed", "Failed"),
                    "ModelCardExportJobName", "ModelCardExportJobArn", "model-card/export-job", hasDocumentedSample: false, fieldsConfirmed: false),
                new SageMakerEventType("MonitoringScheduleStateChange", "SageMaker Monitoring Schedule State Change", "MonitoringScheduleStatus",
                    Same("", "Pending", "Failed", "Scheduled", "Stopped"),
                    "MonitoringScheduleName", "MonitoringScheduleArn", "monitoring-schedule", hasDocumentedSample: false, fieldsConfirmed: false),
                new SageMakerEventType("PipelineExecutionStatusChange", "SageMaker Model Building Pipeline Execution Status Change", "currentPipelineExecutionStatus",
                    Same("Stopped,Failed,Succeeded", "Executing", "Stopping", "Stopped", "Failed", "Succeeded"),
                    "pipelineArn", "pipelineExecutionArn", "pipeline", hasDocumentedSample: true, resourceNameFieldIsArn: true),
                new SageMakerEventType("PipelineStepStatusChange", "SageMaker Model Building Pipeline Execution Step Status Change", "currentStepStatus",
                    Same("Stopped,Failed,Succeeded", "Starting", "Executing", "Stopping", "Stopped", "Failed", "Succeeded"),
                    "pipelineArn", "pipelineExecutionArn", "pipeline", hasDocumentedSample: true, resourceNameFieldIsArn: true),
                new SageMakerEventType("HyperPodClusterStateChange", "SageMaker HyperPod Cluster State Change", "ClusterStatus",
                    Same("InService,Failed", "Creating", "Deleting", "Failed", "InService", "RollingBack", "SystemUpdating", "Updating"),
                    "ClusterName", "ClusterArn", "cluster", hasDocumentedSample: true),
                new SageMakerEventType("HyperPodClusterNodeHealthEvent", "SageMaker HyperPod Cluster Node Health Event", "HealthSummary.HealthStatus",
                    new[] { new SageMakerEventStatus("Unhealthy", "Unhealthy", false) },
                    "ClusterName", "ClusterArn", "cluster", hasDocumentedSample: true, fieldsConfirmed: false),
                Simple("HyperPodClusterEvent", "SageMaker HyperPod Cluster Event", "EventDetails.ClusterName", "EventDetails.ClusterArn", "cluster", true, true),
                new SageMakerEventType("JobStateChange", "SageMaker Job State Change", "JobStatus",
                    Same("Completed,Failed,Stopped", "InProgress", "Completed", "Failed", "Stopping", "Stopped"),
                    "JobName", "JobArn", "job", hasDocumentedSample: true, fieldsConfirmed: false),
                new SageMakerEventType("LabelingJobStateChange", "SageMaker Ground Truth Labeling Job State Change", "LabelingJobStatus",
                    Same("Completed,Failed,Stopped", "Initializing", "InProgress", "Completed", "Failed", "Stopping", "Stopped"),
                    "LabelingJobName", "LabelingJobArn", "labeling-job", hasDocumentedSample: true, fieldsConfirmed: false),
                Simple("LabelingJobTaskStatusChange", "SageMaker Ground Truth Labeling Job Task Status Change", null, null, "labeling-job", false, false),
                new SageMakerEventType("HumanLoopStatusChange", "SageMaker A2I HumanLoop Status Change", "humanLoopStatus",
                    Same("Completed,Failed,Stopped", "Completed", "Failed", "Stopped"),
                    "humanLoopName", "humanLoopArn", "human-loop", hasDocumentedSample: true),
                Simple("HumanLoopFinished", "SageMaker Human Loop Finished", null, null, "human-loop", false, false),
                Simple("HumanLoopStepExecutionFinished", "SageMaker Human Loop Step Execution Finished", null, null, "human-loop", false, false),
                Simple("HumanTaskAccepted", "SageMaker Human Task Accepted", null, null, null, false, false),
                Simple("HumanTaskCreated", "SageMaker Human Task Created", null, null, null, false, false),
                Simple("HumanTaskDeclined", "SageMaker Human Task Declined", null, null, null, false, false),
                Simple("HumanTaskExpired", "SageMaker Human Task Expired", null, null, null, false, false),
                Simple("HumanTaskReturned", "SageMaker Human Task Returned", null, null, null, false, false),
                Simple("HumanTaskSubmitted", "SageMaker Human Task Submitted", null, null, null, false, false),
                Simple("EvaluationJobStatusChange", "SageMaker Evaluation Job Status Change", null, null, null, false, false),
                new SageMakerEventType("TrackingServerStateChange", "SageMaker Tracking Server Created", null, trackingStatuses,
                    "TrackingServerName", "TrackingServerArn", "mlflow-tracking-server", hasDocumentedSample: false, fieldsConfirmed: false,
                    detailTypes: trackingStatuses.Select(s => s.DetailType!).ToArray()),
                Simple("MLflowCreatingRun", "SageMaker MLFlow Tracking Server Creating Run", null, null, "mlflow-tracking-server", false, false),
                Simple("MLflowCreatingRegisteredModel", "SageMaker MLFlow Tracking Server Creating RegisteredModel", null, null, "mlflow-tracking-server", false, false),
                Simple("MLflowCreatingModelVersion", "SageMaker MLFlow Tracking Server Creating ModelVersion", null, null, "mlflow-tracking-server", false, false),
                Simple("MLflowTransitioningModelVersionStage", "SageMaker MLFlow Tracking Server Transitioning ModelVersion Stage", null, null, "mlflow-tracking-server", false, false),
                Simple("MLflowSettingRegisteredModelAlias", "SageMaker MLFlow Tracking Server Setting Registered Model Alias", null, null, "mlflow-tracking-server", false, false),
            };
            return list.AsReadOnly();
        }
    }
}
