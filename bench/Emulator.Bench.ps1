<#
.SYNOPSIS
    The emulator's raw serving rate over loopback: requests/s for a small call, datapoints/s for full GetMetricData
    pages and events/s for full FilterLogEvents pages.
.DESCRIPTION
    The client is the module's own wire layer (SageMakerMonitoring.Core's AwsClientFactory, loaded from the staged
    module) driven by a tight PowerShell loop, with real SigV4 on every request; each figure is therefore emulator
    plus client (signing, HTTP, parsing) on the same 2-core machine. Each loop runs a fixed time (about 3 s) after a
    warm-up; the whole script stays well under 60 s and talks to 127.0.0.1 only.

    Figures and their same-run baselines:
    - requests/s: DescribeTrainingJob, 1 and 8 calls in flight. Baseline: the same loop shape with unsigned
      GET /_emulator/health (HttpClient) - what the HTTP stack alone serves.
    - datapoints/s: GetMetricData over a synthetic workload, 10 queries x 10,080 one-second points = 100,800
      datapoints per call (the per-call maximum). Baseline: the same page's datapoints fetched as a stored object
      (S3 GetObject of a JSON page of the same points from the same emulator: transfer without aggregation or parsing).
    - events/s: FilterLogEvents full pages (10,000 events) over synthetic streams. Baseline: the same page stored as an
      object and fetched with S3 GetObject, as above.
    Run by `build.ps1 bench`, which passes -EmulatorUrl; works against any emulator (it adds its own synthetic data
    under names no other bench uses, and adds its bucket once).
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [ValidateRange(1, 20)] [double] $Seconds = 3
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
if (-not (Test-Path -LiteralPath (Join-Path $ModulePath 'SageMakerMonitoring.psd1'))) {
    throw "No staged module at '$ModulePath'. Run 'dotnet pwsh ./build.ps1 build' first."
}
$uri = [Uri]$EmulatorUrl
if (-not $uri.IsLoopback) { throw "The emulator bench runs against a loopback emulator only, not '$EmulatorUrl'." }
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../tools/ModuleTypes.psm1')
$culture = [Globalization.CultureInfo]::InvariantCulture
$none = [Threading.CancellationToken]::None
$total = [Diagnostics.Stopwatch]::StartNew()

# ------------------------------------------------------------------------------------------------------------ setup

$http = [Net.Http.HttpClient]::new()
$http.BaseAddress = $uri
function Invoke-Control([string] $Route, $Body) {
    $content = [Net.Http.StringContent]::new((ConvertTo-Json -InputObject $Body -Depth 10 -Compress), [Text.Encoding]::UTF8, 'application/json')
    $response = $http.PostAsync("/_emulator/$Route", $content).GetAwaiter().GetResult()
    $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    if (-not $response.IsSuccessStatusCode) { throw "POST /_emulator/$Route answered $([int]$response.StatusCode): $text" }
    ConvertFrom-Json $text
}

$end = [DateTime]::UtcNow
$end = [DateTime]::new($end.Year, $end.Month, $end.Day, $end.Hour, $end.Minute, 0, [DateTimeKind]::Utc)
$job = 'emulator-bench'
$metricNames = 'CPUUtilization', 'MemoryUtilization', 'GPUUtilization', 'GPUMemoryUtilization', 'DiskUtilization'
$null = Invoke-Control 'monitoring/synthetic' @{ namespace = 'Bench/Emulator'; jobName = $job; hosts = 2; metrics = $metricNames; seconds = 10800; resolution = 1; end = $end.ToString('o') }
$logStart = $end.AddHours(-3)
$logs = Invoke-Control 'logs/synthetic' @{ logGroupName = '/bench/emulator'; jobName = $job; streams = 16; eventsPerStream = 62500; intervalMs = 10; start = $logStart.ToString('o') }
$null = Invoke-Control 'sagemaker/upsert' @{ type = 'TrainingJob'; name = $job; status = 'InProgress'; creationTime = $end.AddHours(-3).ToString('o'); startTime = $end.AddHours(-3).ToString('o') }
$null = Invoke-Control 's3/create-bucket' @{ name = 'emulator-bench' }

$options = (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsClientOptions)::new()
$options.Region = 'us-east-1'
$options.EndpointUrl = $EmulatorUrl
$options.Credentials = (Get-ModuleType Amazon.Runtime.BasicAWSCredentials)::new('AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')
$options.MaxAttempts = 1
$factory = (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsClientFactory)::new($options)
$sagemaker = $factory.CreateSageMaker()
$cloudwatch = $factory.CreateCloudWatch()
$logsClient = $factory.CreateCloudWatchLogs()
$store = $factory.CreateObjectStore()

# ---------------------------------------------------------------------------------------------------------- helpers

# Runs $Batch (which returns how many units it produced) repeatedly for $Seconds after one warm-up run.
function Measure-Rate([scriptblock] $Batch) {
    $null = & $Batch
    $units = 0.0
    $watch = [Diagnostics.Stopwatch]::StartNew()
    do { $units += (& $Batch) } while ($watch.Elapsed.TotalSeconds -lt $Seconds)
    $watch.Stop()
    $units / $watch.Elapsed.TotalSeconds
}

function Wait-All([Threading.Tasks.Task[]] $Tasks) { [Threading.Tasks.Task]::WaitAll($Tasks) }

function Write-Figure([string] $Name, [double] $Value, [double] $Baseline, [string] $Unit) {
    $ratio = if ($Baseline -gt 0) { $Value / $Baseline } else { 0 }
    Write-Host ([string]::Format($culture, 'bench {0}: {1:0} {3} (baseline {2:0} {3}, ratio {4:0.00})', $Name, $Value, $Baseline, $Unit, $ratio))
}

function Save-Page([string] $Key, [string] $Json) {
    $bytes = [Text.Encoding]::UTF8.GetBytes($Json)
    $stream = [IO.MemoryStream]::new($bytes)
    try { $store.PutObjectAsync('emulator-bench', $Key, $stream, $none).GetAwaiter().GetResult() } finally { $stream.Dispose() }
    $bytes.Length
}

# ------------------------------------------------------------------------------------------------------- requests/s

$describe1 = Measure-Rate { $null = $sagemaker.DescribeTrainingJobAsync($job, $none).GetAwaiter().GetResult(); 1 }
$health1 = Measure-Rate { $null = $http.GetStringAsync('/_emulator/health').GetAwaiter().GetResult(); 1 }
$describe8 = Measure-Rate { Wait-All @(for ($i = 0; $i -lt 8; $i++) { $sagemaker.DescribeTrainingJobAsync($job, $none) }); 8 }
$health8 = Measure-Rate { Wait-All @(for ($i = 0; $i -lt 8; $i++) { $http.GetStringAsync('/_emulator/health') }); 8 }
Write-Figure 'emulator-describe-requests' $describe1 $health1 'requests/s'
Write-Figure 'emulator-describe-requests-8-in-flight' $describe8 $health8 'requests/s'

# ----------------------------------------------------------------------------------------------------- datapoints/s

$queries = [Activator]::CreateInstance([Collections.Generic.List`1].MakeGenericType((Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDataQuery)))
$q = 0
foreach ($h in 1, 2) {
    foreach ($metric in $metricNames) {
        $dimension = (Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDimension)::new('Host', "$job/algo-$h")
        $identity = (Get-ModuleType SageMakerMonitoring.Core.Aws.MetricIdentity)::new('Bench/Emulator', $metric, (@($dimension) -as (Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDimension).MakeArrayType()))
        $queries.Add((Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDataQuery)::new("q$q", $identity, 1, 'Average', [NullString]::Value, [NullString]::Value))
        $q++
    }
}
$request = (Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDataRequest)::new()
$request.Queries = $queries
$request.StartTime = $end.AddSeconds(-10080)
$request.EndTime = $end
$request.MaxDatapoints = 100800

$page = $cloudwatch.GetMetricDataAsync($request, $none).GetAwaiter().GetResult()
$pagePoints = ($page.Results | ForEach-Object { $_.Values.Length } | Measure-Object -Sum).Sum
if ($pagePoints -ne 100800 -or $page.NextToken) { throw "Expected one full page of 100800 datapoints, got $pagePoints (next token: $($page.NextToken))." }
$epoch = [DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
$storedPage = [Text.StringBuilder]::new('{"MetricDataResults":[')
for ($r = 0; $r -lt $page.Results.Count; $r++) {
    $result = $page.Results[$r]
    if ($r) { [void]$storedPage.Append(',') }
    [void]$storedPage.Append('{"Id":"').Append($result.Id).Append('","Label":"').Append($result.Label).Append('","Timestamps":[')
    $first = $true
    foreach ($t in $result.Timestamps) { if (-not $first) { [void]$storedPage.Append(',') }; $first = $false; [void]$storedPage.Append([long]($t - $epoch).TotalSeconds) }
    [void]$storedPage.Append('],"Values":[')
    $first = $true
    foreach ($v in $result.Values) { if (-not $first) { [void]$storedPage.Append(',') }; $first = $false; [void]$storedPage.Append($v.ToString('R', $culture)) }
    [void]$storedPage.Append('],"StatusCode":"Complete"}')
}
[void]$storedPage.Append('],"Messages":[]}')
$null = Save-Page 'metric-page.json' $storedPage.ToString()

$metricRate = Measure-Rate { $null = $cloudwatch.GetMetricDataAsync($request, $none).GetAwaiter().GetResult(); 100800 }
$metricStored = Measure-Rate { $null = $store.GetObjectAsync('emulator-bench', 'metric-page.json', $none).GetAwaiter().GetResult(); 100800 }
Write-Figure 'emulator-getmetricdata-datapoints' $metricRate $metricStored 'datapoints/s'

# --------------------------------------------------------------------------------------------------------- events/s

$filter = (Get-ModuleType SageMakerMonitoring.Core.Aws.FilterLogEventsRequest)::new()
$filter.LogGroupName = '/bench/emulator'
$filter.LogStreamNamePrefix = "$job/"
$filter.StartTime = $logStart
$filter.Limit = 10000
$firstEvents = $logsClient.FilterLogEventsAsync($filter, $none).GetAwaiter().GetResult()
$eventsPerPage = $firstEvents.Events.Count
if ($eventsPerPage -lt 1000 -or -not $firstEvents.NextToken) { throw "Expected a full FilterLogEvents page, got $eventsPerPage events." }
$storedEvents = @{
    events    = @(foreach ($e in $firstEvents.Events) {
            @{ logStreamName = $e.LogStreamName; timestamp = [long]($e.Timestamp - $epoch).TotalMilliseconds; message = $e.Message
                ingestionTime = [long]($e.IngestionTime - $epoch).TotalMilliseconds; eventId = $e.EventId }
        })
    nextToken = $firstEvents.NextToken
}
$null = Save-Page 'log-page.json' (ConvertTo-Json -InputObject $storedEvents -Depth 4 -Compress)

# Walk forward through the synthetic group page after page, as a reader does.
# (A $null assigned to a string property becomes "" in PowerShell; [NullString]::Value stays null.)
$script:logToken = [NullString]::Value
$logRate = Measure-Rate {
    $filter.NextToken = $script:logToken
    $p = $logsClient.FilterLogEventsAsync($filter, $none).GetAwaiter().GetResult()
    $script:logToken = if ($p.NextToken) { $p.NextToken } else { [NullString]::Value }
    $p.Events.Count
}
$logStored = Measure-Rate { $null = $store.GetObjectAsync('emulator-bench', 'log-page.json', $none).GetAwaiter().GetResult(); $eventsPerPage }
Write-Figure 'emulator-filterlogevents-events' $logRate $logStored 'events/s'

$factory.Dispose()
$http.Dispose()
Write-Host ([string]::Format($culture, 'emulator bench finished in {0:0.0} s ({1} events in the synthetic log group, {2} events per page)', $total.Elapsed.TotalSeconds, $logs.events, $eventsPerPage))
