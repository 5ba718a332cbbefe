using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>The SDK's adaptive retry policy, except that the given error codes are not treated as throttling: the
    /// module handles them above the wire because what they mean depends on the operation (e.g. CloudWatch Logs'
    /// LimitExceededException on StartQuery is the concurrent-query limit, to be waited out with progress shown;
    /// elsewhere it is a hard quota that no retry fixes).</summary>
    internal sealed class NarrowedAdaptiveRetryPolicy : AdaptiveRetryPolicy
    {
        public NarrowedAdaptiveRetryPolicy(IClientConfig config, IEnumerable<string> notThrottling)
            : base(config)
        {
            foreach (string code in notThrottling)
            {
                ThrottlingErrorCodes.Remove(code);
            }
        }
    }
}
