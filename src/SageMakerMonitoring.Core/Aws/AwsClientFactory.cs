using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal;
using SageMakerMonitoring.Core.Aws.CloudWatch;
using SageMakerMonitoring.Core.Aws.CloudWatchLogs;
using SageMakerMonitoring.Core.Aws.EventBridge;
using SageMakerMonitoring.Core.Aws.S3;
using SageMakerMonitoring.Core.Aws.SageMaker;
using SageMakerMonitoring.Core.Aws.Wire;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Aws
{
    /// <summary>
    /// Builds the service clients from <see cref="AwsClientOptions"/>, resolving what the options leave open the
    /// standard AWS way, in AWS Tools for PowerShell's order. Credentials: literal keys (AccessKey/SecretKey/SessionToken),
    /// else the options' credentials, else the named profile or profile location (static, SSO, assume-role, process…),
    /// else the session's stored credentials ($StoredAWSCredentials: a profile name or credentials), else the SDK's
    /// default chain at call time (environment, AWS_PROFILE, default profile, instance metadata). Region: the options'
    /// region, else the named profile's, else the session's ($StoredAWSRegion), else the SDK's fallback chain
    /// (AWS_REGION, AWS_DEFAULT_REGION, the default profile, instance metadata); a name the SDK does not know is
    /// InvalidRegion unless an endpoint URL is configured (<see cref="AwsRegionNames"/>). Endpoint: the
    /// options' URL, else AWS_ENDPOINT_URL_&lt;SERVICE&gt;, else AWS_ENDPOINT_URL, else the regional AWS endpoint.
    /// Each client is created once per factory and reused (one SDK pipeline and HTTP client per service).
    /// Retries are the SDK's (standard mode unless AWS_RETRY_MODE or the profile's retry_mode says otherwise): throttling,
    /// 5xx, dropped connections and HTTP timeouts are retried there, with back-off, up to the maximum number of attempts
    /// resolved by <see cref="ResolveMaxAttempts"/>.
    /// </summary>
    public sealed class AwsClientFactory : IAwsClientFactory, IDisposable
    {
        /// <summary>
        /// Attempts per call when nothing says otherwise. The SDK's own default (3) gives up on about 2.7% of calls when
        /// 30% of answers are throttling or 5xx; a monitoring read is idempotent and cheap to repeat, and CloudWatch's
        /// per-account TPS limits make sustained partial throttling the normal case under heavy reads, so the module asks
        /// for more patience: 8 attempts leave 0.3^8 ≈ 0.007% of calls failing at a 30% fault rate (1.7% at 60%, where a
        /// user may raise AWS_MAX_ATTEMPTS). More would make a real outage take minutes per call to surface, as the
        /// SDK's back-off grows to 20 s between attempts.
        /// </summary>
        public const int DefaultMaxAttempts = 8;

        private readonly AwsClientOptions _options;
        private readonly object _gate = new object();
        private bool _resolved;
        private RegionEndpoint? _region;
        private AWSCredentials? _credentials;
        private CredentialProfile? _profile;
        private CloudWatchClient? _cloudWatch;
        private CloudWatchLogsClient? _cloudWatchLogs;
        private EventBridgeClient? _eventBridge;
        private SageMakerClient? _sageMaker;
        private ObjectStoreClient? _objectStore;
        private Sts.CallerIdentityClient? _callerIdentity;

        public AwsClientFactory(AwsClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <inheritdoc />
        public string Region
        {
            get
            {
                Resolve();
                return _region!.SystemName;
            }
        }

        public ICloudWatchClient CreateCloudWatch()
        {
            lock (_gate)
            {
                return _cloudWatch ??= Guarded(() => new CloudWatchClient(Credentials, Configure(new CloudWatchConfig()), Region, _options.CallLogger));
            }
        }

        public ICloudWatchLogsClient CreateCloudWatchLogs()
        {
            lock (_gate)
            {
                return _cloudWatchLogs ??= Guarded(() => new CloudWatchLogsClient(Credentials, Configure(new CloudWatchLogsConfig()), Region, _options.CallLogger));
            }
        }

        public IEventBridgeClient CreateEventBridge()
        {
            lock (_gate)
            {
                return _eventBridge ??= Guarded(() => new EventBridgeClient(Credentials, Configure(new EventBridgeConfig()), Region, _options.CallLogger));
            }
        }

        public ISageMakerClient CreateSageMaker()
        {
            lock (_gate)
            {
                return _sageMaker ??= Guarded(() => new SageMakerClient(Credentials, Configure(new SageMakerConfig()), Region, _options.CallLogger));
            }
        }

        public IObjectStoreClient CreateObjectStore()
        {
            lock (_gate)
            {
                return _objectStore ??= Guarded(() => new ObjectStoreClient(Credentials, RegionEndpointValue,
                    ResolveEndpoint("AWS_ENDPOINT_URL_S3"), ResolveMaxAttempts(), _options.CallLogger,
                    _options.AttemptNotice, _options.ThrottlingWarningAfter));
            }
        }

        /// <summary>
        /// The SDK reads the shared config file once per process in a type initializer; a file it cannot parse makes every
        /// client creation throw TypeInitializationException from then on. That is a configuration error the user can fix,
        /// said once in words (the process must be restarted after the fix, as the SDK keeps the failure).
        /// </summary>
        private static T Guarded<T>(Func<T> create)
        {
            try
            {
                return create();
            }
            catch (TypeInitializationException ex) when (ex.TypeName != null && ex.TypeName.StartsWith("Amazon.", StringComparison.Ordinal))
            {
                var cause = ex.InnerException?.Message ?? ex.Message;
                var file = Environment.GetEnvironmentVariable("AWS_CONFIG_FILE");
                throw new AwsConfigurationException(
                    "The AWS SDK could not read its shared configuration" + (string.IsNullOrEmpty(file) ? " (~/.aws/config)" : " ('" + file + "', from AWS_CONFIG_FILE)")
                    + ": " + cause.TrimEnd('.') + ". Fix or move the file, then start a new PowerShell session (the SDK keeps this failure for the life of the process).", ex);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _cloudWatch?.Dispose();
                _cloudWatchLogs?.Dispose();
                _eventBridge?.Dispose();
                _sageMaker?.Dispose();
                _objectStore?.Dispose();
                _cloudWatch = null;
                _cloudWatchLogs = null;
                _eventBridge = null;
                _sageMaker = null;
                _objectStore = null;
            }
        }

        /// <summary>The credentials the clients use (null: the SDK's default chain), for tests.</summary>
        internal AWSCredentials? ResolvedCredentials => Credentials;

        private AWSCredentials? Credentials
        {
            get
            {
                Resolve();
                return _credentials;
            }
        }

        private RegionEndpoint RegionEndpointValue
        {
            get
            {
                Resolve();
                return _region!;
            }
        }

        private T Configure<T>(T config) where T : JsonServiceConfig
        {
            RegionEndpoint region = RegionEndpointValue;
            string? endpoint = ResolveEndpoint(config.Service.EndpointEnvironmentVariable);
            if (endpoint != null)
            {
                // ServiceURL and RegionEndpoint exclude each other in the SDK; the signing region must still be the
                // resolved one, not whatever the SDK would guess from the URL's host.
                config.ServiceURL = endpoint;
            }
            else
            {
                config.RegionEndpoint = region;
            }
            config.AuthenticationRegion = region.SystemName;
            config.ThrottlingNotice = _options.AttemptNotice;
            config.ThrottlingWarningAfter = _options.ThrottlingWarningAfter;
            int? maxAttempts = ResolveMaxAttempts();
            if (maxAttempts.HasValue)
            {
                config.MaxErrorRetry = Math.Max(0, maxAttempts.Value - 1);
            }
            // The SDK's retry quota is one token bucket per endpoint for the whole process (500 tokens, 5 per throttled
            // retry, 14 per 5xx or network retry, 1 back per first-try success). Under sustained partial throttling,
            // which heavy GetMetricData or FilterLogEvents reads meet routinely, it drains after a few dozen calls and
            // from then on every throttled call fails on its first answer. The attempt cap above and the SDK's
            // exponential back-off (1 s base for throttling, 20 s ceiling) already bound how much a call adds to the load.
            config.ThrottleRetries = false;
            return config;
        }

        public ICallerIdentityClient CreateCallerIdentity()
        {
            lock (_gate)
            {
                return _callerIdentity ??= Guarded(() => new Sts.CallerIdentityClient(Credentials, RegionEndpointValue, ResolveEndpoint("AWS_ENDPOINT_URL_STS"), _options.CallLogger));
            }
        }

        /// <summary>
        /// The maximum attempts per call, or null to leave it to the SDK. In order: <see cref="AwsClientOptions.MaxAttempts"/>;
        /// the standard settings, which the SDK then applies itself (AWS_MAX_ATTEMPTS, else max_attempts of the profile in
        /// use: the named profile when one is given, else AWS_PROFILE or default); else <see cref="DefaultMaxAttempts"/>.
        /// </summary>
        internal int? ResolveMaxAttempts()
        {
            if (_options.MaxAttempts.HasValue)
            {
                return Math.Max(1, _options.MaxAttempts.Value);
            }
            if (!string.IsNullOrWhiteSpace(_options.ProfileName))
            {
                // The SDK's fallback reads the AWS_PROFILE/default profile, not the one named here.
                int? fromEnvironment = new EnvironmentVariableInternalConfiguration().MaxAttempts;
                if (fromEnvironment.HasValue)
                {
                    return fromEnvironment;
                }
                Resolve();
                if (_profile?.MaxAttempts is int fromProfile)
                {
                    return fromProfile;
                }
                return DefaultMaxAttempts;
            }
            return FallbackInternalConfigurationFactory.MaxAttempts.HasValue ? (int?)null : DefaultMaxAttempts;
        }

        internal string? ResolveEndpoint(string serviceVariable)
        {
            if (!string.IsNullOrWhiteSpace(_options.EndpointUrl))
            {
                return _options.EndpointUrl!.Trim();
            }
            string? ignore = Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
            if (string.Equals(ignore, "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            string? specific = Environment.GetEnvironmentVariable(serviceVariable);
            if (!string.IsNullOrWhiteSpace(specific))
            {
                return specific!.Trim();
            }
            string? global = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
            return string.IsNullOrWhiteSpace(global) ? null : global!.Trim();
        }

        private void Resolve()
        {
            lock (_gate)
            {
                if (_resolved)
                {
                    return;
                }
                // The SDK reads the shared config file once, in a type initializer (FallbackInternalConfigurationFactory),
                // when a client is configured: touch it now, so an unreadable file is one clear configuration error
                // before any work starts rather than a failure of the first client.
                Guarded(() => FallbackInternalConfigurationFactory.MaxAttempts);
                CredentialProfile? profile = null;
                AWSCredentials? credentials = LiteralCredentials() ?? _options.Credentials;
                if (!string.IsNullOrWhiteSpace(_options.ProfileName) || !string.IsNullOrWhiteSpace(_options.ProfileLocation))
                {
                    // An explicit profile: its region counts even when literal credentials or -Credential win.
                    profile = LoadProfile(_options.ProfileName, _options.ProfileLocation, credentials == null, ref credentials);
                }
                else if (credentials == null && _options.SessionCredentials != null)
                {
                    credentials = SessionCredentialsValue(_options.SessionCredentials);
                }

                bool hasEndpoint = HasEndpointUrl();
                RegionEndpoint? region = null;
                if (!string.IsNullOrWhiteSpace(_options.Region))
                {
                    region = RegionEndpoint.GetBySystemName(AwsRegionNames.Check(_options.Region!, "-Region", hasEndpoint));
                }
                else if (profile?.Region != null)
                {
                    region = RegionEndpoint.GetBySystemName(AwsRegionNames.Check(profile.Region.SystemName, "The region of profile '" + profile.Name + "'", hasEndpoint));
                }
                else if (!string.IsNullOrWhiteSpace(_options.SessionRegion))
                {
                    region = RegionEndpoint.GetBySystemName(AwsRegionNames.Check(_options.SessionRegion!, "$StoredAWSRegion", hasEndpoint));
                }
                else
                {
                    try
                    {
                        region = FallbackRegionFactory.GetRegionEndpoint();
                    }
                    catch (Exception e)
                    {
                        throw new AwsConfigurationException(AwsConfigurationException.MissingRegionMessage, e);
                    }
                    if (region != null)
                    {
                        region = RegionEndpoint.GetBySystemName(AwsRegionNames.Check(region.SystemName, "The region from AWS_REGION or the default profile", hasEndpoint));
                    }
                }
                if (region == null)
                {
                    throw new AwsConfigurationException(AwsConfigurationException.MissingRegionMessage);
                }
                _region = region;
                _credentials = credentials;
                _profile = profile;
                _resolved = true;
            }
        }

        /// <summary>-AccessKey/-SecretKey[/-SessionToken], or null when none is given.</summary>
        private AWSCredentials? LiteralCredentials()
        {
            bool hasAccess = !string.IsNullOrEmpty(_options.AccessKey);
            bool hasSecret = !string.IsNullOrEmpty(_options.SecretKey);
            if (!hasAccess && !hasSecret)
            {
                if (!string.IsNullOrEmpty(_options.SessionToken))
                {
                    throw new MonitoringException("InvalidCredentialParameters", ErrorKind.InvalidArgument,
                        "-SessionToken needs -AccessKey and -SecretKey as well.", "SessionToken")
                    { RecommendedAction = "Give -AccessKey, -SecretKey and -SessionToken together, or use -ProfileName." };
                }
                return null;
            }
            if (!hasAccess || !hasSecret)
            {
                string missing = hasAccess ? "SecretKey" : "AccessKey";
                throw new MonitoringException("InvalidCredentialParameters", ErrorKind.InvalidArgument,
                    "-AccessKey and -SecretKey go together; -" + missing + " is missing.", missing)
                { RecommendedAction = "Give both -AccessKey and -SecretKey (and -SessionToken for temporary credentials), or use -ProfileName." };
            }
            return string.IsNullOrEmpty(_options.SessionToken)
                ? new BasicAWSCredentials(_options.AccessKey, _options.SecretKey)
                : (AWSCredentials)new SessionAWSCredentials(_options.AccessKey, _options.SecretKey, _options.SessionToken);
        }

        private static CredentialProfile LoadProfile(string? profileName, string? location, bool wantCredentials, ref AWSCredentials? credentials)
        {
            string name = string.IsNullOrWhiteSpace(profileName) ? "default" : profileName!.Trim();
            ICredentialProfileSource source;
            CredentialProfile? profile;
            if (!string.IsNullOrWhiteSpace(location))
            {
                string path = location!.Trim();
                if (!System.IO.File.Exists(path))
                {
                    throw new MonitoringException("ProfileLocationNotFound", ErrorKind.ObjectNotFound,
                        "-ProfileLocation '" + location + "' is not a file.", location)
                    { RecommendedAction = "Give the path of a shared credentials file (such as ~/.aws/credentials)." };
                }
                var file = new SharedCredentialsFile(path);
                source = file;
                if (!file.TryGetProfile(name, out profile))
                {
                    throw new AwsConfigurationException("The AWS profile '" + name + "' was not found in " + path + ". Give -ProfileName a profile that file holds.");
                }
            }
            else
            {
                var chain = new CredentialProfileStoreChain();
                source = chain;
                if (!chain.TryGetProfile(name, out profile))
                {
                    throw AwsConfigurationException.ProfileNotFound(name);
                }
            }
            if (wantCredentials)
            {
                try
                {
                    credentials = AWSCredentialsFactory.GetAWSCredentials(profile, source);
                }
                catch (Exception e) when (!(e is AwsConfigurationException))
                {
                    throw new AwsConfigurationException(
                        "The AWS profile '" + name + "' cannot supply credentials: " + e.Message +
                        " Check it with 'aws configure list --profile " + name + "' (for SSO profiles run 'aws sso login --profile " +
                        name + "').", e);
                }
            }
            return profile;
        }

        /// <summary>$StoredAWSCredentials: a profile name, or credentials (<see cref="AwsCredentialsInput"/>: the module's
        /// own, another AWS SDK copy's such as AWS Tools', or an object carrying either in a Credentials property).</summary>
        private static AWSCredentials? SessionCredentialsValue(object value)
        {
            if (value is string name)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    return null;
                }
                AWSCredentials? credentials = null;
                LoadProfile(name, null, true, ref credentials);
                return credentials;
            }
            var adapted = AwsCredentialsInput.Adapt(value);
            if (adapted != null)
            {
                return adapted;
            }
            throw new MonitoringException("InvalidStoredCredentials", ErrorKind.InvalidArgument,
                "$StoredAWSCredentials holds a " + value.GetType().Name + ", neither a profile name nor AWS credentials.", value.GetType().Name)
            { RecommendedAction = "Set it with Set-AWSCredential, or remove it (Remove-Variable StoredAWSCredentials -Scope Global)." };
        }

        private bool HasEndpointUrl()
        {
            if (!string.IsNullOrWhiteSpace(_options.EndpointUrl))
            {
                return true;
            }
            if (string.Equals(Environment.GetEnvironmentVariable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                if (variable.Key is string key && key.StartsWith("AWS_ENDPOINT_URL", StringComparison.OrdinalIgnoreCase)
                    && !string.IsNullOrWhiteSpace(variable.Value as string))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
