using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws.Wire;

namespace SageMakerMonitoring.Core.Aws.SageMaker
{
    /// <summary>The List* calls with <c>NameContains</c> (for similar-name suggestions) and DescribeInferenceComponent.</summary>
    internal sealed partial class SageMakerClient
    {
        /// <summary>Per list: the operation, the answer's list member, the summary's name member and the token member
        /// (botocore: ListEndpoints and ListInferenceComponents answer a PaginationToken shape under NextToken too).</summary>
        private static readonly Dictionary<SageMakerNameList, (string Operation, string ListMember, string NameMember)> Lists =
            new Dictionary<SageMakerNameList, (string, string, string)>
            {
                [SageMakerNameList.TrainingJobs] = ("ListTrainingJobs", "TrainingJobSummaries", "TrainingJobName"),
                [SageMakerNameList.ProcessingJobs] = ("ListProcessingJobs", "ProcessingJobSummaries", "ProcessingJobName"),
                [SageMakerNameList.TransformJobs] = ("ListTransformJobs", "TransformJobSummaries", "TransformJobName"),
                [SageMakerNameList.Endpoints] = ("ListEndpoints", "Endpoints", "EndpointName"),
                [SageMakerNameList.NotebookInstances] = ("ListNotebookInstances", "NotebookInstances", "NotebookInstanceName"),
                [SageMakerNameList.InferenceComponents] = ("ListInferenceComponents", "InferenceComponents", "InferenceComponentName"),
            };

        private static readonly Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerNamePage>> ListOutputs = CreateListOutputs();

        private static readonly JsonOperationUnmarshaller<InferenceComponentDescription> InferenceComponentOutput =
            new JsonOperationUnmarshaller<InferenceComponentDescription>(ServiceDescriptor.SageMaker, ReadInferenceComponent);

        public Task<InferenceComponentDescription> DescribeInferenceComponentAsync(string name, CancellationToken cancellationToken)
        {
            return InvokeJsonAsync("DescribeInferenceComponent", writer => writer.WriteString("InferenceComponentName", name), InferenceComponentOutput, cancellationToken);
        }

        public Task<SageMakerNamePage> ListNamesAsync(SageMakerNameList list, string? nameContains, string? nextToken, CancellationToken cancellationToken)
        {
            var shape = Lists[list];
            // NameContains: 1-63 characters of [a-zA-Z0-9-]; a filter SageMaker would refuse is left out (every name is listed).
            var filter = IsNameFilter(nameContains) ? nameContains : null;
            return InvokeJsonAsync(shape.Operation, writer =>
            {
                if (filter != null) writer.WriteString("NameContains", filter);
                if (!string.IsNullOrEmpty(nextToken)) writer.WriteString("NextToken", nextToken);
                writer.WriteNumber("MaxResults", 100);
                writer.WriteString("SortBy", "CreationTime");
                writer.WriteString("SortOrder", "Descending");
            }, ListOutputs[list], cancellationToken);
        }

        private static bool IsNameFilter(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length > 63) return false;
            foreach (char c in text)
            {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) return false;
            }
            return true;
        }

        /// <summary>Per list: the summary's ARN and status members (botocore's *Summary shapes).</summary>
        private static readonly Dictionary<SageMakerNameList, (string Arn, string Status)> SummaryMembers =
            new Dictionary<SageMakerNameList, (string, string)>
            {
                [SageMakerNameList.TrainingJobs] = ("TrainingJobArn", "TrainingJobStatus"),
                [SageMakerNameList.ProcessingJobs] = ("ProcessingJobArn", "ProcessingJobStatus"),
                [SageMakerNameList.TransformJobs] = ("TransformJobArn", "TransformJobStatus"),
                [SageMakerNameList.Endpoints] = ("EndpointArn", "EndpointStatus"),
                [SageMakerNameList.NotebookInstances] = ("NotebookInstanceArn", "NotebookInstanceStatus"),
                [SageMakerNameList.InferenceComponents] = ("InferenceComponentArn", "InferenceComponentStatus"),
            };

        // After SummaryMembers: static fields initialize in the order they are written.
        private static readonly Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerSummaryPage>> SummaryOutputs = CreateSummaryOutputs();

        public Task<SageMakerSummaryPage> ListSummariesAsync(SageMakerListFilter filter, string? nextToken, CancellationToken cancellationToken)
        {
            if (filter is null) throw new ArgumentNullException(nameof(filter));
            var shape = Lists[filter.List];
            var contains = IsNameFilter(filter.NameContains) ? filter.NameContains : null;
            return InvokeJsonAsync(shape.Operation, writer =>
            {
                if (contains != null) writer.WriteString("NameContains", contains);
                if (filter.CreatedAfter is DateTime after) writer.WriteEpochSeconds("CreationTimeAfter", after);
                if (!string.IsNullOrEmpty(filter.StatusEquals)) writer.WriteString("StatusEquals", filter.StatusEquals);
                if (!string.IsNullOrEmpty(nextToken)) writer.WriteString("NextToken", nextToken);
                writer.WriteNumber("MaxResults", 100);
                writer.WriteString("SortBy", "CreationTime");
                writer.WriteString("SortOrder", "Ascending");
            }, SummaryOutputs[filter.List], cancellationToken);
        }

        private static Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerSummaryPage>> CreateSummaryOutputs()
        {
            var outputs = new Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerSummaryPage>>();
            foreach (var entry in Lists)
            {
                var (_, listMember, nameMember) = entry.Value;
                var (arnMember, statusMember) = SummaryMembers[entry.Key];
                outputs[entry.Key] = new JsonOperationUnmarshaller<SageMakerSummaryPage>(ServiceDescriptor.SageMaker,
                    (ref Utf8JsonReader reader) =>
                    {
                        var items = JsonOutput.ListPage(ref reader, listMember, "NextToken",
                            (ref Utf8JsonReader r) => ReadSummary(ref r, nameMember, arnMember, statusMember), out var token);
                        items.RemoveAll(i => string.IsNullOrEmpty(i.Name));
                        return new SageMakerSummaryPage(items, string.IsNullOrEmpty(token) ? null : token);
                    });
            }
            return outputs;
        }

        private static SageMakerResourceSummary ReadSummary(ref Utf8JsonReader reader, string nameMember, string arnMember, string statusMember)
        {
            string name = "";
            string? arn = null, status = null;
            DateTime? created = null;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals(nameMember)) { reader.Read(); name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals(arnMember)) { reader.Read(); arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals(statusMember)) { reader.Read(); status = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); created = JsonOutput.NullableEpochSeconds(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return new SageMakerResourceSummary(name, arn, status, created);
        }

        private static Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerNamePage>> CreateListOutputs()
        {
            var outputs = new Dictionary<SageMakerNameList, JsonOperationUnmarshaller<SageMakerNamePage>>();
            foreach (var entry in Lists)
            {
                var (_, listMember, nameMember) = entry.Value;
                outputs[entry.Key] = new JsonOperationUnmarshaller<SageMakerNamePage>(ServiceDescriptor.SageMaker,
                    (ref Utf8JsonReader reader) => ReadNamePage(ref reader, listMember, nameMember));
            }
            return outputs;
        }

        internal static SageMakerNamePage ReadNamePage(ref Utf8JsonReader reader, string listMember, string nameMember)
        {
            var summaries = JsonOutput.ListPage(ref reader, listMember, "NextToken", (ref Utf8JsonReader r) => ReadName(ref r, nameMember), out var token);
            summaries.RemoveAll(string.IsNullOrEmpty);
            return new SageMakerNamePage(summaries, string.IsNullOrEmpty(token) ? null : token);
        }

        /// <summary>The name member of one summary object; everything else is skipped.</summary>
        private static string ReadName(ref Utf8JsonReader reader, string nameMember)
        {
            var name = "";
            while (JsonOutput.NextProperty(ref reader))
            {
                var isName = reader.ValueTextEquals(nameMember);
                reader.Read();
                if (isName) name = JsonOutput.String(ref reader) ?? "";
                else reader.Skip();
            }
            return name;
        }

        internal static InferenceComponentDescription ReadInferenceComponent(ref Utf8JsonReader reader)
        {
            var component = new InferenceComponentDescription();
            if (!JsonOutput.StartObject(ref reader)) return component;
            while (JsonOutput.NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("InferenceComponentName")) { reader.Read(); component.Name = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("InferenceComponentArn")) { reader.Read(); component.Arn = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("InferenceComponentStatus")) { reader.Read(); component.Status = JsonOutput.String(ref reader) ?? ""; }
                else if (reader.ValueTextEquals("EndpointName")) { reader.Read(); component.EndpointName = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("VariantName")) { reader.Read(); component.VariantName = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("FailureReason")) { reader.Read(); component.FailureReason = JsonOutput.String(ref reader); }
                else if (reader.ValueTextEquals("CreationTime")) { reader.Read(); component.CreationTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else if (reader.ValueTextEquals("LastModifiedTime")) { reader.Read(); component.LastModifiedTime = JsonOutput.NullableEpochSeconds(ref reader); }
                else { reader.Read(); reader.Skip(); }
            }
            return component;
        }
    }
}
