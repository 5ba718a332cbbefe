<#
.SYNOPSIS
    Get-SageMakerLogEvent throughput and memory on 1,000,000 events across 16 streams of one training job.
.DESCRIPTION
    Workload: the emulator's logs `synthetic` control action makes a job with 16 host streams of 62,500 events each
    (and a second job twice that size for the memory check). Measured in the same run:
    - events/s of `Get-SageMakerLogEvent | Measure-Object` in a fresh pwsh, against the AWS CLI
      `aws logs filter-log-events` paging over the same events (the baseline);
    - peak working set of that pwsh process at 1M and at 2M events (should stay flat and under 300 MB);
    - the pipeline floor (bench/PipelineFloor.psm1): a fresh pwsh writing 1,000,000 of the module's LogEvent objects
      into `Measure-Object` with no AWS work, the ceiling for the first figure; and five times the CLI's rate against
      that floor (a ratio above 1 means 5x the CLI is beyond what the pipeline itself can carry here).
    Run by `build.ps1 bench`, which passes -EmulatorUrl.
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [int] $Streams = 16,
    [int] $EventsPerStream = 62500
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
Import-Module (Join-Path $PSScriptRoot 'PipelineFloor.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$culture = [Globalization.CultureInfo]::InvariantCulture
$start = [DateTime]::new(2026, 10, 1, 0, 0, 0, [DateTimeKind]::Utc)
$total = $Streams * $EventsPerStream

function Invoke-Control([string] $Action, [hashtable] $Body) {
    Invoke-RestMethod -Method Post -Uri "$($EmulatorUrl.TrimEnd('/'))/_emulator/logs/$Action" -ContentType 'application/json' -Body (ConvertTo-Json $Body -Compress) -NoProxy
}

Invoke-Control synthetic @{ jobName = 'bench-1m'; streams = $Streams; eventsPerStream = $EventsPerStream; intervalMs = 10; start = $start.ToString('o') } | Out-Null
Invoke-Control synthetic @{ jobName = 'bench-2m'; streams = $Streams; eventsPerStream = 2 * $EventsPerStream; intervalMs = 10; start = $start.ToString('o') } | Out-Null
$end = $start.AddMilliseconds(2 * $EventsPerStream * 10 + 1000)

# One fresh pwsh per measurement: the module reads everything, Measure-Object counts, the process reports its peak
# working set as it ends.
$environment = @{
    AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'; AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    AWS_REGION = 'us-east-1'; AWS_DEFAULT_REGION = 'us-east-1'; AWS_ENDPOINT_URL = $EmulatorUrl; AWS_EC2_METADATA_DISABLED = 'true'
}
foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
foreach ($name in 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN') { Remove-Item -LiteralPath "env:$name" -ErrorAction SilentlyContinue }

$commandLine = Get-PwshCommandLine
function Measure-Module([string] $Job, [int] $Expected) {
    $script = @"
Import-Module '$ModulePath'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$count = (Get-SageMakerLogEvent -TrainingJobName $Job -StartTime '$($start.ToString('o'))' -EndTime '$($end.ToString('o'))' | Measure-Object).Count
`$watch.Stop()
`$peak = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
"{0} {1} {2}" -f `$count, `$watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture), `$peak
"@
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
    $output = & $commandLine[0] @arguments
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed: $output" }
    $parts = ("$output".Trim() -split ' ')
    if ([long]$parts[0] -ne $Expected) { throw "Expected $Expected events from $Job, got $($parts[0])." }
    [pscustomobject]@{ Count = [long]$parts[0]; Seconds = [double]::Parse($parts[1], $culture); PeakBytes = [long]$parts[2] }
}

function Measure-AwsCli {
    # The CLI pages FilterLogEvents itself (--no-paginate off); --query keeps only a count so printing does not dominate.
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $startMs = [DateTimeOffset]::new($start).ToUnixTimeMilliseconds()
    $endMs = [DateTimeOffset]::new($start.AddMilliseconds($EventsPerStream * 10 + 1000)).ToUnixTimeMilliseconds()
    $count = aws logs filter-log-events --log-group-name /aws/sagemaker/TrainingJobs --log-stream-name-prefix bench-1m/ `
        --start-time $startMs --end-time $endMs --endpoint-url $EmulatorUrl --region us-east-1 --query 'length(events)' --output text
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "aws logs filter-log-events failed with exit code $LASTEXITCODE." }
    $n = ("$count" -split '\s+' | Where-Object { $_ } | ForEach-Object { [long]$_ } | Measure-Object -Sum).Sum
    [pscustomobject]@{ Count = $n; Seconds = $watch.Elapsed.TotalSeconds }
}

$module1m = Measure-Module -Job bench-1m -Expected $total
$cli = Measure-AwsCli
if ($cli.Count -ne $total) { Write-Warning "aws logs filter-log-events counted $($cli.Count) events, expected $total." }
$module2m = Measure-Module -Job bench-2m -Expected (2 * $total)
$floor = Measure-PipelineFloor -ModulePath $ModulePath -Count $total `
    -SampleCommand "Get-SageMakerLogEvent -TrainingJobName bench-1m -StartTime '$($start.ToString('o'))' -EndTime '$($start.AddSeconds(1).ToString('o'))'"

$moduleRate = $module1m.Count / $module1m.Seconds
$cliRate = $cli.Count / $cli.Seconds
$floorRate = $floor.Count / $floor.Seconds
$peak1 = $module1m.PeakBytes / 1MB
$peak2 = $module2m.PeakBytes / 1MB
Write-Host ([string]::Format($culture, 'bench logs-events-per-second: {0:0} events/s (baseline {1:0} events/s, ratio {2:0.00})', $moduleRate, $cliRate, $moduleRate / $cliRate))
Write-Host ([string]::Format($culture, 'bench logs-events-per-second-target: {0:0} events/s (baseline 150000 events/s, ratio {1:0.00})', $moduleRate, $moduleRate / 150000))
Write-Host ([string]::Format($culture, 'bench logs-events-per-second-vs-pipeline-floor: {0:0} events/s (baseline {1:0} events/s, ratio {2:0.00})', $moduleRate, $floorRate, $moduleRate / $floorRate))
Write-Host ([string]::Format($culture, 'bench logs-5x-cli-vs-pipeline-floor: {0:0} events/s (baseline {1:0} events/s, ratio {2:0.00})', 5 * $cliRate, $floorRate, 5 * $cliRate / $floorRate))
Write-Host ([string]::Format($culture, 'bench logs-peak-working-set-1m: {0:0} MB (baseline 300 MB, ratio {1:0.00})', $peak1, $peak1 / 300))
Write-Host ([string]::Format($culture, 'bench logs-peak-working-set-2m: {0:0} MB (baseline {1:0} MB, ratio {2:0.00})', $peak2, $peak1, $peak2 / $peak1))
