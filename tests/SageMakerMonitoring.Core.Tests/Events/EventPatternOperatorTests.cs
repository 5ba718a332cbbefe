using System.Text.Json;
using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    public class EventPatternOperatorTests
    {
        private static bool M(string pattern, string evt) => EventPattern.Parse(pattern).Matches(evt);

        [Theory]
        [InlineData("{\"a\":[\"x\"]}", "{\"a\":\"x\"}", true)]
        [InlineData("{\"a\":[\"x\"]}", "{\"a\":\"X\"}", false)]
        [InlineData("{\"a\":[\"x\",\"y\"]}", "{\"a\":\"y\"}", true)]
        [InlineData("{\"a\":[\"x\"]}", "{\"b\":\"x\"}", false)]
        [InlineData("{\"a\":[\"\"]}", "{\"a\":\"\"}", true)]
        [InlineData("{\"a\":[\"\"]}", "{\"a\":null}", false)]
        [InlineData("{\"a\":[null]}", "{\"a\":null}", true)]
        [InlineData("{\"a\":[null]}", "{\"a\":\"\"}", false)]
        [InlineData("{\"a\":[null]}", "{}", false)]
        [InlineData("{\"a\":[true]}", "{\"a\":true}", true)]
        [InlineData("{\"a\":[true]}", "{\"a\":\"true\"}", false)]
        [InlineData("{\"a\":[false]}", "{\"a\":true}", false)]
        [InlineData("{\"a\":[5]}", "{\"a\":5}", true)]
        [InlineData("{\"a\":[5]}", "{\"a\":\"5\"}", false)]
        [InlineData("{\"a\":[\"5\"]}", "{\"a\":5}", false)]
        [InlineData("{\"a\":[5]}", "{\"a\":5.0}", true)]
        [InlineData("{\"a\":[300]}", "{\"a\":3.0e2}", true)]
        [InlineData("{\"a\":[5]}", "{\"a\":5.1}", false)]
        [InlineData("{\"a\":[123456789012345678901234]}", "{\"a\":123456789012345678901234}", true)]
        // Both round to the same double, and event-ruler compares numbers as doubles.
        [InlineData("{\"a\":[123456789012345678901234]}", "{\"a\":123456789012345678901235}", true)]
        [InlineData("{\"a\":[123456789012345678901234]}", "{\"a\":123456789012346000000000}", false)]
        public void Exact_values(string pattern, string evt, bool expected) => Assert.Equal(expected, M(pattern, evt));

        [Theory]
        // A pattern value matches when any element of an event array matches.
        [InlineData("{\"r\":[\"b\"]}", "{\"r\":[\"a\",\"b\"]}", true)]
        [InlineData("{\"r\":[\"c\"]}", "{\"r\":[\"a\",\"b\"]}", false)]
        [InlineData("{\"r\":[\"b\"]}", "{\"r\":[[\"a\"],[\"b\"]]}", true)]
        [InlineData("{\"r\":[{\"prefix\":\"b\"}]}", "{\"r\":[1,\"bee\"]}", true)]
        // An object pattern descends into arrays of objects; fields must match within one element.
        [InlineData("{\"e\":{\"f\":[\"Anna\"]}}", "{\"e\":[{\"f\":\"John\"},{\"f\":\"Anna\"}]}", true)]
        [InlineData("{\"e\":{\"f\":[\"Anna\"],\"l\":[\"Jones\"]}}", "{\"e\":[{\"f\":\"Anna\",\"l\":\"Smith\"},{\"f\":\"Peter\",\"l\":\"Jones\"}]}", false)]
        [InlineData("{\"e\":{\"f\":[\"Anna\"],\"l\":[\"Smith\"]}}", "{\"e\":[{\"f\":\"Anna\",\"l\":\"Smith\"},{\"f\":\"Peter\",\"l\":\"Jones\"}]}", true)]
        // Nested objects are AND.
        [InlineData("{\"d\":{\"a\":[\"1\"],\"b\":[\"2\"]}}", "{\"d\":{\"a\":\"1\",\"b\":\"2\"}}", true)]
        [InlineData("{\"d\":{\"a\":[\"1\"],\"b\":[\"2\"]}}", "{\"d\":{\"a\":\"1\",\"b\":\"3\"}}", false)]
        // A leaf value never matches an object, an object pattern never matches a scalar.
        [InlineData("{\"d\":[\"x\"]}", "{\"d\":{\"x\":1}}", false)]
        [InlineData("{\"d\":{\"x\":[1]}}", "{\"d\":\"x\"}", false)]
        public void Arrays_and_nesting(string pattern, string evt, bool expected) => Assert.Equal(expected, M(pattern, evt));

        [Theory]
        [InlineData("{\"a\":[{\"prefix\":\"us-\"}]}", "{\"a\":\"us-east-1\"}", true)]
        [InlineData("{\"a\":[{\"prefix\":\"us-\"}]}", "{\"a\":\"US-east-1\"}", false)]
        [InlineData("{\"a\":[{\"prefix\":\"\"}]}", "{\"a\":\"anything\"}", true)]
        [InlineData("{\"a\":[{\"prefix\":\"1\"}]}", "{\"a\":12}", false)]
        [InlineData("{\"a\":[{\"prefix\":{\"equals-ignore-case\":\"EventB\"}}]}", "{\"a\":\"eventbridge\"}", true)]
        [InlineData("{\"a\":[{\"prefix\":{\"equals-ignore-case\":\"EventB\"}}]}", "{\"a\":\"xeventbridge\"}", false)]
        [InlineData("{\"a\":[{\"suffix\":\".png\"}]}", "{\"a\":\"dir/a.png\"}", true)]
        [InlineData("{\"a\":[{\"suffix\":\".png\"}]}", "{\"a\":\"dir/a.PNG\"}", false)]
        [InlineData("{\"a\":[{\"suffix\":{\"equals-ignore-case\":\".png\"}}]}", "{\"a\":\"dir/a.PNG\"}", true)]
        [InlineData("{\"a\":[{\"equals-ignore-case\":\"alice\"}]}", "{\"a\":\"ALICE\"}", true)]
        [InlineData("{\"a\":[{\"equals-ignore-case\":\"alice\"}]}", "{\"a\":\"alicia\"}", false)]
        [InlineData("{\"a\":[{\"equals-ignore-case\":\"null\"}]}", "{\"a\":null}", false)]
        public void Prefix_suffix_and_ignore_case(string pattern, string evt, bool expected) => Assert.Equal(expected, M(pattern, evt));

        [Theory]
        [InlineData("dir/*.png", "dir/a.png", true)]
        [InlineData("dir/*.png", "dir/sub/a.png", true)]
        [InlineData("dir/*.png", "dir/.png", true)]
        [InlineData("dir/*.png", "dir/a.jpg", false)]
        [InlineData("dir/*.png", "other/a.png", false)]
        [InlineData("*", "", true)]
        [InlineData("a*b*c", "abc", true)]
        [InlineData("a*b*c", "axxbyyc", true)]
        [InlineData("a*b*c", "axxcyyb", false)]
        [InlineData("*ab*ab", "xabab", true)]
        [InlineData("*ab*ab", "xab", false)]
        [InlineData("abc", "abc", true)]
        [InlineData("abc", "abcd", false)]
        [InlineData("a\\*b", "a*b", true)]
        [InlineData("a\\*b", "axb", false)]
        [InlineData("a\\\\b", "a\\b", true)]
        [InlineData("a\\\\*", "a\\anything", true)]
        [InlineData("arn:aws:sagemaker:*:*:training-job/nightly-*", "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-42", true)]
        public void Wildcard(string wildcard, string value, bool expected)
        {
            var pattern = "{\"a\":[{\"wildcard\":" + JsonSerializer.Serialize(wildcard) + "}]}";
            var evt = "{\"a\":" + JsonSerializer.Serialize(value) + "}";
            Assert.Equal(expected, M(pattern, evt));
        }

        [Fact]
        public void Wildcard_applies_to_strings_only()
        {
            Assert.False(M("{\"a\":[{\"wildcard\":\"*\"}]}", "{\"a\":5}"));
            Assert.False(M("{\"a\":[{\"wildcard\":\"*\"}]}", "{\"a\":null}"));
        }

        [Theory]
        [InlineData("{\"a\":[{\"anything-but\":\"init\"}]}", "{\"a\":\"running\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":\"init\"}]}", "{\"a\":\"init\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":\"init\"}]}", "{}", false)]
        [InlineData("{\"a\":[{\"anything-but\":\"init\"}]}", "{\"a\":5}", true)]
        [InlineData("{\"a\":[{\"anything-but\":[\"stopped\",\"overloaded\"]}]}", "{\"a\":\"overloaded\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":[\"stopped\",\"overloaded\"]}]}", "{\"a\":\"Stopped\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":123}", false)]
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":123.0}", false)]
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":124}", true)]
        // A value that is not a number is "anything but" the listed numbers (event-ruler RulerTest: "444" against [111, 222, 333]).
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":\"124\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":\"123\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":123}]}", "{\"a\":null}", true)]
        [InlineData("{\"a\":[{\"anything-but\":[100,200,300]}]}", "{\"a\":200}", false)]
        [InlineData("{\"a\":[{\"anything-but\":[100,200,300]}]}", "{\"a\":250}", true)]
        [InlineData("{\"a\":[{\"anything-but\":{\"prefix\":\"init\"}}]}", "{\"a\":\"initializing\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"prefix\":\"init\"}}]}", "{\"a\":\"running\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":{\"prefix\":[\"init\",\"stop\"]}}]}", "{\"a\":\"stopping\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"suffix\":\".txt\"}}]}", "{\"a\":\"a.txt\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"suffix\":[\".txt\",\".rtf\"]}}]}", "{\"a\":\"a.doc\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":{\"equals-ignore-case\":\"initializing\"}}]}", "{\"a\":\"INITIALIZING\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"equals-ignore-case\":[\"initializing\",\"stopped\"]}}]}", "{\"a\":\"Stopped\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"equals-ignore-case\":[\"initializing\",\"stopped\"]}}]}", "{\"a\":\"running\"}", true)]
        [InlineData("{\"a\":[{\"anything-but\":{\"wildcard\":\"*/lib/*\"}}]}", "{\"a\":\"/usr/lib/x\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"wildcard\":[\"*/lib/*\",\"*/bin/*\"]}}]}", "{\"a\":\"/usr/bin/x\"}", false)]
        [InlineData("{\"a\":[{\"anything-but\":{\"wildcard\":[\"*/lib/*\",\"*/bin/*\"]}}]}", "{\"a\":\"/usr/share/x\"}", true)]
        // On an event array, anything-but matches when some element is not excluded.
        [InlineData("{\"a\":[{\"anything-but\":\"x\"}]}", "{\"a\":[\"x\",\"y\"]}", true)]
        [InlineData("{\"a\":[{\"anything-but\":\"x\"}]}", "{\"a\":[\"x\"]}", false)]
        public void Anything_but(string pattern, string evt, bool expected) => Assert.Equal(expected, M(pattern, evt));

        [Theory]
        [InlineData("[\">\", 0, \"<=\", 5]", "5", true)]
        [InlineData("[\">\", 0, \"<=\", 5]", "0", false)]
        [InlineData("[\">\", 0, \"<=\", 5]", "0.000001", true)]
        [InlineData("[\">=\", 0, \"<\", 5]", "0", true)]
        [InlineData("[\">=\", 0, \"<\", 5]", "5", false)]
        [InlineData("[\"<\", 10]", "-1e3", true)]
        [InlineData("[\"<\", 10]", "10", false)]
        [InlineData("[\"<=\", 10]", "10", true)]
        [InlineData("[\">\", 10]", "10.5", true)]
        [InlineData("[\"=\", 3.018e2]", "301.8", true)]
        [InlineData("[\"=\", 100]", "100.0", true)]
        [InlineData("[\"=\", 100]", "\"100\"", false)]
        [InlineData("[\">\", 0]", "null", false)]
        [InlineData("[\">\", 0]", "true", false)]
        [InlineData("[\">\", 0]", "1e400", false)]
        [InlineData("[\">\", 0]", "9007199254740993", true)]
        [InlineData("[\"<\", 0]", "[5, -1]", true)]
        public void Numeric(string numeric, string value, bool expected)
            => Assert.Equal(expected, M("{\"a\":[{\"numeric\":" + numeric + "}]}", "{\"a\":" + value + "}"));

        [Theory]
        [InlineData("10.0.0.0/24", "10.0.0.255", true)]
        [InlineData("10.0.0.0/24", "10.0.1.0", false)]
        [InlineData("10.0.0.0/8", "10.200.3.4", true)]
        [InlineData("0.0.0.0/0", "203.0.113.9", true)]
        [InlineData("10.0.0.7/32", "10.0.0.7", true)]
        [InlineData("10.0.0.0/24", "not-an-ip", false)]
        [InlineData("10.0.0.0/24", "10.0.0", false)]
        [InlineData("2001:db8::/32", "2001:db8:1234::1", true)]
        [InlineData("2001:db8::/32", "2001:db9::1", false)]
        [InlineData("2001:db8::/32", "10.0.0.1", false)]
        [InlineData("10.0.0.0/24", "2001:db8::1", false)]
        public void Cidr(string cidr, string ip, bool expected)
            => Assert.Equal(expected, M("{\"ip\":[{\"cidr\":\"" + cidr + "\"}]}", "{\"ip\":\"" + ip + "\"}"));

        [Theory]
        [InlineData("true", "{\"d\":{\"s\":\"x\"}}", true)]
        [InlineData("true", "{\"d\":{\"s\":null}}", true)]
        [InlineData("true", "{\"d\":{\"s\":\"\"}}", true)]
        [InlineData("true", "{\"d\":{}}", false)]
        [InlineData("true", "{}", false)]
        [InlineData("true", "{\"d\":{\"s\":{\"c1\":1}}}", false)]
        [InlineData("true", "{\"d\":{\"s\":[]}}", false)]
        [InlineData("true", "{\"d\":{\"s\":[1]}}", true)]
        [InlineData("false", "{\"d\":{\"s\":\"x\"}}", false)]
        [InlineData("false", "{\"d\":{\"s\":null}}", false)]
        [InlineData("false", "{\"d\":{}}", true)]
        [InlineData("false", "{}", true)]
        [InlineData("false", "{\"d\":\"scalar\"}", true)]
        [InlineData("false", "{\"d\":{\"s\":{\"c1\":1}}}", true)]
        public void Exists(string exists, string evt, bool expected)
            => Assert.Equal(expected, M("{\"d\":{\"s\":[{\"exists\":" + exists + "}]}}", evt));

        [Fact]
        public void Exists_false_combined_with_other_fields()
        {
            var p = "{\"source\":[\"aws.sagemaker\"],\"detail\":{\"FailureReason\":[{\"exists\":false}]}}";
            Assert.True(M(p, "{\"source\":\"aws.sagemaker\",\"detail\":{}}"));
            Assert.False(M(p, "{\"source\":\"aws.sagemaker\",\"detail\":{\"FailureReason\":\"x\"}}"));
            Assert.False(M(p, "{\"source\":\"aws.ec2\",\"detail\":{}}"));
        }

        [Fact]
        public void Or_across_fields()
        {
            var p = "{\"source\":[\"aws.cloudwatch\"],\"$or\":[{\"metricName\":[\"CPUUtilization\"]},{\"namespace\":[\"AWS/EC2\"]}]}";
            Assert.True(M(p, "{\"source\":\"aws.cloudwatch\",\"metricName\":\"CPUUtilization\"}"));
            Assert.True(M(p, "{\"source\":\"aws.cloudwatch\",\"namespace\":\"AWS/EC2\"}"));
            Assert.False(M(p, "{\"source\":\"aws.cloudwatch\",\"namespace\":\"AWS/ES\"}"));
            Assert.False(M(p, "{\"source\":\"aws.ec2\",\"metricName\":\"CPUUtilization\"}"));
        }

        [Fact]
        public void Or_nested_and_parallel()
        {
            var p = "{\"$or\":[{\"a\":[1]},{\"b\":[2],\"$or\":[{\"c\":[3]},{\"d\":[4]}]}],\"x\":{\"$or\":[{\"y\":[\"y\"]},{\"z\":[\"z\"]}]}}";
            var pattern = EventPattern.Parse(p);
            // The documented count multiplies the argument counts of every $or array: 2 x 2 x 2.
            Assert.Equal(8, pattern.CombinationCount);
            Assert.True(pattern.Matches("{\"a\":1,\"x\":{\"z\":\"z\"}}"));
            Assert.True(pattern.Matches("{\"b\":2,\"d\":4,\"x\":{\"y\":\"y\"}}"));
            Assert.False(pattern.Matches("{\"b\":2,\"x\":{\"y\":\"y\"}}"));
            Assert.False(pattern.Matches("{\"a\":1,\"x\":{}}"));
        }

        [Fact]
        public void Duplicate_keys_last_one_wins()
        {
            var p = "{\"detail\":{\"location\":[{\"prefix\":\"us-\"}],\"location\":[{\"anything-but\":\"us-east\"}]}}";
            Assert.True(M(p, "{\"detail\":{\"location\":\"eu-west\"}}"));
            Assert.False(M(p, "{\"detail\":{\"location\":\"us-east\"}}"));
        }

        [Fact]
        public void Event_that_is_not_an_object_only_matches_patterns_of_absence()
        {
            Assert.False(M("{\"a\":[\"x\"]}", "[1,2]"));
            Assert.True(M("{\"a\":[{\"exists\":false}]}", "\"text\""));
        }

        [Fact]
        public void Evaluate_names_the_first_failing_field()
        {
            var pattern = EventPattern.Parse("{\"source\":[\"aws.sagemaker\"],\"detail\":{\"TrainingJobStatus\":[\"Failed\",\"Stopped\"],\"TrainingJobName\":[{\"prefix\":\"nightly-\"}]}}");
            using var doc = JsonDocument.Parse("{\"source\":\"aws.sagemaker\",\"detail\":{\"TrainingJobStatus\":\"Completed\",\"TrainingJobName\":\"nightly-1\"}}");
            var result = pattern.Evaluate(doc.RootElement);
            Assert.False(result.IsMatch);
            Assert.Equal("detail.TrainingJobStatus", result.FailedPath);
            Assert.Contains("\"Completed\"", result.Reason);
            Assert.Contains("\"Failed\"", result.Reason);

            using var missing = JsonDocument.Parse("{\"source\":\"aws.sagemaker\",\"detail\":{\"TrainingJobStatus\":\"Failed\"}}");
            var miss = pattern.Evaluate(missing.RootElement);
            Assert.Equal("detail.TrainingJobName", miss.FailedPath);
            Assert.Contains("missing", miss.Reason);

            using var ok = JsonDocument.Parse("{\"source\":\"aws.sagemaker\",\"detail\":{\"TrainingJobStatus\":\"Failed\",\"TrainingJobName\":\"nightly-2\"}}");
            var hit = pattern.Evaluate(ok.RootElement);
            Assert.True(hit.IsMatch);
            Assert.Null(hit.FailedPath);
        }

        [Fact]
        public void Evaluate_reports_an_unmatched_or()
        {
            var pattern = EventPattern.Parse("{\"$or\":[{\"a\":[1]},{\"b\":[2]}]}");
            var result = pattern.Evaluate("{\"a\":2,\"b\":1}");
            Assert.False(result.IsMatch);
            Assert.Contains("alternatives", result.Reason);
        }
    }
}
