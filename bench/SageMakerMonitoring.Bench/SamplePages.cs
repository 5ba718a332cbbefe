using System.Globalization;
using System.Text;

namespace SageMakerMonitoring.Bench
{
    /// <summary>Full-size service answers as they come over the wire.</summary>
    public static class SamplePages
    {
        /// <summary>A GetMetricData page at the service's 100,800-datapoint limit: 4 series of 25,200 one-minute points
        /// (whole epoch seconds, as CloudWatch writes them).</summary>
        public static byte[] MetricData(int series = 4, int points = 25_200)
        {
            var json = new StringBuilder("{\"MetricDataResults\":[");
            const long start = 1795000000;
            for (int s = 0; s < series; s++)
            {
                if (s > 0) json.Append(',');
                json.Append("{\"Id\":\"m").Append(s).Append("\",\"Label\":\"GPUUtilization\",\"Timestamps\":[");
                for (int i = 0; i < points; i++) { if (i > 0) json.Append(','); json.Append(start + i * 60); }
                json.Append("],\"Values\":[");
                for (int i = 0; i < points; i++)
                {
                    if (i > 0) json.Append(',');
                    json.Append((s * 10 + (i * 7919 % 9000) / 100.0).ToString("R", CultureInfo.InvariantCulture));
                }
                json.Append("],\"StatusCode\":\"Complete\"}");
            }
            json.Append("],\"Messages\":[]}");
            return Encoding.UTF8.GetBytes(json.ToString());
        }

        /// <summary>A FilterLogEvents page at the service's 10,000-event limit: training-log lines from 16 host streams
        /// (runs of one stream, as an interleaved scan of time-ordered streams returns them), with some escapes.</summary>
        public static byte[] FilterLogEvents(int events = 10_000)
        {
            var json = new StringBuilder("{\"events\":[");
            for (int i = 0; i < events; i++)
            {
                if (i > 0) json.Append(',');
                json.Append("{\"logStreamName\":\"nightly-resnet50/algo-").Append(1 + i * 16 / events).Append("-1795000000\",\"timestamp\":")
                    .Append(1795000000000 + i * 10)
                    .Append(",\"message\":\"[").Append(i).Append("] epoch 3 step ").Append(i * 4).Append(" loss=0.")
                    .Append(1000 + i % 9000).Append(" lr=3e-4 \\\"train\\\" throughput=412.5 samples/s\\n\",\"ingestionTime\":")
                    .Append(1795000000250 + i * 10)
                    .Append(",\"eventId\":\"3777").Append(i.ToString("D8", CultureInfo.InvariantCulture)).Append("000000000000000000000000000000\"}");
            }
            json.Append("],\"searchedLogStreams\":[],\"nextToken\":\"Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXu\"}");
            return Encoding.UTF8.GetBytes(json.ToString());
        }
    }
}
