using System;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// The module's <see cref="AWSCredentials"/> over a credentials object of another copy of the AWS SDK (on
    /// PowerShell 7 the module's AWSSDK.Core lives in its own load context, so AWS Tools for PowerShell's
    /// BasicAWSCredentials, SessionAWSCredentials, assume-role or SSO credentials are a different type). Every time the
    /// SDK asks for keys, the foreign object is asked again (its async form when it has one), so credentials that refresh
    /// themselves keep refreshing; nothing is cached here.
    /// </summary>
    public sealed class ForeignAwsCredentials : AWSCredentials
    {
        private readonly ForeignCredentialsShape _shape;

        private ForeignAwsCredentials(object foreign, ForeignCredentialsShape shape)
        {
            Foreign = foreign;
            _shape = shape;
        }

        /// <summary>The object the keys come from.</summary>
        public object Foreign { get; }

        /// <summary>Wraps <paramref name="value"/> when its type looks like AWS credentials; null otherwise.</summary>
        public static ForeignAwsCredentials? TryCreate(object value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            var shape = ForeignCredentialsShape.Of(value.GetType());
            return shape is null ? null : new ForeignAwsCredentials(value, shape);
        }

        public override DateTime? Expiration
        {
            get => _shape.Expiration is null ? base.Expiration : (DateTime?)_shape.Expiration.GetValue(Foreign);
            set => base.Expiration = value;
        }

        public override ImmutableCredentials GetCredentials() => Convert(Invoke(_shape.Get));

        public override async Task<ImmutableCredentials> GetCredentialsAsync()
        {
            if (_shape.GetAsync is null) return GetCredentials();
            var task = (Task?)Invoke(_shape.GetAsync);
            if (task is null) return Convert(null);
            await task.ConfigureAwait(false);
            return Convert(_shape.TaskResult!.GetValue(task));
        }

        private object? Invoke(MethodInfo method)
        {
            try
            {
                return method.Invoke(Foreign, null);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw; // not reached
            }
        }

        private ImmutableCredentials Convert(object? keys)
        {
            var reader = keys is null ? null : ForeignCredentialsShape.ReaderOf(keys.GetType());
            var accessKey = reader?.AccessKey(keys!);
            var secretKey = reader?.SecretKey(keys!);
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                throw new MonitoringException("CredentialsUnavailable", ErrorKind.AuthenticationError,
                    "The credentials object (" + Foreign.GetType().FullName + ") returned no access key and secret key.", Foreign.GetType().FullName)
                { RecommendedAction = "Check the credentials (for SSO, sign in again; for a role, that it can still be assumed), or pass -ProfileName or -AccessKey/-SecretKey." };
            }
            return new ImmutableCredentials(accessKey, secretKey, reader!.Token(keys!));
        }
    }
}
