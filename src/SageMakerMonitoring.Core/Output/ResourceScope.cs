using System;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Output
{
    /// <summary>
    /// Where a resource's data came from: the Region the client called and the account that owns the resource (from its
    /// ARN when SageMaker listed or described it, else the caller's account from STS; null when neither could say).
    /// One instance is shared by everything read for one resource, so output objects carry two references, not copies.
    /// The caller's account is looked up only when something first reads <see cref="Account"/> (a default view does
    /// not show it; Export-Csv and ConvertTo-Json do), so a read that nobody asks the account of makes no STS call; the
    /// lookup itself is bounded, so that first read waits briefly at most.
    /// </summary>
    public sealed class ResourceScope
    {
        private readonly Lazy<Task<string?>>? _pendingAccount;
        private string? _account;

        public ResourceScope(string region, string? account)
        {
            Region = region ?? throw new ArgumentNullException(nameof(region));
            _account = string.IsNullOrEmpty(account) ? null : account;
        }

        /// <summary>A scope whose account is the answer of <paramref name="lookup"/>, started when the account is first
        /// read (null when it fails).</summary>
        public ResourceScope(string region, Func<Task<string?>> lookup)
        {
            Region = region ?? throw new ArgumentNullException(nameof(region));
            if (lookup is null) throw new ArgumentNullException(nameof(lookup));
            _pendingAccount = new Lazy<Task<string?>>(lookup);
        }

        public string Region { get; }

        public string? Account
        {
            get
            {
                if (_account != null || _pendingAccount is null) return _account;
                string? answer;
                try { answer = _pendingAccount.Value.GetAwaiter().GetResult(); }
                catch (Exception ex) when (!(ex is OutOfMemoryException)) { answer = null; }
                return _account = string.IsNullOrEmpty(answer) ? null : answer;
            }
        }

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

        /// <summary>Looks the account up now (for a result written once, where the lookup belongs to the call's own work
        /// and its -Verbose line), instead of when first read.</summary>
        public async Task LookUpAccountAsync()
        {
            if (_pendingAccount is null || _account != null) return;
            try { await _pendingAccount.Value.ConfigureAwait(false); }
            catch (Exception ex) when (!(ex is OutOfMemoryException)) { /* Account stays empty */ }
            _ = Account;
        }

        public override string ToString() => Account is null ? Region : Region + "/" + Account;
    }
}
