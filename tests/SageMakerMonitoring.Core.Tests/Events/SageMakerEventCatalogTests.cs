using System;
using System.Linq;
using System.Text.Json;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    public class SageMakerEventCatalogTests
    {
        private static readonly DateTime T = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void Catalog_has_unique_short_names_and_detail_types()
        {
            var all = SageMakerEventCatalog.All;
            Assert.True(all.Count >= 30);
            Assert.Equal(all.Count, all.Select(t => t.ShortName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            var detailTypes = all.SelectMany(t => t.DetailTypes).ToList();
            Assert.Equal(detailTypes.Count, detailTypes.Distinct().Count());
            Assert.All(detailTypes, d => Assert.StartsWith("SageMaker ", d));
        }

        [Theory]
        [InlineData("TrainingJobStateChange", "SageMaker Training Job State Change", "TrainingJobStatus", "TrainingJobName", "training-job")]
        [InlineData("EndpointStateChange", "SageMaker Endpoint State Change", "EndpointStatus", "EndpointName", "endpoint")]
        [InlineData("EndpointDeploymentStateChange", "SageMaker Endpoint Deployment State Change", "EndpointStatus", "EndpointName", "endpoint")]
        [InlineData("ModelPackageStateChange", "SageMaker Model Package State Change", "ModelPackageStatus", "ModelPackageName", "model-package")]
        [InlineData("PipelineExecutionStatusChange", "SageMaker Model Building Pipeline Execution Status Change", "currentPipelineExecutionStatus", "pipelineArn", "pipeline")]
        [InlineData("PipelineStepStatusChange", "SageMaker Model Building Pipeline Execution Step Status Change", "currentStepStatus", "pipelineArn", "pipeline")]
        [InlineData("NotebookInstanceStateChange", "SageMaker Notebook Instance State Change", "NotebookInstanceStatus", "NotebookInstanceName", "notebook-instance")]
        public void Key_types(string shortName, string detailType, string statusField, string nameField, string arnKind)
        {
            var t = SageMakerEventCatalog.Get(shortName);
            Assert.Same(t, SageMakerEventCatalog.Find(detailType));
            Assert.Equal(detailType, t.DetailType);
            Assert.Equal(statusField, t.StatusField);
            Assert.Equal(nameField, t.ResourceNameField);
            Assert.Equal(arnKind, t.ResourceArnKind);
        }

        [Fact]
        public void Endpoint_statuses_have_both_spellings()
        {
            var t = SageMakerEventCatalog.Get("EndpointStateChange");
            var inService = t.FindStatus("in_service")!;
            Assert.Equal("InService", inService.ApiValue);
            Assert.Equal("IN_SERVICE", inService.EventValue);
            Assert.True(inService.EventSpellingConfirmed);
            Assert.Equal("UPDATE_ROLLBACK_FAILED", t.FindStatus("UpdateRollbackFailed")!.EventValue);
            Assert.False(t.FindStatus("UpdateRollbackFailed")!.EventSpellingConfirmed);
            Assert.Null(t.FindStatus("Completed"));
        }

        [Fact]
        public void Unknown_type_lists_valid_values()
        {
            var e = Assert.Throws<ArgumentException>(() => SageMakerEventCatalog.Get("TrainingJobChange"));
            Assert.Contains("TrainingJobStateChange", e.Message);
        }

        [Fact]
        public void Builder_training_statuses_and_prefix()
        {
            var json = SageMakerEventPatternBuilder.Build(new[] { "TrainingJobStateChange" }, new[] { "failed", "Stopped" }, new[] { "nightly-*" });
            Assert.Equal("{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Training Job State Change\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\",\"Stopped\"],\"TrainingJobName\":[{\"prefix\":\"nightly-\"}]}}", json);
        }

        [Fact]
        public void Builder_names_exact_prefix_wildcard()
        {
            var json = SageMakerEventPatternBuilder.Build(new[] { "EndpointStateChange" }, null, new[] { "churn", "demo-*", "*-prod", "a*b*" });
            using var doc = JsonDocument.Parse(json);
            var names = doc.RootElement.GetProperty("detail").GetProperty("EndpointName");
            Assert.Equal("churn", names[0].GetString());
            Assert.Equal("demo-", names[1].GetProperty("prefix").GetString());
            Assert.Equal("*-prod", names[2].GetProperty("wildcard").GetString());
            Assert.Equal("a*b*", names[3].GetProperty("wildcard").GetString());
        }

        [Fact]
        public void Builder_endpoint_status_matches_both_spellings()
        {
            var pattern = EventPattern.Parse(SageMakerEventPatternBuilder.Build(new[] { "EndpointStateChange" }, new[] { "InService" }));
            var factory = new SageMakerSampleEventFactory(7);
            Assert.True(pattern.Matches(factory.CreateJson("EndpointStateChange", "InService", "demo-churn-endpoint", T)));
            Assert.True(pattern.Matches("{\"source\":\"aws.sagemaker\",\"detail-type\":\"SageMaker Endpoint State Change\",\"detail\":{\"EndpointStatus\":\"InService\"}}"));
            Assert.False(pattern.Matches(factory.CreateJson("EndpointStateChange", "Updating", "demo-churn-endpoint", T)));
        }

        [Fact]
        public void Builder_mixed_types_use_or()
        {
            var json = SageMakerEventPatternBuilder.Build(new[] { "TrainingJobStateChange", "EndpointStateChange" }, new[] { "Failed" }, new[] { "demo-*" });
            var pattern = EventPattern.Parse(json);
            Assert.Equal(2, pattern.CombinationCount);
            var f = new SageMakerSampleEventFactory(3);
            Assert.True(pattern.Matches(f.CreateJson("TrainingJobStateChange", "Failed", "demo-train", T)));
            Assert.True(pattern.Matches(f.CreateJson("EndpointStateChange", "Failed", "demo-ep", T)));
            Assert.False(pattern.Matches(f.CreateJson("EndpointStateChange", "InService", "demo-ep", T)));
            Assert.False(pattern.Matches(f.CreateJson("TrainingJobStateChange", "Failed", "prod-train", T)));
        }

        [Fact]
        public void Builder_pipeline_names_match_inside_the_arn()
        {
            var pattern = EventPattern.Parse(SageMakerEventPatternBuilder.Build(new[] { "PipelineExecutionStatusChange" }, new[] { "Failed" }, new[] { "churn-pipeline" }));
            var f = new SageMakerSampleEventFactory(3);
            Assert.True(pattern.Matches(f.CreateJson("PipelineExecutionStatusChange", "Failed", "churn-pipeline", T)));
            Assert.False(pattern.Matches(f.CreateJson("PipelineExecutionStatusChange", "Failed", "other-churn-pipeline", T)));
            var wild = EventPattern.Parse(SageMakerEventPatternBuilder.Build(new[] { "PipelineStepStatusChange" }, null, new[] { "churn-*" }));
            Assert.True(wild.Matches(f.CreateJson("PipelineStepStatusChange", "Failed", "churn-nightly", T)));
        }

        [Fact]
        public void Builder_tracking_server_statuses_select_detail_types()
        {
            var json = SageMakerEventPatternBuilder.Build(new[] { "TrackingServerStateChange" }, new[] { "CreateFailed", "MaintenanceFailed" });
            Assert.Contains("\"SageMaker Tracking Server Create Failed\"", json);
            Assert.Contains("\"SageMaker Tracking Server Maintenance Failed\"", json);
            Assert.DoesNotContain("Tracking Server Created", json);
        }

        [Fact]
        public void Builder_rejects_statuses_a_type_does_not_have()
        {
            var e = Assert.Throws<ArgumentException>(() => SageMakerEventPatternBuilder.Build(new[] { "TrainingJobStateChange" }, new[] { "InService" }));
            Assert.Contains("InProgress", e.Message);
            Assert.Throws<ArgumentException>(() => SageMakerEventPatternBuilder.Build(new[] { "ModelStateChange" }, new[] { "Failed" }));
        }

        [Fact]
        public void Sample_events_of_every_type_have_the_envelope_and_match_their_own_pattern()
        {
            var f = new SageMakerSampleEventFactory(11);
            foreach (var type in SageMakerEventCatalog.All)
            {
                foreach (var status in type.Statuses.Count == 0 ? new string?[] { null } : type.Statuses.Select(s => s.ApiValue).ToArray())
                {
                    var json = f.Create(type, status, "demo-resource", T).ToJsonString();
                    using var doc = JsonDocument.Parse(json);
                    var root = doc.RootElement;
                    foreach (var field in new[] { "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail" })
                    {
                        Assert.True(root.TryGetProperty(field, out _), type.ShortName + " lacks " + field);
                    }
                    Assert.Equal("2026-11-28T10:00:00Z", root.GetProperty("time").GetString());
                    var patternJson = SageMakerEventPatternBuilder.Build(new[] { type.ShortName }, status == null ? null : new[] { status },
                        type.ResourceNameField == null ? null : new[] { "demo-*" });
                    var result = EventPattern.Parse(patternJson).Evaluate(root);
                    Assert.True(result.IsMatch, type.ShortName + "/" + status + ": " + result);
                }
            }
        }

        [Fact]
        public void Sample_events_are_deterministic_for_a_seed()
        {
            var a = new SageMakerSampleEventFactory(5).CreateJson("TrainingJobStateChange", "Failed", "demo-train-resnet50", T);
            var b = new SageMakerSampleEventFactory(5).CreateJson("TrainingJobStateChange", "Failed", "demo-train-resnet50", T);
            var c = new SageMakerSampleEventFactory(6).CreateJson("TrainingJobStateChange", "Failed", "demo-train-resnet50", T);
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
            Assert.Contains("\"FailureReason\"", a);
            Assert.DoesNotContain("\"FailureReason\"", new SageMakerSampleEventFactory(5).CreateJson("TrainingJobStateChange", "Completed", "x", T));
        }

        [Fact]
        public void Guardrail_exclusions_are_listed()
        {
            Assert.Contains(DeploymentGuardrailExclusions.All, x => x.Feature.Contains("Inf1") && x.CurrentlyDocumented);
            Assert.Contains(DeploymentGuardrailExclusions.All, x => x.Feature.Contains("Marketplace"));
            Assert.Contains("same variant name", DeploymentGuardrailExclusions.WarningText);
        }
    }
}
