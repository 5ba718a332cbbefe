using System;
using System.Collections.Concurrent;
using System.Reflection;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// How to read keys from a credentials object of another copy of the AWS SDK (AWS Tools for PowerShell's
    /// AWSSDK.Core, loaded beside the module's own on PowerShell 7): a public <c>GetCredentials()</c> whose result has
    /// readable <c>AccessKey</c> and <c>SecretKey</c> strings (and optionally <c>Token</c>), and, when present, its
    /// <c>GetCredentialsAsync()</c> returning a task of such a result. Found by reflection once per type.
    /// </summary>
    internal sealed class ForeignCredentialsShape
    {
        private static readonly ConcurrentDictionary<Type, ForeignCredentialsShape?> Shapes = new ConcurrentDictionary<Type, ForeignCredentialsShape?>();
        private static readonly ConcurrentDictionary<Type, KeyReader?> Readers = new ConcurrentDictionary<Type, KeyReader?>();

        private ForeignCredentialsShape(MethodInfo get, MethodInfo? getAsync, PropertyInfo? taskResult, PropertyInfo? expiration)
        {
            Get = get;
            GetAsync = getAsync;
            TaskResult = taskResult;
            Expiration = expiration;
        }

        public MethodInfo Get { get; }
        /// <summary>GetCredentialsAsync(), when the type has one returning a task of readable keys.</summary>
        public MethodInfo? GetAsync { get; }
        /// <summary>The task's Result property, for <see cref="GetAsync"/>.</summary>
        public PropertyInfo? TaskResult { get; }
        /// <summary>A readable DateTime? Expiration, as AWSSDK.Core 4's credentials have.</summary>
        public PropertyInfo? Expiration { get; }

        /// <summary>The shape of <paramref name="type"/>, or null when it does not look like AWS credentials.</summary>
        public static ForeignCredentialsShape? Of(Type type) => Shapes.GetOrAdd(type, Find);

        /// <summary>How to read keys from a result of <paramref name="type"/>, or null when it has no AccessKey and SecretKey.</summary>
        public static KeyReader? ReaderOf(Type type) => Readers.GetOrAdd(type, KeyReader.Find);

        private static ForeignCredentialsShape? Find(Type type)
        {
            var get = type.GetMethod("GetCredentials", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            if (get is null || get.ReturnType == typeof(void) || ReaderOf(get.ReturnType) is null) return null;

            MethodInfo? getAsync = null;
            PropertyInfo? taskResult = null;
            var candidate = type.GetMethod("GetCredentialsAsync", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
            var returns = candidate?.ReturnType;
            if (returns != null && returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>)
                && ReaderOf(returns.GetGenericArguments()[0]) != null)
            {
                getAsync = candidate;
                taskResult = returns.GetProperty("Result");
            }

            var expiration = type.GetProperty("Expiration", BindingFlags.Public | BindingFlags.Instance);
            if (expiration != null && (expiration.PropertyType != typeof(DateTime?) || !expiration.CanRead || expiration.GetIndexParameters().Length != 0))
            {
                expiration = null;
            }
            return new ForeignCredentialsShape(get, getAsync, taskResult, expiration);
        }

        /// <summary>Reads AccessKey, SecretKey and Token from one credentials result.</summary>
        internal sealed class KeyReader
        {
            private readonly PropertyInfo _accessKey;
            private readonly PropertyInfo _secretKey;
            private readonly PropertyInfo? _token;

            private KeyReader(PropertyInfo accessKey, PropertyInfo secretKey, PropertyInfo? token)
            {
                _accessKey = accessKey;
                _secretKey = secretKey;
                _token = token;
            }

            public string? AccessKey(object keys) => (string?)_accessKey.GetValue(keys);
            public string? SecretKey(object keys) => (string?)_secretKey.GetValue(keys);
            public string? Token(object keys) => (string?)_token?.GetValue(keys);

            internal static KeyReader? Find(Type type)
            {
                var accessKey = StringProperty(type, "AccessKey");
                var secretKey = StringProperty(type, "SecretKey");
                if (accessKey is null || secretKey is null) return null;
                return new KeyReader(accessKey, secretKey, StringProperty(type, "Token"));
            }

            private static PropertyInfo? StringProperty(Type type, string name)
            {
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
                return property != null && property.PropertyType == typeof(string) && property.CanRead && property.GetIndexParameters().Length == 0 ? property : null;
            }
        }
    }
}
