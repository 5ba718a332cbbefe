<#
.SYNOPSIS
    Get-SageMakerMetric on the benchmark workload: a training job with 16 hosts x 5 metrics x 3 hours at 1 s
    (864,000 datapoints) served by the emulator.
.DESCRIPTION
    Prints, measured in this run:
    - GetMetricData calls made (emulator request counters) against the lower bound the per-call limits imply
      (864,000 / 100,800 datapoints per call = 9);
    - datapoints per second into `| Measure-Object` in a fresh pwsh process, against `aws cloudwatch get-metric-data`
      fetching the same 80 series over the same range (the CLI pages by itself);
    - the same with -AsSeries (one object per series with Timestamps and Values arrays, the shape the CLI prints),
      against the same CLI run;
    - the peak working set of that pwsh process, against the 250 MB budget;
    - the per-datapoint rate against the pipeline floor (bench/PipelineFloor.psm1): a fresh pwsh writing 864,000
      distinct copies of the module's datapoint object into `Measure-Object` with no AWS work, the ceiling for the
      per-datapoint figure. For this comparison both processes start alike (module imported, one short
      Get-SageMakerMetric made, the floor's writer compiled) and only the statement is timed; the module's first-call
      cost is FirstCall.Bench.ps1's figure, not this one. Three interleaved rounds (module, floor, floor writing one
      reused object), each side's best, so all see the same machine load. Also printed: the cold figure (first call
      inside the timing, as metrics-rate) against the same floor, the ratio against the one-object floor used before
      (which PowerShell serves without wrapping each object), and the processor time each process used per datapoint;
    - five times the CLI's rate against that floor (a ratio above 1 means 5x the CLI is beyond what the pipeline itself
      can carry here).
    Run by `build.ps1 bench`, which passes -EmulatorUrl.
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
Import-Module (Join-Path $PSScriptRoot 'PipelineFloor.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$culture = [Globalization.CultureInfo]::InvariantCulture

$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$env:AWS_REGION = 'us-east-1'
$env:AWS_DEFAULT_REGION = 'us-east-1'
$env:AWS_ENDPOINT_URL = $EmulatorUrl
$env:AWS_EC2_METADATA_DISABLED = 'true'

function Invoke-Control([string] $Method, [string] $Route, $Body) {
    $json = if ($null -ne $Body) { ConvertTo-Json -Depth 10 -Compress $Body } else { '{}' }
    Invoke-RestMethod -Method $Method -Uri "$EmulatorUrl/_emulator/$Route" -ContentType 'application/json' -Body $json
}

$hosts = 16
$metrics = 'CPUUtilization', 'MemoryUtilization', 'GPUUtilization', 'GPUMemoryUtilization', 'DiskUtilization'
# Data ends a little in the future so that the range [end - 3 h, end) still starts within the 1-second tier when read.
$end = [DateTime]::UtcNow.AddSeconds(120)
$end = $end.AddTicks(-($end.Ticks % [TimeSpan]::TicksPerSecond))
$start = $end.AddHours(-3)
Invoke-Control POST 'clock' @{ real = $true } | Out-Null
$made = Invoke-Control POST 'monitoring/synthetic' @{ jobName = 'bench-train'; hosts = $hosts; metrics = $metrics; seconds = 10800; resolution = 1; end = $end.ToString('o') }
$expected = [long]$made.datapoints
$lowerBound = [math]::Ceiling($expected / 100800)

# --- the module, in a fresh process ------------------------------------------------------------------------------
$times = @"
`$start = [DateTime]::Parse('$($start.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
`$end = [DateTime]::Parse('$($end.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
"@
$coldPrelude = "`$ErrorActionPreference = 'Stop'`nImport-Module '$ModulePath'`n" + $times
$sampleCommand = "Get-SageMakerMetric -TrainingJobName bench-train -MetricName CPUUtilization -StartTime '$($start.ToString('o'))' -EndTime '$($start.AddMinutes(1).ToString('o'))'"
# The floor's own start: module imported, one short call made, the writer compiled.
$warmPrelude = (New-PipelineFloorPrelude -ModulePath $ModulePath -SampleCommand $sampleCommand) + "`n" + $times
# One datapoint object per point into Measure-Object; or, with -AsSeries, one object per series (Timestamps and Values
# arrays, the shape the CLI prints), counting the points they hold.
$perPoint = "`$m = (Get-SageMakerMetric -TrainingJobName bench-train -StartTime `$start -EndTime `$end | Measure-Object).Count"
$asSeries = "`$m = 0; Get-SageMakerMetric -TrainingJobName bench-train -StartTime `$start -EndTime `$end -AsSeries | ForEach-Object { `$m += `$_.Values.Count }"

function Measure-Module([string] $Prelude, [string] $Statement) {
    $result = Invoke-PipelineMeasurement -Prelude $Prelude -Statement $Statement
    if ($result.Count -ne $expected) { Write-Warning "The module returned $($result.Count) datapoints; the workload holds $expected." }
    $result
}

Invoke-Control POST 'requests/reset' $null | Out-Null
$points = Measure-Module $coldPrelude $perPoint
$calls = [int](Invoke-Control GET 'requests' $null).operations.'monitoring.GetMetricData'
$series = Measure-Module $coldPrelude $asSeries
# Interleaved rounds, best of each: the machine's load changes from second to second and hits every side alike.
$warmRuns = @(); $floorRuns = @(); $reusedRuns = @()
foreach ($round in 1..3) {
    $warmRuns += Measure-Module $warmPrelude $perPoint
    $floorRuns += Measure-PipelineFloor -ModulePath $ModulePath -Count $expected -SampleCommand $sampleCommand
    $reusedRuns += Measure-PipelineFloor -ModulePath $ModulePath -Count $expected -SampleCommand $sampleCommand -Reuse
}
$warm = $warmRuns | Sort-Object Seconds | Select-Object -First 1
$floor = $floorRuns | Sort-Object Seconds | Select-Object -First 1
$reused = $reusedRuns | Sort-Object Seconds | Select-Object -First 1

# --- the AWS CLI baseline: the same 80 queries over the same range ----------------------------------------------------
$queries = @()
$i = 0
foreach ($h in 1..$hosts) {
    foreach ($metric in $metrics) {
        $queries += @{ Id = "q$i"; MetricStat = @{ Metric = @{ Namespace = '/aws/sagemaker/TrainingJobs'; MetricName = $metric; Dimensions = @(@{ Name = 'Host'; Value = "bench-train/algo-$h" }) }; Period = 1; Stat = 'Average' } }
        $i++
    }
}
$queryFile = Join-Path ([IO.Path]::GetTempPath()) ("metrics-bench-queries-" + [Guid]::NewGuid().ToString('n') + '.json')
Set-Content -LiteralPath $queryFile -Value (ConvertTo-Json -Depth 10 -Compress $queries) -Encoding ascii
try {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $cliCount = & aws cloudwatch get-metric-data --metric-data-queries "file://$queryFile" --start-time $start.ToString('yyyy-MM-ddTHH:mm:ssZ') `
        --end-time $end.ToString('yyyy-MM-ddTHH:mm:ssZ') --scan-by TimestampAscending --endpoint-url $EmulatorUrl --region us-east-1 `
        --query 'length(MetricDataResults[].Values[])' --output text
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "aws cloudwatch get-metric-data failed with exit code $LASTEXITCODE." }
    # The CLI may print one count per page.
    $cliCount = [long](@($cliCount -split '\s+' | Where-Object { $_ } | ForEach-Object { [long]$_ }) | Measure-Object -Sum).Sum
}
finally { Remove-Item -LiteralPath $queryFile -ErrorAction SilentlyContinue }
$cliSeconds = $watch.Elapsed.TotalSeconds
if ($cliCount -ne $expected) { Write-Warning "The AWS CLI returned $cliCount datapoints; the workload holds $expected." }

$rate = $points.Count / $points.Seconds
$warmRate = $warm.Count / $warm.Seconds
$reusedRate = $reused.Count / $reused.Seconds
$seriesRate = $series.Count / $series.Seconds
$cliRate = $cliCount / $cliSeconds
$floorRate = $floor.Count / $floor.Seconds
Write-Host ([string]::Format($culture, 'bench metrics-getmetricdata-calls: {0} calls (baseline {1} calls, ratio {2:0.00})', $calls, $lowerBound, $calls / $lowerBound))
Write-Host ([string]::Format($culture, 'bench metrics-rate: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', $rate, $cliRate, $rate / $cliRate))
Write-Host ([string]::Format($culture, 'bench metrics-rate-target: {0:0} datapoints/s (baseline 300000 datapoints/s, ratio {1:0.00})', $rate, $rate / 300000))
Write-Host ([string]::Format($culture, 'bench metrics-rate-as-series: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', $seriesRate, $cliRate, $seriesRate / $cliRate))
Write-Host ([string]::Format($culture, 'bench metrics-rate-vs-pipeline-floor: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', $warmRate, $floorRate, $warmRate / $floorRate))
Write-Host ([string]::Format($culture, 'bench metrics-rate-vs-pipeline-floor-one-object: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', $warmRate, $reusedRate, $warmRate / $reusedRate))
Write-Host ([string]::Format($culture, 'bench metrics-cold-rate-vs-pipeline-floor: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', $rate, $floorRate, $rate / $floorRate))
Write-Host ([string]::Format($culture, 'bench metrics-cpu-per-datapoint-vs-pipeline-floor: {0:0} ns/datapoint (baseline {1:0} ns/datapoint, ratio {2:0.00})', 1e9 * $warm.CpuSeconds / $warm.Count, 1e9 * $floor.CpuSeconds / $floor.Count, $warm.CpuSeconds / $floor.CpuSeconds))
Write-Host ([string]::Format($culture, 'bench metrics-5x-cli-vs-pipeline-floor: {0:0} datapoints/s (baseline {1:0} datapoints/s, ratio {2:0.00})', 5 * $cliRate, $floorRate, 5 * $cliRate / $floorRate))
Write-Host ([string]::Format($culture, 'bench metrics-peak-working-set: {0:0} MB (baseline 250 MB, ratio {1:0.00})', $points.PeakMB, $points.PeakMB / 250))
