using System;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Output;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>One account × Region a call reads: the clients built for one -ProfileName and -Region (or piped
    /// ProfileName/Region), and a label that names it in messages ("eu-west-1", "profile 'prod' in eu-west-1").</summary>
    public sealed class FleetScope
    {
        public FleetScope(string label, IAwsClientFactory clients)
        {
            Label = label ?? throw new ArgumentNullException(nameof(label));
            Clients = clients ?? throw new ArgumentNullException(nameof(clients));
        }

        public string Label { get; }
        public IAwsClientFactory Clients { get; }

        /// <summary>Region and account of a resource read here: the account of its ARN, else the caller's (STS, asked
        /// once per credentials, when the account is first read).</summary>
        public ResourceScope OutputScope(string? arn)
        {
            var account = ResourceScope.AccountOfArn(arn);
            return account != null
                ? new ResourceScope(Clients.Region, account)
                : new ResourceScope(Clients.Region, () => CallerAccountAsync(Clients.CreateCallerIdentity()));
        }

        // On the thread pool from the start: reading the credentials for the lookup's key may itself be a call (SSO,
        // assume-role), which must not hold the pipeline thread.
        private static Task<string?> CallerAccountAsync(ICallerIdentityClient callerIdentity) =>
            Task.Run(() => callerIdentity.GetAccountAsync(CancellationToken.None));

        public override string ToString() => Label;
    }
}
