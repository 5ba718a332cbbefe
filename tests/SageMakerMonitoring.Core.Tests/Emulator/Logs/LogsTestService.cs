using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;
using SageMakerMonitoring.Emulator.Services.Logs;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Emulator.Logs
{
    /// <summary>A LogsService on a frozen clock, called the way the host calls it (input trees parsed from JSON text).</summary>
    internal sealed class LogsTestService
    {
        public static readonly DateTime Now = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
        public static readonly long NowMs = new DateTimeOffset(Now).ToUnixTimeMilliseconds();

        public LogsTestService()
        {
            Clock = new EmulatorClock();
            Clock.Freeze(Now);
            Service = new LogsService(new EmulatorContext(Clock));
        }

        public EmulatorClock Clock { get; }
        public LogsService Service { get; }

        public JsonObject Call(string operation, object request)
        {
            string json = request as string ?? JsonSerializer.Serialize(request);
            JsonNode? result = Service.Handle(operation, JsonNode.Parse(json)!.AsObject());
            // Round-trip as the host would write it.
            return result == null ? new JsonObject() : JsonNode.Parse(result.ToJsonString())!.AsObject();
        }

        public AwsErrorException Fails(string operation, object request) =>
            Assert.Throws<AwsErrorException>(() => Call(operation, request));

        public JsonNode? Control(string action, object arguments)
        {
            string json = JsonSerializer.Serialize(arguments);
            Assert.True(Service.TryControl(action, JsonNode.Parse(json)!.AsObject(), out JsonNode? result));
            return result;
        }

        public void CreateStream(string group, string stream)
        {
            try { Call("CreateLogGroup", new { logGroupName = group }); }
            catch (AwsErrorException e) when (e.Code == "ResourceAlreadyExistsException") { }
            Call("CreateLogStream", new { logGroupName = group, logStreamName = stream });
        }

        public void Put(string group, string stream, params (long Timestamp, string Message)[] events) =>
            Call("PutLogEvents", new
            {
                logGroupName = group,
                logStreamName = stream,
                logEvents = events.Select(e => new { timestamp = e.Timestamp, message = e.Message }).ToArray(),
            });

        /// <summary>Follows nextToken to the end, collecting every event and every page size.</summary>
        public (List<JsonObject> Events, List<int> PageSizes) FilterAll(Dictionary<string, object> request)
        {
            var events = new List<JsonObject>();
            var pages = new List<int>();
            string? token = null;
            for (int guard = 0; guard < 100_000; guard++)
            {
                var r = new Dictionary<string, object>(request);
                if (token != null) r["nextToken"] = token;
                JsonObject page = Call("FilterLogEvents", r);
                JsonArray list = page["events"]!.AsArray();
                pages.Add(list.Count);
                events.AddRange(list.Select(e => e!.AsObject()));
                token = (string?)page["nextToken"];
                if (token == null) return (events, pages);
            }
            throw new InvalidOperationException("FilterLogEvents never ended.");
        }
    }
}
