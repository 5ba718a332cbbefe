<#
.SYNOPSIS
    Get-SageMakerUtilizationFinding on two workloads served by the emulator.
.DESCRIPTION
    Prints, measured in this run, for each workload the wall time of the cmdlet in a fresh pwsh and that process's
    peak working set against the 300 MB budget, and fails unless every seeded datapoint was read exactly once (the
    points the cmdlet reports in -Verbose against what was seeded; for CloudWatch also the datapoints the emulator's
    GetMetricData answers carried):
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
# Data end a little in the future so the 3-hour range still starts within CloudWatch's 1-second tier when read (the
# module reads a metric range up to 5 minutes past now). The range starts at TrainingStartTime, not at the creation
# 5 minutes earlier, or it would begin beyond 3 hours and the whole read would be at 1 minute.
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
    # -Verbose says how many points the analysis took in ("<job>: N points from <source>, ..."); 4>&1 keeps it.
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$all = @(Get-SageMakerUtilizationFinding -TrainingJobName $job -Source $Source -WarningAction SilentlyContinue -Verbose 4>&1)
`$watch.Stop()
`$f = @(`$all | Where-Object { `$_ -isnot [Management.Automation.VerboseRecord] })
`$points = @(`$all | Where-Object { `$_ -is [Management.Automation.VerboseRecord] -and `$_.Message -match '^$job`: (\d+) points from (\w+)' } | ForEach-Object { `$Matches[1] + ' ' + `$Matches[2] })
`$p = [Diagnostics.Process]::GetCurrentProcess(); `$p.Refresh()
'RESULT {0} {1} {2} {3} {4}' -f `$f.Count, (@(`$f | Where-Object Triggered).Count), `$watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture), `$p.PeakWorkingSet64, (`$points -join ' ')
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
    if ($parts.Count -lt 7) { throw "The $Source run did not say how many points it read:`n$($output -join "`n")" }
    [pscustomobject]@{
        Source = $Source
        Findings = [int]$parts[1]
        Triggered = [int]$parts[2]
        Seconds = [double]::Parse($parts[3], $inv)
        PeakWorkingSetMB = [math]::Round([long]$parts[4] / 1MB, 1)
        PointsRead = [long]$parts[5]
        ReadFrom = $parts[6]
    }
}

# What must have been read: every CloudWatch datapoint seeded; every line of the Debugger files (one datapoint each).
$expected = @{ CloudWatch = [long]$cw.datapoints; Debugger = [long]$dbg.lines }
$servedBefore = [long](Invoke-Control 'monitoring/stats' @{}).servedDatapoints
$results = @(Measure-Findings CloudWatch)
$served = [long](Invoke-Control 'monitoring/stats' @{}).servedDatapoints - $servedBefore
$results += Measure-Findings Debugger
$results | Format-Table -AutoSize | Out-Host
$failed = $false
foreach ($r in $results) {
    $verdict = if ($r.PeakWorkingSetMB -le 300) { 'within' } else { 'OVER' }
    Write-Host ("{0}: {1:0.0} s, peak working set {2} MB ({3} the 300 MB budget); read {4:N0} points from {5}, {6:N0} seeded" -f `
            $r.Source, $r.Seconds, $r.PeakWorkingSetMB, $verdict, $r.PointsRead, $r.ReadFrom, $expected[$r.Source])
    if ($r.PeakWorkingSetMB -gt 300) { $failed = $true }
    if ($r.ReadFrom -ne $r.Source -or $r.PointsRead -ne $expected[$r.Source]) {
        Write-Host "$($r.Source): FAILED, the run did not read every seeded point exactly once from $($r.Source)."
        $failed = $true
    }
}
Write-Host ("CloudWatch: GetMetricData answers carried {0:N0} datapoints" -f $served)
if ($served -ne $expected.CloudWatch) {
    Write-Host "CloudWatch: FAILED, the emulator served $served datapoints, not the $($expected.CloudWatch) seeded."
    $failed = $true
}
if ($failed) { exit 1 }
