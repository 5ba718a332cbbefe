using System;
using System.Collections;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>What -Credential and $StoredAWSCredentials accept: the module's own AWSCredentials, credentials of another
    /// AWS SDK copy (faked here by look-alike types the module's SDK knows nothing of), AWS Tools' wrapper, and nothing
    /// else.</summary>
    public sealed class AwsCredentialsInputTests
    {
        [Fact]
        public void The_modules_own_credentials_are_used_as_they_are()
        {
            var own = new BasicAWSCredentials("AKIAOWN0000000000001", "own");
            Assert.Same(own, AwsCredentialsInput.FromParameter(own));
            Assert.Null(AwsCredentialsInput.FromParameter(null));
        }

        [Fact]
        public void Foreign_credentials_are_adapted_with_their_keys_and_token()
        {
            var foreign = new FakeForeignCredentials("AKIAFOREIGN000000001", "foreign-secret", "foreign-token");
            var adapted = Assert.IsType<ForeignAwsCredentials>(AwsCredentialsInput.FromParameter(foreign));
            Assert.Same(foreign, adapted.Foreign);
            var keys = adapted.GetCredentials();
            Assert.Equal("AKIAFOREIGN000000001", keys.AccessKey);
            Assert.Equal("foreign-secret", keys.SecretKey);
            Assert.Equal("foreign-token", keys.Token);
            Assert.True(keys.UseToken);
        }

        [Fact]
        public void Foreign_credentials_without_a_token_sign_without_one()
        {
            var keys = AwsCredentialsInput.FromParameter(new FakeForeignCredentials("AKIAFOREIGN000000001", "s"))!.GetCredentials();
            Assert.False(keys.UseToken);
        }

        [Fact]
        public async Task The_foreign_object_is_asked_again_on_every_refresh()
        {
            // Rotating keys, as assume-role or SSO credentials renew themselves: nothing may be cached in between.
            var foreign = new FakeForeignCredentials(call => new FakeForeignKeys("AKIAROTATING0000000" + call, "secret" + call, null));
            var adapted = AwsCredentialsInput.FromParameter(foreign)!;
            Assert.Equal("AKIAROTATING00000001", adapted.GetCredentials().AccessKey);
            Assert.Equal("AKIAROTATING00000002", (await adapted.GetCredentialsAsync()).AccessKey);
            Assert.Equal("secret3", adapted.GetCredentials().SecretKey);
            Assert.Equal(3, foreign.Calls);
        }

        [Fact]
        public async Task The_async_form_is_preferred_when_the_foreign_type_has_one()
        {
            var foreign = new FakeForeignAsyncCredentials("AKIAASYNC00000000001", "async-secret", "t");
            var adapted = AwsCredentialsInput.FromParameter(foreign)!;
            var keys = await adapted.GetCredentialsAsync();
            Assert.Equal("AKIAASYNC00000000001", keys.AccessKey);
            Assert.Equal(1, foreign.AsyncCalls);
            // The synchronous form is the foreign one's, failure included, not a wrapped reflection exception.
            var e = Assert.Throws<InvalidOperationException>(() => adapted.GetCredentials());
            Assert.Equal("The synchronous form was used.", e.Message);
        }

        [Fact]
        public void The_foreign_expiration_shows_through()
        {
            var expires = new DateTime(2031, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            var foreign = new FakeForeignCredentials("AKIAFOREIGN000000001", "s") { Expiration = expires };
            Assert.Equal(expires, AwsCredentialsInput.FromParameter(foreign)!.Expiration);
        }

        [Fact]
        public void A_wrapper_with_a_Credentials_property_is_unwrapped_for_both_kinds()
        {
            var own = new BasicAWSCredentials("AKIAOWN0000000000001", "own");
            Assert.Same(own, AwsCredentialsInput.FromParameter(new FakeForeignWrapper(own)));
            var adapted = AwsCredentialsInput.FromParameter(new FakeForeignWrapper(new FakeForeignCredentials("AKIAWRAPPED000000001", "w")));
            Assert.Equal("AKIAWRAPPED000000001", adapted!.GetCredentials().AccessKey);
        }

        public static TheoryData<object> NotCredentials() => new TheoryData<object>
        {
            42,
            "AKIAIOSFODNN7EXAMPLE",
            new Hashtable { ["AccessKey"] = "AKIA", ["SecretKey"] = "s" },
            new FakeNotCredentials(),
            new FakeForeignKeys("AKIAKEYSNOTCREDS0001", "s", null),
            new FakeForeignWrapper(17),
        };

        [Theory]
        [MemberData(nameof(NotCredentials))]
        public void Anything_else_is_an_invalid_argument_naming_what_was_given(object value)
        {
            var e = Assert.Throws<MonitoringException>(() => AwsCredentialsInput.FromParameter(value));
            Assert.Equal("InvalidCredential", e.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, e.Kind);
            Assert.Same(value, e.TargetObject);
            Assert.Contains(value.GetType().FullName!, e.Message);
            Assert.False(string.IsNullOrEmpty(e.RecommendedAction));
        }

        [Fact]
        public void A_foreign_object_that_returns_no_keys_fails_when_asked_with_a_clear_error()
        {
            var adapted = AwsCredentialsInput.FromParameter(new FakeForeignCredentials(_ => null))!;
            var e = Assert.Throws<MonitoringException>(() => adapted.GetCredentials());
            Assert.Equal("CredentialsUnavailable", e.ErrorId);
            Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
            var empty = AwsCredentialsInput.FromParameter(new FakeForeignCredentials("", "s"))!;
            Assert.Equal("CredentialsUnavailable", Assert.Throws<MonitoringException>(() => empty.GetCredentials()).ErrorId);
        }

        [Fact]
        public void Stored_credentials_of_a_foreign_copy_are_used_by_the_factory()
        {
            var options = new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = "http://127.0.0.1:9",
                SessionCredentials = new FakeForeignWrapper(new FakeForeignCredentials("AKIASTOREDFOREIGN001", "s")),
            };
            using var factory = new AwsClientFactory(options);
            Assert.Equal("AKIASTOREDFOREIGN001", factory.ResolvedCredentials!.GetCredentials().AccessKey);
        }

        [Fact]
        public void Stored_values_that_are_not_credentials_stay_InvalidStoredCredentials()
        {
            using var factory = new AwsClientFactory(new AwsClientOptions { Region = "us-east-1", EndpointUrl = "http://127.0.0.1:9", SessionCredentials = new FakeNotCredentials() });
            var e = Assert.Throws<MonitoringException>(() => factory.ResolvedCredentials);
            Assert.Equal("InvalidStoredCredentials", e.ErrorId);
        }
    }
}
