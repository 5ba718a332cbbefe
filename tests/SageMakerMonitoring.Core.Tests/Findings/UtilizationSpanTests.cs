using System;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Catalog;
using SageMakerMonitoring.Core.Findings;
using SageMakerMonitoring.Core.Resources;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Findings
{
    /// <summary>A training job's utilization range starts at TrainingStartTime (the API reference: when the job starts on
    /// its instances), not at its creation as the log range does.</summary>
    public class UtilizationSpanTests
    {
        private static readonly DateTime Created = new DateTime(2026, 12, 7, 7, 0, 0, DateTimeKind.Utc);

        private static SageMakerResourceDescription Job(DateTime? started, DateTime? ended, string status = "Completed") =>
            new SageMakerResourceDescription(SageMakerResource.Create(SageMakerResourceType.TrainingJob, "j"), status, Created, ended)
            {
                Job = new SageMakerJobDescription { Name = "j", Status = status, CreationTime = Created, StartTime = started, EndTime = ended },
            };

        [Fact]
        public void StartsWhenTrainingStarts()
        {
            var d = Job(Created.AddMinutes(6), Created.AddHours(3));
            Assert.Equal(Created, d.TimeSpan!.Start);
            var span = UtilizationService.UtilizationSpan(d)!;
            Assert.Equal((Created.AddMinutes(6), (DateTime?)Created.AddHours(3)), (span.Start, span.End));
        }

        [Fact]
        public void KeepsTheCreationWithoutAStartOrWithAnInconsistentOne()
        {
            Assert.Equal(Created, UtilizationService.UtilizationSpan(Job(null, Created.AddHours(1)))!.Start);
            Assert.Equal(Created, UtilizationService.UtilizationSpan(Job(Created.AddHours(2), Created.AddHours(1)))!.Start);
            Assert.Equal(Created, UtilizationService.UtilizationSpan(Job(Created.AddMinutes(-1), Created.AddHours(1)))!.Start);
        }

        [Fact]
        public void ARunningJobStaysOpen()
        {
            var span = UtilizationService.UtilizationSpan(Job(Created.AddMinutes(3), null, "InProgress"))!;
            Assert.Equal(Created.AddMinutes(3), span.Start);
            Assert.Null(span.End);
        }
    }
}
