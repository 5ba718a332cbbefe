using System.Linq;
using System.Text;
using SageMakerMonitoring.Core.Events;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Events
{
    public class EventPatternValidationTests
    {
        private static EventPatternException Invalid(string pattern) => Assert.Throws<EventPatternException>(() => EventPattern.Parse(pattern));

        [Theory]
        [InlineData("[]", "", "Filter is not an object")]
        [InlineData("\"x\"", "", "Filter is not an object")]
        [InlineData("{}", "", "Empty objects are not allowed")]
        [InlineData("{\"detail\":{}}", "detail", "Empty objects are not allowed")]
        [InlineData("{\"source\":\"aws.sagemaker\"}", "source", "\"source\" must be an object or an array")]
        [InlineData("{\"detail\":{\"TrainingJobStatus\":\"Failed\"}}", "detail.TrainingJobStatus", "\"TrainingJobStatus\" must be an object or an array")]
        [InlineData("{\"source\":[]}", "source", "Empty arrays are not allowed")]
        [InlineData("{\"detail\":{\"TrainingJobStatus\":[\"Failed\",[\"x\"]]}}", "detail.TrainingJobStatus[1]", "Match value must be String, number, true, false, or null")]
        [InlineData("{\"a\":[{}]}", "a[0]", "Match expression name not found")]
        [InlineData("{\"a\":[{\"contains\":\"x\"}]}", "a[0]", "Unrecognized match type contains")]
        [InlineData("{\"a\":[{\"prefix\":\"x\",\"suffix\":\"y\"}]}", "a[0]", "Only one key allowed in match expression")]
        [InlineData("{\"a\":[{\"prefix\":5}]}", "a[0].prefix", "prefix match pattern must be a string")]
        [InlineData("{\"a\":[{\"suffix\":null}]}", "a[0].suffix", "suffix match pattern must be a string")]
        [InlineData("{\"a\":[{\"prefix\":{\"wildcard\":\"x\"}}]}", "a[0].prefix", "Unsupported prefix pattern: wildcard")]
        [InlineData("{\"a\":[{\"equals-ignore-case\":[\"x\"]}]}", "a[0].equals-ignore-case", "equals-ignore-case match pattern must be a string")]
        [InlineData("{\"a\":[{\"exists\":\"true\"}]}", "a[0].exists", "exists match pattern must be either true or false.")]
        [InlineData("{\"a\":[{\"exists\":1}]}", "a[0].exists", "exists match pattern must be either true or false.")]
        [InlineData("{\"a\":[{\"numeric\":5}]}", "a[0].numeric", "Value of numeric must be an array.")]
        [InlineData("{\"a\":[{\"numeric\":[\"!=\",5]}]}", "a[0].numeric[0]", "Unrecognized numeric range operator: !=")]
        [InlineData("{\"a\":[{\"numeric\":[\">\",\"5\"]}]}", "a[0].numeric[1]", "Value of > must be numeric")]
        [InlineData("{\"a\":[{\"numeric\":[\"=\",5,\"<\",6]}]}", "a[0].numeric", "Too many elements in numeric expression")]
        [InlineData("{\"a\":[{\"numeric\":[\"<\",5,\">\",1]}]}", "a[0].numeric", "Too many elements in numeric expression")]
        [InlineData("{\"a\":[{\"numeric\":[\">\",5,\">\",6]}]}", "a[0].numeric[2]", "Bad numeric range operator: >")]
        [InlineData("{\"a\":[{\"numeric\":[\">\",5,\"<\",5]}]}", "a[0].numeric", "Bottom must be less than top")]
        [InlineData("{\"a\":[{\"numeric\":[\">\",10,\"<=\",5]}]}", "a[0].numeric", "Bottom must be less than top")]
        [InlineData("{\"a\":[{\"numeric\":[\">\",0,\"<\",5,6]}]}", "a[0].numeric", "Too many terms in numeric range expression")]
        [InlineData("{\"a\":[{\"anything-but\":[\"x\",1]}]}", "a[0].anything-but", "Inside anything but list, either all values are number or string, mixed type is not supported")]
        [InlineData("{\"a\":[{\"anything-but\":[null]}]}", "a[0].anything-but[0]", "Inside anything but list, start|null|boolean is not supported.")]
        [InlineData("{\"a\":[{\"anything-but\":true}]}", "a[0].anything-but", "Value of anything-but must be an array or single string/number value.")]
        [InlineData("{\"a\":[{\"anything-but\":{\"numeric\":[\">\",1]}}]}", "a[0].anything-but", "Unsupported anything-but pattern: numeric")]
        [InlineData("{\"a\":[{\"anything-but\":{\"prefix\":\"\"}}]}", "a[0].anything-but.prefix", "Null prefix/suffix not allowed")]
        [InlineData("{\"a\":[{\"anything-but\":{\"equals-ignore-case\":[1]}}]}", "a[0].anything-but.equals-ignore-case[0]", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.")]
        [InlineData("{\"a\":[{\"wildcard\":\"a**b\"}]}", "a[0].wildcard", "Consecutive wildcard characters at pos 3")]
        [InlineData("{\"a\":[{\"wildcard\":\"a\\\\b\"}]}", "a[0].wildcard", "Invalid escape character at pos 2")]
        [InlineData("{\"a\":[{\"anything-but\":{\"wildcard\":[\"ok*\",\"**\"]}}]}", "a[0].anything-but.wildcard", "Consecutive wildcard characters at pos 2")]
        [InlineData("{\"a\":[{\"cidr\":\"10.0.0.0\"}]}", "a[0].cidr", "Nonstandard IP address: 10.0.0.0")]
        [InlineData("{\"a\":[{\"cidr\":\"10.0.0.0/33\"}]}", "a[0].cidr", "Malformed CIDR, bad bits: 33")]
        [InlineData("{\"a\":[{\"cidr\":\"300.0.0.0/8\"}]}", "a[0].cidr", "Nonstandard IP address: 300.0.0.0")]
        [InlineData("{\"$or\":{\"a\":[1]}}", "$or", "It must be an Array followed with $or.")]
        [InlineData("{\"$or\":[{\"a\":[1]}]}", "$or", "There must have at least 2 Objects in $or relationship.")]
        [InlineData("{\"$or\":[{\"a\":[1]},[\"b\"]]}", "$or[1]", "Only JSON object is allowed in array of $or relationship.")]
        [InlineData("{\"$or\":[{\"a\":[1]},{\"prefix\":[\"b\"]}]}", "prefix", "prefix is Ruler reserved fieldName which cannot be used inside $or.")]
        public void Rejected_with_path_and_reason(string pattern, string path, string reason)
        {
            var e = Invalid(pattern);
            Assert.Equal(reason, e.Reason);
            Assert.Equal(path, e.Path);
        }

        [Fact]
        public void Numbers_that_are_not_finite_doubles_are_rejected_in_numeric()
        {
            var e = Invalid("{\"a\":[{\"numeric\":[\">\",1e400]}]}");
            Assert.Equal("a[0].numeric[1]", e.Path);
            Invalid("{\"a\":[{\"numeric\":[\"<\",-1e400]}]}");
            Invalid("{\"a\":[{\"anything-but\":[1e400]}]}");
            // Any finite double is accepted, beyond +-2^53 too.
            EventPattern.Parse("{\"a\":[{\"numeric\":[\">\",9007199254740993,\"<\",1e300]}]}");
            // Plain exact numbers may be anything (they also match literally).
            EventPattern.Parse("{\"account\":[123456789012345678901234]}");
        }

        [Fact]
        public void Malformed_json_is_rejected()
        {
            var e = Invalid("{\"source\":[\"aws.sagemaker\"]");
            Assert.StartsWith("Unrecognized JSON", e.Reason);
            Invalid("{\"source\":[\"a\",]}");
        }

        [Fact]
        public void Pattern_longer_than_4096_characters_is_rejected()
        {
            var values = string.Join(",", Enumerable.Range(0, 600).Select(i => "\"v" + i + "\""));
            var pattern = "{\"a\":[" + values + "]}";
            Assert.True(pattern.Length > 4096);
            var e = Invalid(pattern);
            Assert.Contains("4096", e.Reason);
        }

        [Fact]
        public void Or_combinations_are_limited_to_1000()
        {
            // 10 x 10 x 10 = 1000 is allowed; one more $or of 2 gives 2000.
            string Or(string field, int n) => "\"" + field + "\":{\"$or\":[" + string.Join(",", Enumerable.Range(0, n).Select(i => "{\"f" + i + "\":[" + i + "]}")) + "]}";
            var ok = "{" + Or("a", 10) + "," + Or("b", 10) + "," + Or("c", 10) + "}";
            Assert.Equal(1000, EventPattern.Parse(ok).CombinationCount);
            var tooMany = "{" + Or("a", 10) + "," + Or("b", 10) + "," + Or("c", 10) + "," + Or("d", 2) + "}";
            var e = Invalid(tooMany);
            Assert.Contains("1000", e.Reason);
        }

        [Fact]
        public void Or_as_a_plain_field_name_outside_the_or_array_form_is_an_error_not_a_field()
        {
            // "$or" followed by an object is refused (the service's compiler treats "$or" only as the OR primitive).
            Invalid("{\"$or\":{\"a\":[1],\"b\":[2]}}");
        }

        [Fact]
        public void Error_message_carries_path()
        {
            var e = Invalid("{\"detail\":{\"TrainingJobStatus\":[{\"exists\":\"yes\"}]}}");
            Assert.Equal("detail.TrainingJobStatus[0].exists", e.Path);
            Assert.Contains("detail.TrainingJobStatus[0].exists", e.Message);
        }

        [Fact]
        public void TryParse_returns_the_error()
        {
            Assert.False(EventPattern.TryParse("{\"a\":5}", out var p, out var error));
            Assert.Null(p);
            Assert.Equal("a", error!.Path);
            Assert.True(EventPattern.TryParse("{\"a\":[5]}", out p, out error));
            Assert.NotNull(p);
            Assert.Null(error);
        }
    }
}
