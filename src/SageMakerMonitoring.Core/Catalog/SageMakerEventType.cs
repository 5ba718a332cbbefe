using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// One kind of SageMaker event delivered by EventBridge (source <c>aws.sagemaker</c>): its detail-type, the field
    /// in <c>detail</c> holding its status and the values it takes, and the field naming the resource.
    /// </summary>
    public sealed class SageMakerEventType
    {
        public SageMakerEventType(
            string shortName,
            string detailType,
            string? statusField,
            IReadOnlyList<SageMakerEventStatus> statuses,
            string? resourceNameField,
            string? resourceArnField,
            string? resourceArnKind,
            bool hasDocumentedSample,
            bool fieldsConfirmed = true,
            bool resourceNameFieldIsArn = false,
            IReadOnlyList<string>? detailTypes = null)
        {
            ShortName = shortName;
            DetailType = detailType;
            StatusField = statusField;
            Statuses = statuses;
            ResourceNameField = resourceNameField;
            ResourceArnField = resourceArnField;
            ResourceArnKind = resourceArnKind;
            HasDocumentedSample = hasDocumentedSample;
            FieldsConfirmed = fieldsConfirmed;
            ResourceNameFieldIsArn = resourceNameFieldIsArn;
            DetailTypes = detailTypes ?? new[] { detailType };
        }

        /// <summary>Enum-like name for parameters, e.g. <c>TrainingJobStateChange</c>.</summary>
        public string ShortName { get; }

        /// <summary>The <c>detail-type</c> value, e.g. <c>SageMaker Training Job State Change</c>.</summary>
        public string DetailType { get; }

        /// <summary>
        /// Every detail-type of this kind. Usually just <see cref="DetailType"/>; for kinds whose state is part of the
        /// detail-type (MLflow tracking servers) one per state.
        /// </summary>
        public IReadOnlyList<string> DetailTypes { get; }

        /// <summary>Dotted path inside <c>detail</c> of the status field (e.g. <c>TrainingJobStatus</c>,
        /// <c>HealthSummary.HealthStatus</c>); null when the event carries none.</summary>
        public string? StatusField { get; }

        public IReadOnlyList<SageMakerEventStatus> Statuses { get; }

        /// <summary>True when the state is encoded in the detail-type rather than a field.</summary>
        public bool StatusInDetailType => StatusField == null && Statuses.Count > 0 && Statuses[0].DetailType != null;

        /// <summary>Field in <c>detail</c> naming the resource (e.g. <c>TrainingJobName</c>, <c>pipelineArn</c>).</summary>
        public string? ResourceNameField { get; }

        /// <summary>True when <see cref="ResourceNameField"/> holds an ARN rather than a bare name (pipeline events).</summary>
        public bool ResourceNameFieldIsArn { get; }

        /// <summary>Field in <c>detail</c> holding the resource ARN, when there is one.</summary>
        public string? ResourceArnField { get; }

        /// <summary>The resource-type segment of the ARN (<c>arn:aws:sagemaker:region:account:KIND/name</c>).</summary>
        public string? ResourceArnKind { get; }

        /// <summary>AWS publishes an example payload of this event.</summary>
        public bool HasDocumentedSample { get; }

        /// <summary>False when field names are not documented by AWS (taken from third-party code or inferred).</summary>
        public bool FieldsConfirmed { get; }

        /// <summary>The status in any spelling (API or event, any case, with or without underscores); null if unknown.</summary>
        public SageMakerEventStatus? FindStatus(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            foreach (var status in Statuses)
            {
                if (status.IsSpelledBy(value)) return status;
            }
            return null;
        }

        public override string ToString() => ShortName;
    }
}
