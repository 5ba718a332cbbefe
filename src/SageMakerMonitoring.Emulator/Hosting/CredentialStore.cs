using System.Collections.Concurrent;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Access keys the emulator accepts. The default example pair is always known.</summary>
    public sealed class CredentialStore
    {
        public const string DefaultAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
        public const string DefaultSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        private readonly ConcurrentDictionary<string, string> _extra = new ConcurrentDictionary<string, string>();
        private readonly ConcurrentDictionary<string, string> _accounts = new ConcurrentDictionary<string, string>();

        public void Add(string accessKeyId, string secretAccessKey, string? accountId = null)
        {
            _extra[accessKeyId] = secretAccessKey;
            if (!string.IsNullOrEmpty(accountId)) _accounts[accessKeyId] = accountId!;
            else _accounts.TryRemove(accessKeyId, out _);
        }

        /// <summary>The account a key belongs to (the default account unless the key was added with another).</summary>
        public string AccountOf(string? accessKeyId) =>
            accessKeyId != null && _accounts.TryGetValue(accessKeyId, out string? account) ? account : EmulatorWorlds.DefaultAccount;

        public bool TryGetSecret(string accessKeyId, out string secretAccessKey)
        {
            if (accessKeyId == DefaultAccessKeyId)
            {
                secretAccessKey = DefaultSecretAccessKey;
                return true;
            }
            return _extra.TryGetValue(accessKeyId, out secretAccessKey!);
        }

        /// <summary>Forgets every added key.</summary>
        public void Reset()
        {
            _extra.Clear();
            _accounts.Clear();
        }
    }
}
