using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using SageMakerMonitoring.Core.Aws;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Commands
{
    /// <summary>
    /// Base of every AWS-calling cmdlet: the shared AWS parameters, client creation, cancellation that reaches the wire
    /// (StopProcessing), running async core work while writing its output on the pipeline thread, and error mapping.
    /// </summary>
    public abstract partial class SageMakerMonitoringCmdlet : PSCmdlet, IDisposable
    {
        private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly System.Collections.Generic.Dictionary<(string?, string?), IAwsClientFactory> _factories =
            new System.Collections.Generic.Dictionary<(string?, string?), IAwsClientFactory>();
        private volatile CmdletOutput? _currentOutput;

        /// <summary>The AWS Region(s), e.g. us-east-1. Default: the -ProfileName's region, $StoredAWSRegion, then the standard
        /// AWS resolution (AWS_REGION, the default profile, ...). Cmdlets that read many resources take several (each
        /// with each -ProfileName); the others take one. Binds from piped objects' Region property.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completers.RegionCompleter))]
        public string[]? Region { get; set; }

        /// <summary>Named profile(s) from the shared AWS config/credentials files (SSO and assume-role profiles work).
        /// Binds from piped objects' ProfileName property.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? ProfileName { get; set; }

        /// <summary>A shared credentials file to read -ProfileName (or its default profile) from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ProfileLocation { get; set; }

        /// <summary>Explicit credentials; they win over -ProfileName, $StoredAWSCredentials and the default chain. An
        /// Amazon.Runtime.AWSCredentials of the module's AWS SDK or of another copy (AWS Tools for PowerShell's, a different
        /// type on PowerShell 7, where the module's SDK lives in its own load context); checked in Core.</summary>
        [Parameter]
        public object? Credential { get; set; }

        /// <summary>An access key id; with -SecretKey (and -SessionToken for temporary keys) it wins over every other source.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? AccessKey { get; set; }

        /// <summary>The secret access key that goes with -AccessKey. Never written to any output.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SecretKey { get; set; }

        /// <summary>The session token of temporary credentials given with -AccessKey and -SecretKey. Never written to any output.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SessionToken { get; set; }

        /// <summary>One endpoint URL for every service (e.g. http://127.0.0.1:4566 for the local emulator).
        /// Default: AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, or the regional AWS endpoint.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C (StopProcessing).</summary>
        protected CancellationToken CancellationToken => _cancellation.Token;

        /// <summary>Clients built from the shared parameters, created on first use. Cmdlets that read one scope use
        /// these: several -Region or -ProfileName values are a terminating <c>OneRegionAndProfileOnly</c> error.</summary>
        protected IAwsClientFactory Clients
        {
            get
            {
                var regions = Values(Region);
                var profiles = Values(ProfileName);
                if (regions.Length > 1 || profiles.Length > 1)
                {
                    var given = regions.Length > 1 ? "-Region " + string.Join(",", regions) : "-ProfileName " + string.Join(",", profiles);
                    ThrowTerminatingError(ErrorRecordFactory.Create(new MonitoringException("OneRegionAndProfileOnly", ErrorKind.InvalidArgument,
                        $"{MyInvocation.MyCommand.Name} works in one Region with one profile; {given} names several.", given)
                    {
                        RecommendedAction = "Give one -Region and one -ProfileName, or call the cmdlet once per Region and profile.",
                    }, given));
                }
                return ClientsFor(regions.Length == 1 ? regions[0] : null, profiles.Length == 1 ? profiles[0] : null);
            }
        }

        /// <summary>
        /// Every scope the shared parameters name: each -Region with each -ProfileName (the cross product; a missing one
        /// is the default), with its clients created here, on the pipeline thread, and kept for the cmdlet's life.
        /// </summary>
        protected System.Collections.Generic.IReadOnlyList<Core.Resources.FleetScope> ClientScopes()
        {
            var regions = Values(Region);
            var profiles = Values(ProfileName);
            var scopes = new System.Collections.Generic.List<Core.Resources.FleetScope>();
            foreach (var profile in profiles.Length == 0 ? new string?[] { null } : profiles)
            {
                foreach (var region in regions.Length == 0 ? new string?[] { null } : regions)
                {
                    var clients = ClientsFor(region, profile);
                    var label = profile is null ? clients.Region : $"profile '{profile}' in {clients.Region}";
                    scopes.Add(new Core.Resources.FleetScope(label, clients));
                }
            }
            return scopes;
        }

        /// <summary>Several values with blanks and repeats removed (a piped object with an empty Region means the default).</summary>
        private static string[] Values(string[]? values)
        {
            if (values is null) return new string[0];
            var list = new System.Collections.Generic.List<string>();
            foreach (var v in values)
            {
                if (string.IsNullOrWhiteSpace(v)) continue;
                var t = v.Trim();
                if (!list.Contains(t)) list.Add(t);
            }
            return list.ToArray();
        }

        private IAwsClientFactory ClientsFor(string? region, string? profile)
        {
            if (_factories.TryGetValue((region, profile), out var existing)) return existing;
            var created = CreateClientFactory(region, profile);
            _factories[(region, profile)] = created;
            return created;
        }

        protected virtual IAwsClientFactory CreateClientFactory(string? region, string? profileName)
        {
            if (EndpointUrl != null && !Uri.TryCreate(EndpointUrl, UriKind.Absolute, out _))
            {
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"'{EndpointUrl}' is not an absolute URL such as http://127.0.0.1:4566."),
                    "InvalidEndpointUrl", ErrorCategory.InvalidArgument, EndpointUrl));
            }

            var options = new AwsClientOptions
            {
                Region = region,
                ProfileName = profileName,
                ProfileLocation = ProfileLocation,
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                SessionRegion = SessionValue("StoredAWSRegion") as string,
                SessionCredentials = SessionValue("StoredAWSCredentials"),
                EndpointUrl = EndpointUrl,
                CallLogger = LogCall,
                AttemptNotice = NoteAttempt,
            };
            try
            {
                options.Credentials = AwsCredentialsInput.FromParameter(Credential is PSObject wrapped ? wrapped.BaseObject : Credential);
                var factory = new AwsClientFactory(options);
                _ = factory.Region; // resolve now, so a missing region is one clear error before any work starts
                return factory;
            }
            catch (Exception ex)
            {
                ThrowTerminatingError(ErrorRecordFactory.Create(ex, region ?? profileName ?? ProfileLocation));
                throw; // not reached
            }
        }

        /// <summary>A session variable AWS Tools for PowerShell sets (Set-DefaultAWSRegion, Set-AWSCredential,
        /// Initialize-AWSDefaultConfiguration), unwrapped; null when absent.</summary>
        private object? SessionValue(string name)
        {
            object? value;
            try { value = GetVariableValue(name); }
            catch (Exception e) when (!(e is PipelineStoppedException)) { return null; }
            if (value is PSObject ps) value = ps.BaseObject;
            if (value is string text && string.IsNullOrWhiteSpace(text)) return null;
            return value;
        }

        private void LogCall(AwsCallRecord call)
        {
            var output = _currentOutput;
            if (output == null) return;
            var text = $"{call.Service} {call.Operation} {call.Region}: HTTP {call.StatusCode} in {call.Duration.TotalMilliseconds:0} ms"
                + (call.Retries > 0 ? $", {call.Retries} retr{(call.Retries == 1 ? "y" : "ies")}" : "")
                + (call.ErrorCode != null ? $", {call.ErrorCode}" : "")
                + (call.RequestId != null ? $" (request id {call.RequestId})" : "");
            try { output.Verbose(text); } catch (InvalidOperationException) { /* output already completed */ }
        }

        private void NoteAttempt(AwsAttemptNotice notice)
        {
            var output = _currentOutput;
            if (output == null) return;
            try
            {
                if (notice.IsWarning) output.Warning(notice.Text);
                else output.Verbose(notice.Text);
            }
            catch (InvalidOperationException) { /* output already completed */ }
        }

        protected override void StopProcessing() => _cancellation.Cancel();

        /// <summary>
        /// Runs <paramref name="work"/> on a worker thread and writes whatever it queues on the pipeline thread as it
        /// arrives. A failure of the work is a terminating error (for non-terminating ones the work calls
        /// <see cref="CmdletOutput.WriteError"/> itself).
        /// </summary>
        protected void Run(Func<CmdletOutput, CancellationToken, Task> work, object? errorTarget = null)
        {
            Run<object?>(async (o, ct) => { await work(o, ct).ConfigureAwait(false); return null; }, errorTarget);
        }

        /// <summary>As <see cref="Run"/>, returning the work's result.</summary>
        protected T Run<T>(Func<CmdletOutput, CancellationToken, Task<T>> work, object? errorTarget = null)
        {
            var token = _cancellation.Token;
            var output = new CmdletOutput(token);
            _currentOutput = output;
            Exception? failure = null;
            T result = default!;
            var task = Task.Run(async () =>
            {
                try { result = await work(output, token).ConfigureAwait(false); }
                catch (Exception ex) { failure = ex; }
                finally { output.Complete(); }
            });

            var drained = false;
            try
            {
                Drain(output, token);
                drained = true;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Ctrl+C: fall through to the clean-up below.
            }
            finally
            {
                if (drained)
                {
                    // The work has added its last item; wait for it to finish returning.
                    task.GetAwaiter().GetResult();
                }
                else
                {
                    // Either stopping, or a downstream command stopped the pipeline: cancel the work and unblock it.
                    _cancellation.Cancel();
                    var deadline = DateTime.UtcNow + StopGrace;
                    while (!task.IsCompleted && DateTime.UtcNow < deadline) output.Discard(20);
                }
                _currentOutput = null;
            }

            if (token.IsCancellationRequested) throw new PipelineStoppedException();
            if (failure != null)
            {
                // A resource the user named that nothing knows is one failed item (the next pipeline input still runs);
                // with -ErrorAction Stop or $ErrorActionPreference = 'Stop' it still ends the script.
                var record = ErrorRecordFactory.Create(failure, errorTarget);
                if (ErrorRecordFactory.Unwrap(failure) is MonitoringException { Kind: ErrorKind.ObjectNotFound }) WriteError(record);
                else ThrowTerminatingError(record);
            }
            return result;
        }

        /// <summary>Writes everything the work queues, batch by batch, until it completes. A run of objects between
        /// messages goes to PowerShell as one enumerated write, which costs less per object than one write each.</summary>
        private void Drain(CmdletOutput output, CancellationToken token)
        {
            while (output.TryTake(out var batch, token))
            {
                var items = batch.Items;
                var count = batch.Count;
                var i = 0;
                while (i < count)
                {
                    if (items[i] is CmdletOutput.QueuedMessage message)
                    {
                        items[i++] = null!;
                        Dispatch(message);
                        continue;
                    }
                    var start = i;
                    while (i < count && !(items[i] is CmdletOutput.QueuedMessage)) i++;
                    if (i - start == 1) WriteObject(items[start]);
                    else WriteObject(new ArraySegment<object>(items, start, i - start), enumerateCollection: true);
                    Array.Clear(items, start, i - start);
                }
                if (batch.Owned) output.Recycle(items);
            }
        }

        private void Dispatch(CmdletOutput.QueuedMessage message)
        {
            switch (message.Kind)
            {
                case CmdletOutput.QueuedMessageKind.Error: WriteError((ErrorRecord)message.Payload); break;
                case CmdletOutput.QueuedMessageKind.Verbose: WriteVerbose((string)message.Payload); break;
                case CmdletOutput.QueuedMessageKind.Warning: WriteWarning((string)message.Payload); break;
                case CmdletOutput.QueuedMessageKind.Debug: WriteDebug((string)message.Payload); break;
                case CmdletOutput.QueuedMessageKind.Progress: WriteProgress(ToProgressRecord((ProgressInfo)message.Payload)); break;
            }
        }

        private static ProgressRecord ToProgressRecord(ProgressInfo p)
        {
            var record = new ProgressRecord(p.ActivityId, p.Activity, string.IsNullOrEmpty(p.Status) ? " " : p.Status)
            {
                PercentComplete = p.PercentComplete,
                RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (p.CurrentOperation != null) record.CurrentOperation = p.CurrentOperation;
            return record;
        }

        /// <summary>Writes a non-terminating error for one failed item and lets the cmdlet go on.</summary>
        protected void WriteItemError(Exception exception, object? target) => WriteError(ErrorRecordFactory.Create(exception, target));

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            foreach (var factory in _factories.Values) (factory as IDisposable)?.Dispose();
            _factories.Clear();
            _cancellation.Dispose();
        }
    }
}
