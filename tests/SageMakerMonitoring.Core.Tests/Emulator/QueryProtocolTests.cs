using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml.Linq;
using SageMakerMonitoring.Core.Tests.Infrastructure;
using SageMakerMonitoring.Emulator.Hosting;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator
{
    public sealed class QueryProtocolTests : IClassFixture<HostFixture>
    {
        private static readonly XNamespace Cw = "http://monitoring.amazonaws.com/doc/2010-08-01/";
        private readonly HostFixture _fixture;

        public QueryProtocolTests(HostFixture fixture)
        {
            _fixture = fixture;
        }

        [Fact]
        public async Task GetMetricDataFormBecomesJsonTreeAndAnswerIsXml()
        {
            string form = "Action=GetMetricData&Version=2010-08-01"
                          + "&MetricDataQueries.member.1.Id=m1"
                          + "&MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FSageMaker"
                          + "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=Invocations"
                          + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=EndpointName"
                          + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=demo-churn-endpoint"
                          + "&MetricDataQueries.member.1.MetricStat.Period=60"
                          + "&MetricDataQueries.member.1.MetricStat.Stat=p99"
                          + "&MetricDataQueries.member.2.Id=e1&MetricDataQueries.member.2.Expression=m1%2B1"
                          + "&StartTime=2026-11-28T09%3A00%3A00Z&EndTime=2026-11-28T10%3A00%3A00Z";
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, form));
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);

            JsonObject request = _fixture.Monitoring.LastRequest!;
            JsonArray queries = request.GetArray("MetricDataQueries")!;
            Assert.Equal(2, queries.Count);
            JsonObject stat = queries[0]!.AsObject().GetObject("MetricStat")!;
            Assert.Equal(60, stat.GetInt("Period"));
            Assert.Equal("AWS/SageMaker", stat.GetObject("Metric").GetString("Namespace"));
            Assert.Equal("demo-churn-endpoint", stat.GetObject("Metric").GetArray("Dimensions")![0]!.AsObject().GetString("Value"));
            Assert.Equal("m1+1", queries[1]!.AsObject().GetString("Expression"));
            Assert.Equal(new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc), request.GetDateTime("EndTime"));
            Assert.False(request.ContainsKey("Action"));

            XDocument xml = XDocument.Parse(text);
            XElement root = xml.Root!;
            Assert.Equal(Cw + "GetMetricDataResponse", root.Name);
            XElement series = root.Element(Cw + "GetMetricDataResult")!.Element(Cw + "MetricDataResults")!.Element(Cw + "member")!;
            Assert.Equal("m1", series.Element(Cw + "Id")!.Value);
            Assert.Equal(new[] { "2026-11-28T10:00:00.250Z", "2026-11-28T10:01:00.250Z" },
                series.Element(Cw + "Timestamps")!.Elements(Cw + "member").Select(e => e.Value));
            Assert.Equal(new[] { "1.5", "2" }, series.Element(Cw + "Values")!.Elements(Cw + "member").Select(e => e.Value));
            Assert.NotNull(root.Element(Cw + "GetMetricDataResult")!.Element(Cw + "Messages"));
            Assert.False(string.IsNullOrEmpty(root.Element(Cw + "ResponseMetadata")!.Element(Cw + "RequestId")!.Value));
        }

        [Fact]
        public async Task EmptyOutputHasOnlyResponseMetadata()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url,
                "Action=PutMetricData&Version=2010-08-01&Namespace=Custom&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1"));
            XElement root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.Equal(Cw + "PutMetricDataResponse", root.Name);
            Assert.Null(root.Element(Cw + "PutMetricDataResult"));
            Assert.NotNull(root.Element(Cw + "ResponseMetadata"));
        }

        [Fact]
        public async Task ServiceErrorIsErrorResponseWithQueryCode()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=DescribeAlarms&Version=2010-08-01"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            XElement root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.Equal(Cw + "ErrorResponse", root.Name);
            XElement error = root.Element(Cw + "Error")!;
            Assert.Equal("Sender", error.Element(Cw + "Type")!.Value);
            Assert.Equal("InvalidParameterValue", error.Element(Cw + "Code")!.Value);
            Assert.Equal("The parameter Period must be a multiple of 60.", error.Element(Cw + "Message")!.Value);
            Assert.False(string.IsNullOrEmpty(root.Element(Cw + "RequestId")!.Value));
        }

        [Fact]
        public async Task WrongVersionIsInvalidAction()
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = await client.SendAsync(SigV4TestSigner.Query(_fixture.Url, "Action=ListMetrics&Version=2009-01-01"));
            XElement root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
            Assert.Equal("InvalidAction", root.Element(Cw + "Error")!.Element(Cw + "Code")!.Value);
        }
    }
}
