using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>Tells the SDK pipeline that every operation of these services is signed with SigV4
    /// (without an auth-scheme handler the pipeline has no signer).</summary>
    internal sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext)
        {
            return AuthSchemeOption.DEFAULT_SIGV4;
        }
    }
}
