using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using Amazon.Runtime;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Maps what the SDK throws into the module's own exception types.</summary>
    internal static class AwsExceptionTranslator
    {
        /// <summary>The exception to throw instead of <paramref name="error"/>, or null to let it pass unchanged
        /// (cancellation requested by the caller, or an exception already of the module's types).</summary>
        public static Exception? Translate(string service, string operation, Exception error, CancellationToken cancellationToken)
        {
            if (error is AwsServiceException || error is AwsConfigurationException)
            {
                return null;
            }
            if (error is OperationCanceledException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
                return new AwsServiceException(service, operation, "RequestTimeout", 0, null,
                    service + " " + operation + " timed out before an answer arrived.", error);
            }
            if (IsMissingCredentials(error))
            {
                return new AwsConfigurationException(AwsConfigurationException.MissingCredentialsMessage, error);
            }
            if (error is AmazonServiceException serviceError && (serviceError.StatusCode != 0 || !string.IsNullOrEmpty(serviceError.ErrorCode)))
            {
                string code = string.IsNullOrEmpty(serviceError.ErrorCode) ? "Http" + (int)serviceError.StatusCode : serviceError.ErrorCode;
                // The SDK's exception is not kept as the inner exception: its message is the service's text verbatim,
                // and a signature error's text quotes the canonical request, session token included.
                return new AwsServiceException(service, operation, code, (int)serviceError.StatusCode, serviceError.RequestId,
                    RedactSecrets(serviceError.Message));
            }
            Exception root = Innermost(error);
            if (root is AwsConfigurationException nested)
            {
                return nested;
            }
            if (error is HttpRequestException || error is WebException || error is IOException || error is SocketException
                || root is HttpRequestException || root is WebException || root is IOException || root is SocketException
                || error is AmazonServiceException)
            {
                return new AwsServiceException(service, operation, "NetworkError", 0, null,
                    service + " " + operation + " failed before an answer arrived: " + root.Message, error);
            }
            if (error is AmazonClientException)
            {
                return new AwsServiceException(service, operation, "ClientError", 0, null, error.Message, error);
            }
            return null;
        }

        private static readonly Regex SecurityTokenValue = new Regex(
            "(x-amz-security-token\\s*[:=]\\s*)[^\\s&'\"<]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>A service's error text with any session token it quotes (e.g. in the canonical request of a
        /// signature error) replaced by <c>&lt;redacted&gt;</c>.</summary>
        internal static string RedactSecrets(string? message)
        {
            if (string.IsNullOrEmpty(message))
            {
                return message ?? "";
            }
            return SecurityTokenValue.Replace(message, "$1<redacted>");
        }

        private static bool IsMissingCredentials(Exception error)
        {
            for (Exception? e = error; e != null; e = e.InnerException)
            {
                if (e is AmazonClientException && e.Message.IndexOf("credentials", StringComparison.OrdinalIgnoreCase) >= 0
                    && (e.Message.IndexOf("resolve", StringComparison.OrdinalIgnoreCase) >= 0
                        || e.Message.IndexOf("Unable to", StringComparison.OrdinalIgnoreCase) >= 0
                        || e.Message.IndexOf("not found", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }
            return false;
        }

        private static Exception Innermost(Exception error)
        {
            Exception e = error;
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }
            return e;
        }
    }
}
