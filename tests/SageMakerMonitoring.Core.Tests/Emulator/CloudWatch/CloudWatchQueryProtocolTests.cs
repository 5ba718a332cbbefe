using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.CloudWatch
{
    /// <summary>The CloudWatch service over the awsQuery protocol (form requests, XML answers) as older SDKs speak it.</summary>
    public sealed class CloudWatchQueryProtocolTests : IClassFixture<EmulatorFixture>
    {
        private static readonly XNamespace Cw = "http://monitoring.amazonaws.com/doc/2010-08-01/";
        private readonly EmulatorFixture _fixture;

        public CloudWatchQueryProtocolTests(EmulatorFixture fixture) => _fixture = fixture;

        private static string Iso(DateTime time) => Uri.EscapeDataString(time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

        private async Task<(HttpStatusCode Status, XElement Root)> SendAsync(string form)
        {
            using var client = new HttpClient();
            using var response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, form));
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, XDocument.Parse(text).Root!);
        }

        [Fact]
        public async Task PutAndReadBackWithFormEncodedMembers()
        {
            var now = DateTime.UtcNow;
            var t0 = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(-5);
            var (putStatus, _) = await SendAsync("Action=PutMetricData&Version=2010-08-01&Namespace=Query%2FTest" +
                "&MetricData.member.1.MetricName=Depth&MetricData.member.1.Dimensions.member.1.Name=Queue&MetricData.member.1.Dimensions.member.1.Value=q1" +
                $"&MetricData.member.1.Timestamp={Iso(t0.AddSeconds(5))}&MetricData.member.1.Values.member.1=4&MetricData.member.1.Values.member.2=8" +
                "&MetricData.member.1.Counts.member.1=1&MetricData.member.1.Counts.member.2=3&MetricData.member.1.Unit=Count" +
                "&MetricData.member.2.MetricName=Depth&MetricData.member.2.Dimensions.member.1.Name=Queue&MetricData.member.2.Dimensions.member.1.Value=q1" +
                $"&MetricData.member.2.Timestamp={Iso(t0.AddSeconds(70))}&MetricData.member.2.StatisticValues.SampleCount=2" +
                "&MetricData.member.2.StatisticValues.Sum=10&MetricData.member.2.StatisticValues.Minimum=1&MetricData.member.2.StatisticValues.Maximum=9" +
                "&MetricData.member.2.Unit=Count");
            Assert.Equal(HttpStatusCode.OK, putStatus);

            var (status, root) = await SendAsync("Action=GetMetricStatistics&Version=2010-08-01&Namespace=Query%2FTest&MetricName=Depth" +
                "&Dimensions.member.1.Name=Queue&Dimensions.member.1.Value=q1" +
                $"&StartTime={Iso(t0)}&EndTime={Iso(t0.AddMinutes(2))}&Period=60&Statistics.member.1=Sum&Statistics.member.2=SampleCount");
            Assert.Equal(HttpStatusCode.OK, status);
            var points = root.Element(Cw + "GetMetricStatisticsResult")!.Element(Cw + "Datapoints")!.Elements(Cw + "member")
                .Select(m => (Time: DateTime.Parse(m.Element(Cw + "Timestamp")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                    Sum: double.Parse(m.Element(Cw + "Sum")!.Value, CultureInfo.InvariantCulture),
                    Count: double.Parse(m.Element(Cw + "SampleCount")!.Value, CultureInfo.InvariantCulture),
                    Unit: m.Element(Cw + "Unit")!.Value))
                .OrderBy(p => p.Time).ToList();
            Assert.Equal(new[] { (t0, 28.0, 4.0, "Count"), (t0.AddMinutes(1), 10.0, 2.0, "Count") }, points);

            var (dataStatus, dataRoot) = await SendAsync("Action=GetMetricData&Version=2010-08-01" +
                "&MetricDataQueries.member.1.Id=depth&MetricDataQueries.member.1.MetricStat.Metric.Namespace=Query%2FTest" +
                "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=Depth" +
                "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=Queue&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=q1" +
                "&MetricDataQueries.member.1.MetricStat.Period=60&MetricDataQueries.member.1.MetricStat.Stat=Maximum" +
                $"&StartTime={Iso(t0)}&EndTime={Iso(t0.AddMinutes(2))}&ScanBy=TimestampAscending&MaxDatapoints=1");
            Assert.Equal(HttpStatusCode.OK, dataStatus);
            var result = dataRoot.Element(Cw + "GetMetricDataResult")!;
            var series = result.Element(Cw + "MetricDataResults")!.Element(Cw + "member")!;
            Assert.Equal("depth", series.Element(Cw + "Id")!.Value);
            Assert.Equal("PartialData", series.Element(Cw + "StatusCode")!.Value);
            Assert.Equal(new[] { "8" }, series.Element(Cw + "Values")!.Elements(Cw + "member").Select(e => e.Value));
            Assert.False(string.IsNullOrEmpty(result.Element(Cw + "NextToken")?.Value));
        }

        [Fact]
        public async Task ErrorsUseTheShortQueryCodes()
        {
            var (status, root) = await SendAsync("Action=PutMetricData&Version=2010-08-01&Namespace=Query%2FTest" +
                "&MetricData.member.1.MetricName=X&MetricData.member.1.Value=1&MetricData.member.1.StatisticValues.SampleCount=1" +
                "&MetricData.member.1.StatisticValues.Sum=1&MetricData.member.1.StatisticValues.Minimum=1&MetricData.member.1.StatisticValues.Maximum=1");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            var error = root.Element(Cw + "Error")!;
            Assert.Equal("InvalidParameterCombination", error.Element(Cw + "Code")!.Value);
            Assert.Equal("Sender", error.Element(Cw + "Type")!.Value);
        }
    }
}
