using System;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// Turns what a user hands the module as credentials (-Credential, $StoredAWSCredentials) into the module's own
    /// <see cref="AWSCredentials"/>. Accepted: the module's own AWSCredentials as they are; a credentials object of another
    /// copy of the AWS SDK (AWS Tools for PowerShell's, which on PowerShell 7 is a different type), adapted by
    /// <see cref="ForeignAwsCredentials"/>; and an object carrying either in a <c>Credentials</c> property (AWS Tools'
    /// own wrapper). Anything else is an InvalidArgument error naming what was given.
    /// </summary>
    public static class AwsCredentialsInput
    {
        /// <summary>The credentials -Credential names (null when it is not given).</summary>
        public static AWSCredentials? FromParameter(object? value)
        {
            if (value is null) return null;
            return Adapt(value) ?? throw new MonitoringException("InvalidCredential", ErrorKind.InvalidArgument,
                "-Credential takes AWS credentials (an Amazon.Runtime.AWSCredentials, from this module's AWS SDK or AWS Tools for PowerShell's); a "
                + value.GetType().FullName + " has no GetCredentials() that returns an access key and a secret key.", value)
            {
                RecommendedAction = "Pass credentials such as Get-AWSCredential returns, or use -AccessKey and -SecretKey, or -ProfileName.",
            };
        }

        /// <summary>The module's credentials for <paramref name="value"/>, or null when it is not credentials.</summary>
        internal static AWSCredentials? Adapt(object value)
        {
            var credentials = Direct(value);
            if (credentials != null) return credentials;
            // AWS Tools' wrapper (what Set-AWSCredential leaves in $StoredAWSCredentials) carries them in a property.
            var property = value.GetType().GetProperty("Credentials");
            var wrapped = property != null && property.CanRead && property.GetIndexParameters().Length == 0 ? property.GetValue(value) : null;
            return wrapped is null ? null : Direct(wrapped);
        }

        private static AWSCredentials? Direct(object value) =>
            value as AWSCredentials ?? (value is string ? null : ForeignAwsCredentials.TryCreate(value));
    }
}
