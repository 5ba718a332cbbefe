using System;
using System.Globalization;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>
    /// A log stream name taken apart by the layout of its group (aws-facts §3.1): which resource wrote it and from where
    /// (host, instance, variant, container, lifecycle hook, Studio app), the epoch suffix of job streams, and a short
    /// <see cref="Source"/> label that tells the streams of one resource apart. Immutable; parse once per stream.
    /// </summary>
    public sealed class LogStreamName
    {
        public const string LifecycleConfigOnStart = "LifecycleConfigOnStart";
        public const string LifecycleConfigOnCreate = "LifecycleConfigOnCreate";
        public const string JupyterLog = "jupyter.log";
        public const string DataLog = "data-log";
        private const string StudioSharedOwner = "domain-shared";
        private static readonly System.Collections.Generic.Dictionary<string, int> ColorIndexes = new System.Collections.Generic.Dictionary<string, int>(StringComparer.Ordinal);
        private int _colorIndex = -1;

        private LogStreamName(string logGroupName, string value, LogStreamLayout layout)
        {
            LogGroupName = logGroupName;
            Value = value;
            Layout = layout;
            Source = value;
        }

        public string LogGroupName { get; }
        /// <summary>The stream name as the service has it.</summary>
        public string Value { get; }
        public LogStreamLayout Layout { get; }
        /// <summary>The job, endpoint, notebook, Studio app path, labeling job, ... that wrote the stream; null when unknown.</summary>
        public string? ResourceName { get; private set; }
        /// <summary>The host: <c>algo-2</c> for training and processing jobs; the instance id for transform jobs, endpoints and clusters.</summary>
        public string? Host { get; private set; }
        public string? InstanceId { get; private set; }
        public string? VariantName { get; private set; }
        /// <summary>Container of an inference pipeline (<c>container-1</c>, ... when the model named none).</summary>
        public string? ContainerName { get; private set; }
        /// <summary><c>LifecycleConfigOnStart</c> or <c>LifecycleConfigOnCreate</c>.</summary>
        public string? LifecycleConfigHook { get; private set; }
        /// <summary>The epoch-seconds suffix of job streams (when the host's container started).</summary>
        public long? EpochSeconds { get; private set; }
        public DateTime? Epoch => EpochSeconds is long s ? new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(s) : (DateTime?)null;
        /// <summary>A transform job's or asynchronous endpoint's <c>data-log</c> stream.</summary>
        public bool IsDataLog { get; private set; }
        public string? StudioDomainId { get; private set; }
        public string? StudioUserProfileName { get; private set; }
        public string? StudioSpaceName { get; private set; }
        public string? StudioAppType { get; private set; }
        public string? StudioAppName { get; private set; }
        /// <summary>Short label of where in the resource the stream comes from (<c>algo-2</c>, <c>Primary/i-0abc/container-1</c>,
        /// <c>LifecycleConfigOnStart</c>, ...): the host column of the default view.</summary>
        public string Source { get; private set; }

        /// <summary>
        /// A small number per distinct <see cref="Source"/>, handed out in order of first use in this process, so a view
        /// gives each host its own colour (sources beyond the first thousand share numbers by hash).
        /// </summary>
        public int SourceColorIndex
        {
            get
            {
                if (_colorIndex >= 0) return _colorIndex;
                int index;
                lock (ColorIndexes)
                {
                    if (!ColorIndexes.TryGetValue(Source, out index))
                    {
                        if (ColorIndexes.Count < 1024)
                        {
                            index = ColorIndexes.Count;
                            ColorIndexes[Source] = index;
                        }
                        else
                        {
                            unchecked
                            {
                                var hash = 2166136261u;
                                foreach (var c in Source) hash = (hash ^ c) * 16777619u;
                                index = (int)(hash % 1024u);
                            }
                        }
                    }
                }
                return _colorIndex = index;
            }
        }

        public override string ToString() => Value;

        /// <summary>Parses <paramref name="logStreamName"/> by the layout of <paramref name="logGroupName"/>. Never fails:
        /// names that do not follow the layout keep their whole name as <see cref="Source"/>.</summary>
        public static LogStreamName Parse(string logGroupName, string logStreamName) =>
            Parse(logGroupName, logStreamName, LogLocationCatalog.LayoutOf(logGroupName));

        public static LogStreamName Parse(string logGroupName, string logStreamName, LogStreamLayout layout)
        {
            if (logGroupName is null) throw new ArgumentNullException(nameof(logGroupName));
            if (logStreamName is null) throw new ArgumentNullException(nameof(logStreamName));
            var name = new LogStreamName(logGroupName, logStreamName, layout);
            switch (layout)
            {
                case LogStreamLayout.TrainingJob:
                case LogStreamLayout.ProcessingJob:
                    name.ParseHostJob();
                    break;
                case LogStreamLayout.TransformJob:
                    name.ParseTransformJob();
                    break;
                case LogStreamLayout.Endpoint:
                    name.ParseEndpoint();
                    break;
                case LogStreamLayout.NotebookInstance:
                    name.ParseNotebook();
                    break;
                case LogStreamLayout.StudioApp:
                    name.ParseStudio();
                    break;
                case LogStreamLayout.LabelingJob:
                case LogStreamLayout.CompilationJob:
                    name.ResourceName = logStreamName;
                    break;
                case LogStreamLayout.InferenceRecommendationsJob:
                    name.ParseInferenceRecommendations();
                    break;
                case LogStreamLayout.Cluster:
                    name.ParseCluster();
                    break;
            }
            return name;
        }

        // job/algo-N-epoch (training), job/hostname-epoch (processing)
        private void ParseHostJob()
        {
            if (!SplitFirst(Value, out var job, out var rest)) return;
            ResourceName = job;
            SplitEpoch(rest, out var host, out var epoch);
            Host = host;
            EpochSeconds = epoch;
            Source = host;
        }

        // job/instance-id-epoch[/data-log | /container]
        private void ParseTransformJob()
        {
            if (!SplitFirst(Value, out var job, out var rest)) return;
            ResourceName = job;
            var tail = SplitFirst(rest, out var head, out var after) ? after : null;
            if (tail is null) head = rest;
            SplitEpoch(head, out var instance, out var epoch);
            InstanceId = instance;
            Host = instance;
            EpochSeconds = epoch;
            ApplyTail(tail);
            Source = tail is null ? instance : instance + "/" + tail;
        }

        // variant/instance-id[/data-log | /container]; the endpoint name is in the group
        private void ParseEndpoint()
        {
            ResourceName = LogGroupName.Substring(LogLocationCatalog.EndpointsGroupPrefix.Length);
            if (!SplitFirst(Value, out var variant, out var rest)) return;
            VariantName = variant;
            var tail = SplitFirst(rest, out var instance, out var after) ? after : null;
            if (tail is null) instance = rest;
            InstanceId = instance;
            Host = instance;
            ApplyTail(tail);
        }

        // notebook/LifecycleConfigOnStart | notebook/LifecycleConfigOnCreate | notebook/jupyter.log
        private void ParseNotebook()
        {
            if (!SplitFirst(Value, out var notebook, out var rest)) return;
            ResourceName = notebook;
            if (rest == LifecycleConfigOnStart || rest == LifecycleConfigOnCreate) LifecycleConfigHook = rest;
            Source = rest;
        }

        // domain/user-profile/app-type/app-name[/LifecycleConfigOnStart]; domain/space/JupyterLab|CodeEditor/default[/...];
        // domain/domain-shared/rstudioserverpro/default
        private void ParseStudio()
        {
            var parts = Value.Split('/');
            if (parts.Length < 4) return;
            StudioDomainId = parts[0];
            StudioAppType = parts[2];
            StudioAppName = parts[3];
            if (parts[1] != StudioSharedOwner)
            {
                if (IsSpaceAppType(parts[2])) StudioSpaceName = parts[1];
                else StudioUserProfileName = parts[1];
            }
            ResourceName = string.Join("/", parts, 0, 4);
            if (parts.Length == 5 && (parts[4] == LifecycleConfigOnStart || parts[4] == LifecycleConfigOnCreate)) LifecycleConfigHook = parts[4];
            Source = Value.Substring(parts[0].Length + 1);
        }

        // job/execution | job/CompilationJob/name | job/Endpoint/name
        private void ParseInferenceRecommendations()
        {
            if (!SplitFirst(Value, out var job, out var rest)) return;
            ResourceName = job;
            Source = rest;
        }

        // LifecycleConfig/instance-group/instance-id in /aws/sagemaker/Clusters/name/id
        private void ParseCluster()
        {
            var groupRest = LogGroupName.Substring(LogLocationCatalog.ClustersGroupPrefix.Length);
            var slash = groupRest.IndexOf('/');
            ResourceName = slash < 0 ? groupRest : groupRest.Substring(0, slash);
            var parts = Value.Split('/');
            if (parts.Length == 3 && parts[0] == "LifecycleConfig")
            {
                InstanceId = parts[2];
                Host = parts[2];
                Source = parts[1] + "/" + parts[2];
            }
        }

        private void ApplyTail(string? tail)
        {
            if (tail is null) return;
            if (tail == DataLog) IsDataLog = true;
            else ContainerName = tail;
        }

        private static bool IsSpaceAppType(string appType) =>
            string.Equals(appType, "JupyterLab", StringComparison.Ordinal) || string.Equals(appType, "CodeEditor", StringComparison.Ordinal);

        private static bool SplitFirst(string value, out string head, out string rest)
        {
            var slash = value.IndexOf('/');
            if (slash <= 0 || slash == value.Length - 1)
            {
                head = value;
                rest = "";
                return false;
            }
            head = value.Substring(0, slash);
            rest = value.Substring(slash + 1);
            return true;
        }

        /// <summary>Splits <c>name-1714550000</c> into <c>name</c> and the epoch; an all-digit suffix shorter than 9 digits
        /// (the <c>1</c> of <c>algo-1</c>) is part of the name.</summary>
        private static void SplitEpoch(string value, out string name, out long? epoch)
        {
            var dash = value.LastIndexOf('-');
            if (dash > 0 && value.Length - dash - 1 >= 9)
            {
                var digits = value.Substring(dash + 1);
                var allDigits = true;
                foreach (var c in digits) if (c < '0' || c > '9') { allDigits = false; break; }
                if (allDigits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    name = value.Substring(0, dash);
                    epoch = seconds;
                    return;
                }
            }
            name = value;
            epoch = null;
        }
    }
}
