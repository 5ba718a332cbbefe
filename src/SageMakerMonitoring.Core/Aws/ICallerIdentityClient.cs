using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>STS GetCallerIdentity: the account the client's credentials belong to.</summary>
    public interface ICallerIdentityClient
    {
        /// <summary>The 12-digit account id, asked once per credentials and endpoint for the whole process; null when STS
        /// cannot say (no permission, no STS at the endpoint): the account is then unknown, and nothing fails.</summary>
        Task<string?> GetAccountAsync(CancellationToken cancellationToken);
    }
}
