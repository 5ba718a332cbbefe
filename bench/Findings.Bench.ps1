<#
.SYNOPSIS
    Get-SageMakerUtilizationFinding on two workloads served by the emulator.
.DESCRIPTION
    Prints, measured in this run, for each workload the wall time of the cmdlet in a fresh pwsh and that process's
    peak working set against the 300 MB budget:
    - CloudWatch: a 16-host ml.p3.16xlarge training job, 5 utilization metrics x 3 hours at 1 s (864,000 datapoints);
    - Debugger: the same job's Debugger system files, 16 hosts x 8 GPUs (GPUUtilization and GPUMemoryUtilization)
      plus host memory, 3 hours at 500 ms (21,600 samples a device; about 2,900 one-minute files, 5.9 million lines).
    Run by `build.ps1 bench`, which passes -EmulatorUrl.
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$inv = [Globalization.CultureInfo]::InvariantCulture

$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$env:AWS_REGION = 'us-east-1'
$env:AWS_DEFAULT_REGION = 'us-east-1'
$env:AWS_ENDPOINT_URL = $EmulatorUrl
$env:AWS_EC2_METADATA_DISABLED = 'true'

function Invoke-Control([string] $Route, $Body) {
    Invoke-RestMethod -Method Post -Uri "$EmulatorUrl/_emulator/$Route" -ContentType 'application/json' -Body (ConvertTo-Json -Depth 10 -Compress $Body)
}

$job = 'bench-findings'
$hosts = 16
# Data end a little in the future so the 3-hour range still starts within CloudWatch's 1-second tier when read.
$end = [DateTime]::UtcNow.AddSeconds(120)
$end = $end.AddTicks(-($end.Ticks % [TimeSpan]::TicksPerSecond))
$start = $end.AddHours(-3)
Invoke-Control 'clock' @{ real = $true } | Out-Null
Invoke-Control 'sagemaker/upsert' @{
    type = 'TrainingJob'; name = $job; status = 'Completed'; creationTime = $start.AddMinutes(-5).ToString('o'); startTime = $start.ToString('o')
    endTime = $end.ToString('o'); instanceType = 'ml.p3.16xlarge'; instanceCount = $hosts
    profilerConfig = @{ S3OutputPath = 's3://bench-debugger/profiler'; ProfilingIntervalInMilliseconds = 500 }
} | Out-Null
$cw = Invoke-Control 'monitoring/synthetic' @{ jobName = $job; hosts = $hosts; seconds = 10800; resolution = 1; end = $end.ToString('o') }
$dbgWatch = [Diagnostics.Stopwatch]::StartNew()
$dbg = Invoke-Control 's3/debugger-system' @{
    bucket = 'bench-debugger'; prefix = 'profiler'; jobName = $job; intervalMs = 500; gpus = 8; cpus = 0; start = $start.ToString('o'); end = $end.ToString('o')
    hosts = @(1..$hosts | ForEach-Object { if ($_ % 4 -eq 0) { @{ gpu = @(90, 90, 90, 90, 8, 8, 8, 8) } } else { @{ gpu = 85 } } })
}
$dbgWatch.Stop()
Write-Host ("Workloads: CloudWatch {0:N0} datapoints; Debugger {1:N0} files, {2:N0} lines (written in {3:0.0} s)" -f [long]$cw.datapoints, [long]$dbg.files, [long]$dbg.lines, $dbgWatch.Elapsed.TotalSeconds)

function Measure-Findings([string] $Source) {
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$f = @(Get-SageMakerUtilizationFinding -TrainingJobName $job -Source $Source -WarningAction SilentlyContinue)
`$watch.Stop()
`$p = [Diagnostics.Process]::GetCurrentProcess(); `$p.Refresh()
'RESULT {0} {1} {2} {3}' -f `$f.Count, (@(`$f | Where-Object Triggered).Count), `$watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture), `$p.PeakWorkingSet64
"@
    $file = Join-Path ([IO.Path]::GetTempPath()) ("findings-bench-" + [Guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -LiteralPath $file -Value $script -Encoding utf8
    try {
        $commandLine = Get-PwshCommandLine
        $output = & $commandLine[0] @($commandLine | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
    }
    finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    $line = $output | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { throw "The $Source run printed no result:`n$($output -join "`n")" }
    $parts = $line.Split(' ')
    [pscustomobject]@{
        Source = $Source
        Findings = [int]$parts[1]
        Triggered = [int]$parts[2]
        Seconds = [double]::Parse($parts[3], $inv)
        PeakWorkingSetMB = [math]::Round([long]$parts[4] / 1MB, 1)
    }
}

$results = 'CloudWatch', 'Debugger' | ForEach-Object { Measure-Findings $_ }
$results | Format-Table -AutoSize | Out-Host
foreach ($r in $results) {
    $verdict = if ($r.PeakWorkingSetMB -le 300) { 'within' } else { 'OVER' }
    Write-Host ("{0}: {1:0.0} s, peak working set {2} MB ({3} the 300 MB budget)" -f $r.Source, $r.Seconds, $r.PeakWorkingSetMB, $verdict)
}
if ($results | Where-Object { $_.PeakWorkingSetMB -gt 300 }) { exit 1 }
