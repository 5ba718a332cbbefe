using System.Collections.Concurrent;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>Access keys the emulator accepts. The default example pair is always known.</summary>
    public sealed class CredentialStore
    {
        public const string DefaultAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
        public const string DefaultSecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        private readonly ConcurrentDictionary<string, string> _extra = new ConcurrentDictionary<string, string>();

        public void Add(string accessKeyId, string secretAccessKey) => _extra[accessKeyId] = secretAccessKey;

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
        public void Reset() => _extra.Clear();
    }
}
