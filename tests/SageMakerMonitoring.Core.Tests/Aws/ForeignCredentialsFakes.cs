using System;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    // Stand-ins for another copy of AWSSDK.Core's credential types (AWS Tools for PowerShell's, which on PowerShell 7 are
    // not the module's Amazon.Runtime types): same member names and shapes, no relation to the module's SDK.

    /// <summary>Like Amazon.Runtime.ImmutableCredentials of another SDK copy.</summary>
    public sealed class FakeForeignKeys
    {
        public FakeForeignKeys(string accessKey, string secretKey, string? token)
        {
            AccessKey = accessKey;
            SecretKey = secretKey;
            Token = token;
        }

        public string AccessKey { get; }
        public string SecretKey { get; }
        public string? Token { get; }
    }

    /// <summary>Credentials that answer from a function on every call and count the calls (sync form only).</summary>
    public class FakeForeignCredentials
    {
        private readonly Func<int, FakeForeignKeys?> _keys;
        private int _calls;

        public FakeForeignCredentials(Func<int, FakeForeignKeys?> keys) => _keys = keys;

        public FakeForeignCredentials(string accessKey, string secretKey, string? token = null)
            : this(_ => new FakeForeignKeys(accessKey, secretKey, token)) { }

        public int Calls => _calls;
        public DateTime? Expiration { get; set; }

        public FakeForeignKeys? GetCredentials() => _keys(Interlocked.Increment(ref _calls));
    }

    /// <summary>Credentials whose synchronous form fails: only the async one gives keys (as some refreshing kinds do).</summary>
    public sealed class FakeForeignAsyncCredentials
    {
        private readonly string _accessKey;
        private readonly string _secretKey;
        private readonly string? _token;
        private int _asyncCalls;

        public FakeForeignAsyncCredentials(string accessKey, string secretKey, string? token = null)
        {
            _accessKey = accessKey;
            _secretKey = secretKey;
            _token = token;
        }

        public int AsyncCalls => _asyncCalls;

        public FakeForeignKeys GetCredentials() => throw new InvalidOperationException("The synchronous form was used.");

        public async Task<FakeForeignKeys> GetCredentialsAsync()
        {
            await Task.Yield();
            Interlocked.Increment(ref _asyncCalls);
            return new FakeForeignKeys(_accessKey, _secretKey, _token);
        }
    }

    /// <summary>Like AWS Tools' wrapper in $StoredAWSCredentials: the credentials in a Credentials property.</summary>
    public sealed class FakeForeignWrapper
    {
        public FakeForeignWrapper(object credentials) => Credentials = credentials;
        public object Credentials { get; }
        public string Name => "stored";
    }

    /// <summary>Has a GetCredentials(), but what it returns carries no keys.</summary>
    public sealed class FakeNotCredentials
    {
        public string GetCredentials() => "not keys";
    }
}
