using System;
using System.Text.Json;
using SageMakerMonitoring.Core.Events;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>The pre-parsed event path: same answers as the text path, and no allocation per check.</summary>
    public class EventPatternFastPathTests
    {
        private readonly ITestOutputHelper _output;

        public EventPatternFastPathTests(ITestOutputHelper output)
        {
            _output = output;
        }

        public static readonly TheoryData<string> StringOperatorPatterns = new TheoryData<string>
        {
            EventPatternBenchmark.TypicalPattern,
            "{\"source\":[\"aws.sagemaker\"],\"detail\":{\"TrainingJobName\":[{\"suffix\":\"-0301\"}]}}",
            "{\"source\":[{\"equals-ignore-case\":\"AWS.SageMaker\"}],\"detail\":{\"TrainingJobStatus\":[{\"prefix\":{\"equals-ignore-case\":\"fail\"}}]}}",
            "{\"detail\":{\"TrainingJobName\":[{\"suffix\":{\"equals-ignore-case\":\"-0301\"}}]}}",
            "{\"detail\":{\"TrainingJobArn\":[{\"wildcard\":\"arn:aws:sagemaker:*:training-job/nightly-*\"}]}}",
            "{\"detail\":{\"TrainingJobStatus\":[{\"anything-but\":{\"prefix\":\"Complete\"}}],\"SecondaryStatus\":[{\"anything-but\":[\"Completed\",\"Stopped\"]}]}}",
            "{\"detail\":{\"ResourceConfig\":{\"InstanceCount\":[{\"numeric\":[\">\",1,\"<=\",8]}],\"InstanceType\":[{\"exists\":true}]}}}",
            "{\"detail\":{\"TrainingJobStatus\":[\"Failed\"],\"$or\":[{\"TrainingJobName\":[{\"prefix\":\"x\"}]},{\"FailureReason\":[{\"wildcard\":\"*Error*\"}]}]}}",
            "{\"resources\":[{\"suffix\":\"resnet50-0301\"}],\"detail\":{\"Missing\":[{\"exists\":false}]}}",
        };

        [Theory]
        [MemberData(nameof(StringOperatorPatterns))]
        public void Matching_a_parsed_event_allocates_nothing(string patternText)
        {
            var pattern = EventPattern.Parse(patternText);
            var evt = ParsedEvent.Parse(EventPatternBenchmark.TypicalEvent);
            Assert.True(pattern.Matches(evt));
            pattern.Matches(evt);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var matched = 0;
            for (var i = 0; i < 10_000; i++)
            {
                if (pattern.Matches(evt)) matched++;
            }
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(10_000, matched);
            Assert.Equal(0, allocated);
        }

        [Theory]
        [MemberData(nameof(StringOperatorPatterns))]
        public void A_miss_allocates_nothing_either(string patternText)
        {
            var pattern = EventPattern.Parse(patternText);
            var other = EventPatternBenchmark.TypicalEvent
                .Replace("nightly-resnet50-0301", "adhoc-bert-0302").Replace("\"Failed\"", "\"Completed\"")
                .Replace("AlgorithmError", "none").Replace("\"InstanceCount\":4", "\"InstanceCount\":1")
                .Replace("aws.sagemaker", "aws.ec2");
            var evt = ParsedEvent.Parse(other);
            Assert.False(pattern.Matches(evt));

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1_000; i++) pattern.Matches(evt);
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Theory]
        [InlineData("{\"a\":[5]}", "{\"a\":5.0}", true)]
        [InlineData("{\"a\":[123456789012345678901234]}", "{\"a\":123456789012345678901234}", true)]
        [InlineData("{\"a\":[{\"numeric\":[\"<\",9007199254740993]}]}", "{\"a\":1}", true)]
        [InlineData("{\"a\":[null]}", "{\"a\":null}", true)]
        [InlineData("{\"a\":[\"x\"]}", "{\"a\":\"y\",\"a\":\"x\"}", true)]
        [InlineData("{\"a\":[\"y\"]}", "{\"a\":\"y\",\"a\":\"x\"}", false)]
        [InlineData("{\"a\":{\"b\":[\"\\u00e9\"]}}", "{\"a\":[{\"b\":\"x\"},{\"b\":\"\\u00e9\"}]}", true)]
        [InlineData("{\"a\":[{\"exists\":false}]}", "{\"a\":{\"b\":1}}", true)]
        [InlineData("{\"a\":[{\"exists\":false}]}", "[1]", true)]
        public void Parsed_text_and_element_paths_agree(string patternText, string eventText, bool expected)
        {
            EventPattern pattern;
            try
            {
                pattern = EventPattern.Parse(patternText);
            }
            catch (EventPatternException)
            {
                Assert.False(expected);
                return;
            }
            using var document = JsonDocument.Parse(eventText);
            Assert.Equal(expected, pattern.Matches(eventText));
            Assert.Equal(expected, pattern.Matches(document.RootElement));
            Assert.Equal(expected, pattern.Matches(ParsedEvent.Parse(eventText)));
            Assert.Equal(expected, pattern.Evaluate(ParsedEvent.Parse(eventText)).IsMatch);
        }

        [Fact]
        public void Evaluate_on_a_parsed_event_names_the_first_failing_field()
        {
            var pattern = EventPattern.Parse(EventPatternBenchmark.TypicalPattern);
            var evt = ParsedEvent.Parse(EventPatternBenchmark.TypicalEvent.Replace("nightly-resnet50-0301\",\"TrainingJobArn", "adhoc-0301\",\"TrainingJobArn"));
            var result = pattern.Evaluate(evt);
            Assert.False(result.IsMatch);
            Assert.Equal("detail.TrainingJobName", result.FailedPath);
            Assert.Contains("\"adhoc-0301\"", result.Reason);
            Assert.Contains("{\"prefix\":\"nightly-\"}", result.Reason);
        }

        [Fact]
        public void Parsed_event_round_trips_to_json()
        {
            var evt = ParsedEvent.Parse("{\"a\":[1,2.50,\"x\\\"y\",null,true,false,{\"b\":{}}]}");
            Assert.Equal("{\"a\":[1,2.50,\"x\\u0022y\",null,true,false,{\"b\":{}}]}", evt.ToJson());
            Assert.True(evt.IsObject);
            Assert.False(ParsedEvent.Parse("[]").IsObject);
        }

        [Fact]
        public void Benchmark_reports_the_compiled_path_and_a_baseline_from_the_same_run()
        {
            var result = EventPatternBenchmark.Run(150_000);
            _output.WriteLine("compiled {0:N0} checks/s, event parsed per check {1:N0}, baseline {2:N0}, ratio {3:N1}",
                result.ChecksPerSecond, result.EventParsedPerCheckChecksPerSecond, result.BaselineChecksPerSecond, result.Ratio);
            Assert.Equal(150_000, result.Iterations);
            Assert.True(result.ChecksPerSecond > 0 && result.BaselineChecksPerSecond > 0 && result.EventParsedPerCheckChecksPerSecond > 0);
            Assert.Equal(result.ChecksPerSecond / result.BaselineChecksPerSecond, result.Ratio, 6);
        }
    }
}
