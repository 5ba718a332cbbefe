using System;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// Where a resource's data came from: the Region the client called and the account that owns the resource (from its
    /// ARN when SageMaker listed or described it, else the caller's account from STS; null when neither could say).
    /// One instance is shared by everything read for one resource, so output objects carry two references, not copies.
    /// </summary>
    public sealed class ResourceScope
    {
        public ResourceScope(string region, string? account)
        {
            Region = region ?? throw new ArgumentNullException(nameof(region));
            Account = string.IsNullOrEmpty(account) ? null : account;
        }

        public string Region { get; }
        public string? Account { get; }

        /// <summary>The account field of an ARN (<c>arn:partition:service:region:account:resource</c>); null when the text
        /// is not an ARN or the field is not 12 digits.</summary>
        public static string? AccountOfArn(string? arn)
        {
            if (string.IsNullOrEmpty(arn) || !arn!.StartsWith("arn:", StringComparison.Ordinal)) return null;
            var parts = arn.Split(new[] { ':' }, 6);
            if (parts.Length < 6) return null;
            var account = parts[4];
            if (account.Length != 12) return null;
            foreach (var c in account)
            {
                if (c < '0' || c > '9') return null;
            }
            return account;
        }

        public override string ToString() => Account is null ? Region : Region + "/" + Account;
    }
}
