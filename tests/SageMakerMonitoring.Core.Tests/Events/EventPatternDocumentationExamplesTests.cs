using SageMakerMonitoring.Core.Events;
using Xunit;
using Xunit.Abstractions;

namespace SageMakerMonitoring.Core.Tests.Events
{
    /// <summary>
    /// The examples the EventBridge User Guide gives, with the outcome the guide states. Each test names its page.
    /// These are the independent oracle for the engine (the emulator shares the engine, so agreement there proves nothing).
    /// </summary>
    public class EventPatternDocumentationExamplesTests
    {
        private readonly ITestOutputHelper _output;

        public EventPatternDocumentationExamplesTests(ITestOutputHelper output)
        {
            _output = output;
        }

        private static bool M(string pattern, string evt) => EventPattern.Parse(pattern).Matches(evt);

        // "Creating Amazon EventBridge event patterns" (eb-event-patterns.html): the EC2 termination pattern selects the
        // terminated-instance event.
        [Fact]
        public void Event_patterns_page_ec2_termination()
        {
            const string evt = @"{""version"":""0"",""id"":""6a7e8feb-b491-4cf7-a9f1-bf3703467718"",""detail-type"":""EC2 Instance State-change Notification"",
""source"":""aws.ec2"",""account"":""111122223333"",""time"":""2017-12-22T18:43:48Z"",""region"":""us-west-1"",
""resources"":[""arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0""],""detail"":{""instance-id"":""i-1234567890abcdef0"",""state"":""terminated""}}";
            Assert.True(M(@"{""source"":[""aws.ec2""],""detail-type"":[""EC2 Instance State-change Notification""],""detail"":{""state"":[""terminated""]}}", evt));
            Assert.False(M(@"{""source"":[""aws.ec2""],""detail-type"":[""EC2 Instance State-change Notification""],""detail"":{""state"":[""running""]}}", evt));
        }

        // "Matching events on null values and empty strings" (eb-event-patterns-null-values.html): [""] matches the empty
        // eventVersion, [null] matches the null responseElements, and the two are not interchangeable.
        [Fact]
        public void Null_values_page()
        {
            const string evt = @"{""version"":""0"",""id"":""3e3c153a-8339-4e30-8c35-687ebef853fe"",""detail-type"":""EC2 Instance Launch Successful"",
""source"":""aws.autoscaling"",""account"":""123456789012"",""time"":""2015-11-11T21:31:47Z"",""region"":""us-east-1"",""resources"":[],
""detail"":{""eventVersion"":"""",""responseElements"":null}}";
            Assert.True(M(@"{""detail"":{""eventVersion"":[""""]}}", evt));
            Assert.True(M(@"{""detail"":{""responseElements"":[null]}}", evt));
            Assert.False(M(@"{""detail"":{""eventVersion"":[null]}}", evt));
            Assert.False(M(@"{""detail"":{""responseElements"":[""""]}}", evt));
        }

        // "Matching events on event field values" (eb-filtering-data-types.html): responseElements [null] with source and
        // detail-type matches the Auto Scaling event; severity.score [1] and count [2] match the Macie finding.
        [Fact]
        public void Field_values_page()
        {
            const string autoscaling = @"{""version"":""0"",""id"":""3e3c153a-8339-4e30-8c35-687ebef853fe"",""detail-type"":""EC2 Instance Launch Successful"",
""source"":""aws.autoscaling"",""account"":""123456789012"",""time"":""2015-11-11T21:31:47Z"",""region"":""us-east-1"",""resources"":[],
""detail"":{""eventVersion"":"""",""responseElements"":null}}";
            Assert.True(M(@"{""source"":[""aws.autoscaling""],""detail-type"":[""EC2 Instance Launch Successful""],""detail"":{""responseElements"":[null]}}", autoscaling));

            const string macie = @"{""version"":""0"",""id"":""0948ba87-d3b8-c6d4-f2da-732a1example"",""detail-type"":""Macie Finding"",""source"":""aws.macie"",
""account"":""123456789012"",""time"":""2021-04-29T23:12:15Z"",""region"":""us-east-1"",""resources"":[],
""detail"":{""schemaVersion"":""1.0"",""id"":""64b917aa-3843-014c-91d8-937ffexample"",""accountId"":""123456789012"",""partition"":""aws"",
""region"":""us-east-1"",""type"":""Policy:IAMUser/S3BucketEncryptionDisabled"",""title"":""Encryption is disabled for the S3 bucket"",
""severity"":{""score"":1,""description"":""Low""},""createdAt"":""2021-04-29T15:46:02Z"",""updatedAt"":""2021-04-29T23:12:15Z"",""count"":2}}";
            Assert.True(M(@"{""source"":[""aws.macie""],""detail-type"":[""Macie Finding""],""detail"":{""severity"":{""score"":[1]},""count"":[2]}}", macie));
        }

        // "Matching on multiple values for an event field" (eb-event-patterns-arrays.html): the pattern's first resource
        // matches the event's second resource, so the pattern matches.
        [Fact]
        public void Arrays_page()
        {
            const string pattern = @"{""resources"":[""arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f"",
""arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f"",""arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f""]}";
            const string evt = @"{""resources"":[""arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate"",
""arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f""]}";
            Assert.True(M(pattern, evt));
        }

        // "Comparison operators for use in event patterns" (eb-create-pattern-operators.html), one example per section.
        [Fact]
        public void Operators_page_prefix_examples()
        {
            // "would match any event where the time field started with 2017-10-02 such as "time": "2017-10-02T18:43:48Z""
            Assert.True(M(@"{""time"":[{""prefix"":""2017-10-02""}]}", @"{""time"":""2017-10-02T18:43:48Z""}"));
            // "would match any event where the service field started with EventB, but also EVENTB, eventb, or any other capitalization"
            const string p = @"{""detail"":{""service"":[{""prefix"":{""equals-ignore-case"":""EventB""}}]}}";
            Assert.True(M(p, @"{""detail"":{""service"":""EventBridge""}}"));
            Assert.True(M(p, @"{""detail"":{""service"":""EVENTBRIDGE""}}"));
            Assert.True(M(p, @"{""detail"":{""service"":""eventbus""}}"));
        }

        [Fact]
        public void Operators_page_suffix_examples()
        {
            // "any event where the FileName field ends with the .png file extension"
            Assert.True(M(@"{""FileName"":[{""suffix"":"".png""}]}", @"{""FileName"":""photo.png""}"));
            Assert.False(M(@"{""FileName"":[{""suffix"":"".png""}]}", @"{""FileName"":""photo.jpg""}"));
            // "ended with the character string .png, but also .PNG or any other capitalization"
            Assert.True(M(@"{""detail"":{""FileName"":[{""suffix"":{""equals-ignore-case"":"".png""}}]}}", @"{""detail"":{""FileName"":""photo.PNG""}}"));
        }

        [Fact]
        public void Operators_page_anything_but_examples()
        {
            Assert.False(M(@"{""detail"":{""state"":[{""anything-but"":""initializing""}]}}", @"{""detail"":{""state"":""initializing""}}"));
            Assert.True(M(@"{""detail"":{""state"":[{""anything-but"":""initializing""}]}}", @"{""detail"":{""state"":""running""}}"));
            Assert.False(M(@"{""detail"":{""x-limit"":[{""anything-but"":123}]}}", @"{""detail"":{""x-limit"":123}}"));
            Assert.False(M(@"{""detail"":{""state"":[{""anything-but"":[""stopped"",""overloaded""]}]}}", @"{""detail"":{""state"":""stopped""}}"));
            Assert.False(M(@"{""detail"":{""x-limit"":[{""anything-but"":[100,200,300]}]}}", @"{""detail"":{""x-limit"":300}}"));
            Assert.True(M(@"{""detail"":{""x-limit"":[{""anything-but"":[100,200,300]}]}}", @"{""detail"":{""x-limit"":301.8}}"));
            // "matches state fields that do not contain the string "initializing", "INITIALIZING", "Initializing", or any other capitalization"
            const string ic = @"{""detail"":{""state"":[{""anything-but"":{""equals-ignore-case"":""initializing""}}]}}";
            Assert.False(M(ic, @"{""detail"":{""state"":""Initializing""}}"));
            Assert.False(M(ic, @"{""detail"":{""state"":""INITIALIZING""}}"));
            Assert.False(M(@"{""detail"":{""state"":[{""anything-but"":{""equals-ignore-case"":[""initializing"",""stopped""]}}]}}", @"{""detail"":{""state"":""STOPPED""}}"));
            // "matches any event that does not have the prefix "init" in the "state" field"
            Assert.False(M(@"{""detail"":{""state"":[{""anything-but"":{""prefix"":""init""}}]}}", @"{""detail"":{""state"":""initializing""}}"));
            // "does not have either the prefix "init" or "stop""
            const string prefixes = @"{""detail"":{""state"":[{""anything-but"":{""prefix"":[""init"",""stop""]}}]}}";
            Assert.False(M(prefixes, @"{""detail"":{""state"":""stopped""}}"));
            Assert.True(M(prefixes, @"{""detail"":{""state"":""running""}}"));
            // "matches any values for the FileName field that do not end with .txt" / ".txt or .rtf"
            Assert.True(M(@"{""detail"":{""FileName"":[{""anything-but"":{""suffix"":"".txt""}}]}}", @"{""detail"":{""FileName"":""a.png""}}"));
            Assert.False(M(@"{""detail"":{""FileName"":[{""anything-but"":{""suffix"":["".txt"","".rtf""]}}]}}", @"{""detail"":{""FileName"":""a.rtf""}}"));
            // "matches any values for the FileName field that do not contain /lib/" / "either /lib/ or /bin/"
            Assert.False(M(@"{""detail"":{""FilePath"":[{""anything-but"":{""wildcard"":""*/lib/*""}}]}}", @"{""detail"":{""FilePath"":""/usr/lib/libc.so""}}"));
            Assert.True(M(@"{""detail"":{""FilePath"":[{""anything-but"":{""wildcard"":[""*/lib/*"",""*/bin/*""]}}]}}", @"{""detail"":{""FilePath"":""/home/me/notes""}}"));
            Assert.False(M(@"{""detail"":{""FilePath"":[{""anything-but"":{""wildcard"":[""*/lib/*"",""*/bin/*""]}}]}}", @"{""detail"":{""FilePath"":""/usr/bin/ls""}}"));
        }

        [Fact]
        public void Operators_page_numeric_example()
        {
            // Only matches events that are true for all fields.
            const string p = @"{""detail"":{""c-count"":[{""numeric"":["">"",0,""<="",5]}],""d-count"":[{""numeric"":[""<"",10]}],""x-limit"":[{""numeric"":[""="",3.018e2]}]}}";
            Assert.True(M(p, @"{""detail"":{""c-count"":5,""d-count"":3,""x-limit"":301.8}}"));
            Assert.False(M(p, @"{""detail"":{""c-count"":5,""d-count"":10,""x-limit"":301.8}}"));
            Assert.False(M(p, @"{""detail"":{""c-count"":0,""d-count"":3,""x-limit"":301.8}}"));
            Assert.True(M(@"{""n"":[{""numeric"":[""="",9007199254740992]}]}", @"{""n"":9007199254740992}"));
            // The page says integers beyond +-2^53 are refused at rule creation; the engine follows aws/event-ruler's current
            // behaviour instead, which compares any finite double (see Corpus/README.md).
            Assert.True(M(@"{""n"":[{""numeric"":[""="",9007199254740993]}]}", @"{""n"":9007199254740992}"));
            Assert.True(M(@"{""n"":[{""numeric"":["">"",0]}]}", @"{""n"":18014398509481984}"));
        }

        [Fact]
        public void Operators_page_ip_example()
        {
            // "IP addresses that start with 10.0.0 and end with a number between 0 and 255"
            const string p = @"{""detail"":{""sourceIPAddress"":[{""cidr"":""10.0.0.0/24""}]}}";
            Assert.True(M(p, @"{""detail"":{""sourceIPAddress"":""10.0.0.0""}}"));
            Assert.True(M(p, @"{""detail"":{""sourceIPAddress"":""10.0.0.255""}}"));
            Assert.False(M(p, @"{""detail"":{""sourceIPAddress"":""10.0.1.1""}}"));
        }

        [Fact]
        public void Operators_page_exists_example()
        {
            const string p = @"{""detail"":{""state"":[{""exists"":true}]}}";
            // "The preceding event pattern matches the following event."
            const string matching = @"{""version"":""0"",""id"":""7bf73129-1428-4cd3-a780-95db273d1602"",""detail-type"":""EC2 Instance State-change Notification"",
""source"":""aws.ec2"",""account"":""123456789012"",""time"":""2015-11-11T21:29:54Z"",""region"":""us-east-1"",
""resources"":[""arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111""],""detail"":{""instance-id"":""i-abcd1111"",""state"":""pending""}}";
            Assert.True(M(p, matching));
            // "does NOT match the following event because it doesn't have a detail.state field."
            const string notMatching = @"{""detail-type"":[""EC2 Instance State-change Notification""],
""resources"":[""arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341""],""detail"":{""c-count"":{""c1"":100}}}";
            Assert.False(M(p, notMatching));
        }

        [Fact]
        public void Operators_page_equals_ignore_case_example()
        {
            // "The preceding event pattern matches the following event." (the event's detail-type is an array)
            const string p = @"{""detail-type"":[{""equals-ignore-case"":""ec2 instance state-change notification""}]}";
            const string evt = @"{""detail-type"":[""EC2 Instance State-change Notification""],
""resources"":[""arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341""],""detail"":{""c-count"":{""c1"":100}}}";
            Assert.True(M(p, evt));
        }

        [Fact]
        public void Operators_page_wildcard_rules()
        {
            // "Any file with a .png extension, located within the folder "dir""
            Assert.True(M(@"{""FileName"":[{""wildcard"":""dir/*.png""}]}", @"{""FileName"":""dir/photo.png""}"));
            // "consecutive wildcard characters are not supported"
            Assert.Throws<EventPatternException>(() => EventPattern.Parse(@"{""FileName"":[{""wildcard"":""dir/**.png""}]}"));
            // "\* represents the literal * character", "\\ represents the literal \ character",
            // "Using the backslash to escape other characters is not supported."
            Assert.True(M(@"{""a"":[{""wildcard"":""x\\*y""}]}", @"{""a"":""x*y""}"));
            Assert.True(M(@"{""a"":[{""wildcard"":""x\\\\y""}]}", @"{""a"":""x\\y""}"));
            Assert.Throws<EventPatternException>(() => EventPattern.Parse(@"{""a"":[{""wildcard"":""x\\ny""}]}"));
            // The guide's own complexity examples are valid patterns.
            Assert.True(M(@"{""EventBusArn"":[{""wildcard"":""arn:aws:events:us-east-1:*:event-bus/*""}]}",
                @"{""EventBusArn"":""arn:aws:events:us-east-1:123456789012:event-bus/default""}"));
            Assert.True(M(@"{""FileName"":[{""wildcard"":""/Users/*/doc.txt""}]}", @"{""FileName"":""/Users/me/dir/doc.txt""}"));
        }

        [Fact]
        public void Operators_page_complex_example()
        {
            const string p = @"{""time"":[{""prefix"":""2017-10-02""}],""detail"":{""state"":[{""anything-but"":""initializing""}],
""c-count"":[{""numeric"":["">"",0,""<="",5]}],""d-count"":[{""numeric"":[""<"",10]}],""x-limit"":[{""anything-but"":[100,200,300]}]}}";
            Assert.True(M(p, @"{""time"":""2017-10-02T16:24:49Z"",""detail"":{""state"":""running"",""c-count"":5,""d-count"":3,""x-limit"":301.8}}"));
            Assert.False(M(p, @"{""time"":""2017-10-02T16:24:49Z"",""detail"":{""state"":""initializing"",""c-count"":5,""d-count"":3,""x-limit"":301.8}}"));
        }

        [Fact]
        public void Operators_page_duplicate_key_note()
        {
            // "only { "anything-but": "us-east" } will be taken into account when evaluating the location."
            const string p = @"{""detail"":{""location"":[{""prefix"":""us-""}],""location"":[{""anything-but"":""us-east""}]}}";
            Assert.True(M(p, @"{""detail"":{""location"":""eu-west-1""}}"));
        }

        [Fact]
        public void Operators_page_or_example_and_combination_count()
        {
            // "matches if any of the following conditions are met" (c-count range, d-count < 10, x-limit = 3.018e2)
            const string p = @"{""detail"":{""$or"":[{""c-count"":[{""numeric"":["">"",0,""<="",5]}]},{""d-count"":[{""numeric"":[""<"",10]}]},{""x-limit"":[{""numeric"":[""="",3.018e2]}]}]}}";
            var pattern = EventPattern.Parse(p);
            Assert.True(pattern.Matches(@"{""detail"":{""d-count"":3}}"));
            Assert.True(pattern.Matches(@"{""detail"":{""x-limit"":301.8}}"));
            Assert.False(pattern.Matches(@"{""detail"":{""c-count"":9,""d-count"":11}}"));
            // "the above pattern contains a single $or array with three arguments, so the total number of rule combinations is also three"
            Assert.Equal(3, pattern.CombinationCount);
        }
    }
}
