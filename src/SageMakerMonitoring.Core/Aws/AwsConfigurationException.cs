using System;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// AWS could not be reached because something about the caller's setup is missing or wrong: no credentials,
    /// no region, an unknown profile. The message says how to fix it.
    /// </summary>
    public sealed class AwsConfigurationException : Exception
    {
        internal const string MissingRegionMessage =
            "No AWS region is configured. Pass -Region (for example -Region us-east-1), set the AWS_REGION environment " +
            "variable, give the profile a region (aws configure set region us-east-1 --profile NAME), or select a profile " +
            "that has one with -ProfileName or AWS_PROFILE.";

        internal const string MissingCredentialsMessage =
            "No AWS credentials were found. Pass -Credential or -ProfileName, set AWS_PROFILE or " +
            "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run 'aws configure' (or 'aws sso login --profile NAME' for SSO profiles).";

        public AwsConfigurationException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        internal static AwsConfigurationException ProfileNotFound(string profileName)
        {
            return new AwsConfigurationException(
                "The AWS profile '" + profileName + "' was not found in the shared config or credentials file " +
                "(~/.aws/config, ~/.aws/credentials, or the files named by AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE). " +
                "Create it with 'aws configure --profile " + profileName + "' or pass another -ProfileName.");
        }
    }
}
