<#
.SYNOPSIS
    Fleet-wide reads at AWS's quotas: many training jobs in one call, in one Region and in three, against the emulator
    enforcing AWS's default quotas with 150 ms per CloudWatch and CloudWatch Logs call.
.DESCRIPTION
    The workload (per Region): 8 training jobs (fleet-train-01..08) x 16 hosts (algo-1..16) x 5 metrics
    (CPUUtilization, MemoryUtilization, GPUUtilization, GPUMemoryUtilization, DiskUtilization) x 3 hours at 1 s,
    high-resolution, in /aws/sagemaker/TrainingJobs with the Host dimension: 6,912,000 points. The emulator generates
    it server-side (the monitoring/synthetic control action) in us-east-1, eu-west-1 and ap-southeast-2, and the jobs
    through sagemaker/upsert with each Region. Its clock is frozen at the data's end, so every read starts exactly
    3 hours back: GetMetricData's 180,000 points per second quota (StartTime within 3 hours) is the bound throughout.
    Logs: 16 jobs (fleet-logs-01..16) with 2 host streams of 15,000 events each in eu-west-1, where FilterLogEvents
    allows 10 per second.

    Figures, measured side by side in one run, each run in a fresh pwsh (time measured inside it, after the import):
    (a) one Region: the module's one call (Get-SageMakerMetric -TrainingJobName 'fleet-train-*' -Region us-east-1), a
        PowerShell `ForEach-Object -Parallel -ThrottleLimit 8` over the single-resource cmdlet per job, and the AWS CLI
        (`aws cloudwatch get-metric-data`, paging by itself, serially; as few invocations as the 500-query limit
        allows). For each: seconds, points, the quota bound (points / 180,000 per second) and time / bound (target
        <= 1.15), throttling surfaced (warnings and errors in the run) and the emulator's throttled count.
    (b) three Regions: the module's one call with -Region us-east-1,eu-west-1,ap-southeast-2; its rate against the
        one-Region rate of (a) (target >= 2.5, Regions have separate quotas).
    (c) FilterLogEvents over 16 jobs: a search for the data loader's WARNING lines (-FilterPattern WARNING) with the
        module's one call (Get-SageMakerLogEvent -TrainingJobName 'fleet-logs-*'), the ForEach-Object -Parallel loop per
        job and `aws logs filter-log-events` (one stream prefix over all jobs, serially). The emulator answers a sparse
        search as AWS does, each call scanning a slice (5,000 events) and returning what matched with a nextToken, so
        the calls bound the time: time against the run's FilterLogEvents calls / 10 per second (target <= 1.15).
    Every run's point or event count is checked against what the workload holds, so a wrong read cannot look fast; a
    wrong count or a failed run makes the script exit 1 after the table is printed. The emulator's own CPU time is
    reported per run (it must not be the bottleneck: it serves several million points per CPU-second).

    Module runs show what the module streams with -AsSeries (one object per series, the points in arrays), so the
    figure is the pacing to the quota, not PowerShell's per-object cost (Metrics.Bench.ps1 measures that).
    Pacing is on as it is against AWS (SAGEMAKER_MONITORING_QUOTAS=aws, because the emulator is a custom endpoint).

    The bench starts an emulator of its own (--quotas aws, from out/emulator): the workload holds about 330 MB of
    points, its quotas and latency must not leak into the other benchmarks, and its CPU time is read from the process.
    -EmulatorUrl (passed by `build.ps1 bench` to every bench) is therefore not used. -Quick runs 2 hosts per job and
    a third of the log events, for a smoke run of about a minute. The full run takes about 6 minutes.
#>
param(
    [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [string] $EmulatorPath = (Join-Path $PSScriptRoot '../out/emulator/SageMakerMonitoring.Emulator.dll'),
    [switch] $Quick,
    [ValidateRange(0, 5000)] [int] $LatencyMs = 150,
    # Passed to the module's fleet calls as -ThrottleLimit when above 0 (otherwise the module's default).
    [ValidateRange(0, 64)] [int] $ThrottleLimit = 0,
    # Skip the AWS CLI baselines (e.g. where `aws` is not installed).
    [switch] $SkipCli
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
Import-Module (Join-Path $PSScriptRoot '../tools/HermeticEnvironment.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$culture = [Globalization.CultureInfo]::InvariantCulture
$total = [Diagnostics.Stopwatch]::StartNew()

# ------------------------------------------------------------------------------------------------------------ workload

$jobCount = 8
$hosts = if ($Quick) { 2 } else { 16 }
$metrics = 'CPUUtilization', 'MemoryUtilization', 'GPUUtilization', 'GPUMemoryUtilization', 'DiskUtilization'
$seconds = 10800
$regions = 'us-east-1', 'eu-west-1', 'ap-southeast-2'
$pointsPerRegion = [long]$jobCount * $hosts * $metrics.Count * $seconds
$pointsQuota = 180000.0
$logJobs = 16
$logStreams = 2
$eventsPerStream = if ($Quick) { 5000 } else { 15000 }
$scanBudget = if ($Quick) { 2500 } else { 5000 }
$logRegion = 'eu-west-1'
$filterTps = 10.0
# The search: the data loader's WARNING lines, one every 5,000 steps of a host's log (every 50,000th step is an NCCL
# ERROR line instead) - the emulator's synthetic training log, see SyntheticLogEventStore.
$filterPattern = 'WARNING'
$warningsPerStream = [long]([math]::Floor($eventsPerStream / 5000) - [math]::Floor($eventsPerStream / 50000))
$expectedEvents = [long]$logJobs * $logStreams * $warningsPerStream
$trainJobs = 1..$jobCount | ForEach-Object { 'fleet-train-{0:00}' -f $_ }
$logJobNames = 1..$logJobs | ForEach-Object { 'fleet-logs-{0:00}' -f $_ }

# Logs: an hour that ended an hour ago. Metrics: see Publish-MetricWorkload (each run gets its own 3 hours).
$now = [DateTime]::UtcNow
$now = [DateTime]::new($now.Year, $now.Month, $now.Day, $now.Hour, $now.Minute, 0, [DateTimeKind]::Utc)
$logStart = $now.AddHours(-2)
$logEnd = $now.AddHours(-1)
$start = $end = $null

# ------------------------------------------------------------------------------------------------------------ environment

$savedEnvironment = Enter-HermeticAwsEnvironment
$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$env:AWS_REGION = 'us-east-1'
$env:AWS_DEFAULT_REGION = 'us-east-1'
$savedQuotas = $env:SAGEMAKER_MONITORING_QUOTAS
$env:SAGEMAKER_MONITORING_QUOTAS = 'aws'

Write-Host "Starting an emulator of its own (--quotas aws) ..."
$emulator = Start-EmulatorProcess -EmulatorPath $EmulatorPath -Port 0 -Seed empty -ExtraArgument @('--quotas', 'aws')
$url = $emulator.Url
$env:AWS_ENDPOINT_URL = $url
$http = [Net.Http.HttpClient]::new()
$http.Timeout = [TimeSpan]::FromMinutes(5)

function Invoke-Control([string] $Route, $Body) {
    $response = if ($null -eq $Body) { $http.GetAsync("$url/_emulator/$Route").GetAwaiter().GetResult() }
    else {
        $content = [Net.Http.StringContent]::new((ConvertTo-Json -InputObject $Body -Depth 10 -Compress), [Text.Encoding]::UTF8, 'application/json')
        $http.PostAsync("$url/_emulator/$Route", $content).GetAwaiter().GetResult()
    }
    $text = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    if (-not $response.IsSuccessStatusCode) { throw "/_emulator/$Route answered $([int]$response.StatusCode): $text" }
    ConvertFrom-Json $text
}

function Get-EmulatorCpuSeconds {
    $emulator.Process.Refresh()
    $emulator.Process.TotalProcessorTime.TotalSeconds
}

function Format-Number($Value, [string] $Format = '0') {
    if ($null -eq $Value) { return '-' }
    ([double]$Value).ToString($Format, $culture)
}

# Counters of one run: quota counts (admitted/throttled per key) and request counts, both reset before it.
function Reset-RunCounters {
    $null = Invoke-Control 'quotas' @{ resetCounts = $true }
    $null = Invoke-Control 'requests/reset' @{}
}

function Get-RunCounters {
    $quotas = Invoke-Control 'quotas' $null
    $throttled = 0L
    foreach ($property in $quotas.counts.PSObject.Properties) { $throttled += [long]$property.Value.throttled }
    $requests = Invoke-Control 'requests' $null
    [pscustomobject]@{
        Throttled      = $throttled
        GetMetricData  = [long]$(if ($requests.operations.PSObject.Properties['monitoring.GetMetricData']) { $requests.operations.'monitoring.GetMetricData' } else { 0 })
        FilterLogEvents = [long]$(if ($requests.operations.PSObject.Properties['logs.FilterLogEvents']) { $requests.operations.'logs.FilterLogEvents' } else { 0 })
    }
}

# ------------------------------------------------------------------------------------------------------------ runs

# Runs a statement in a fresh pwsh with the module imported and $start, $end, $logStart, $logEnd, $metrics, $jobs and
# $logJobs defined. The statement adds to $count and collects warnings/errors in $warnings/$errors (arrays).
function Invoke-ModuleRun([string] $Statement) {
    $script = @"
`$ErrorActionPreference = 'Continue'
Import-Module '$ModulePath'
function Read-Time([string] `$text) { [DateTime]::Parse(`$text, [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind) }
`$start = Read-Time '$($start.ToString('o'))'
`$end = Read-Time '$($end.ToString('o'))'
`$logStart = Read-Time '$($logStart.ToString('o'))'
`$logEnd = Read-Time '$($logEnd.ToString('o'))'
`$metrics = @('$($metrics -join "','")')
`$jobs = @('$($trainJobs -join "','")')
`$logJobs = @('$($logJobNames -join "','")')
`$modulePath = '$ModulePath'
`$count = 0L
`$warnings = [Collections.ArrayList]::new()
`$errors = [Collections.ArrayList]::new()
`$watch = [Diagnostics.Stopwatch]::StartNew()
try {
$Statement
}
catch { [void]`$errors.Add(`$_) }
`$watch.Stop()
`$first = @(`$errors | Select-Object -First 1 | ForEach-Object { "`$_" })
'RESULT ' + (ConvertTo-Json -Compress @{
    count = `$count; seconds = `$watch.Elapsed.TotalSeconds; warnings = `$warnings.Count; errors = `$errors.Count
    throttleWarnings = @(`$warnings | Where-Object { "`$_" -match 'thrott' }).Count
    firstError = if (`$first) { `$first[0] } else { `$null }
})
"@
    $file = Join-Path ([IO.Path]::GetTempPath()) ("fleet-bench-" + [Guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -LiteralPath $file -Value $script -Encoding utf8
    try {
        $commandLine = Get-PwshCommandLine
        $output = & $commandLine[0] @($commandLine | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
    }
    finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    $line = $output | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { return [pscustomobject]@{ count = 0; seconds = $null; warnings = 0; errors = 1; throttleWarnings = 0; firstError = "no result: $(($output | Select-Object -Last 5) -join ' | ')" } }
    ConvertFrom-Json $line.Substring('RESULT '.Length)
}

# Runs the AWS CLI once per argument list, serially; each invocation prints one count per page (text output applies
# --query to every page). Returns the summed count, the time of all invocations, and the failures.
function Invoke-CliRun([object[]] $Invocations) {
    $ErrorActionPreference = 'Continue'
    $count = 0L
    $failures = 0
    $firstError = $null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    foreach ($arguments in $Invocations) {
        $output = & aws @arguments --endpoint-url $url --output text 2>&1
        if ($LASTEXITCODE -ne 0) {
            $failures++
            if (-not $firstError) { $firstError = ($output | Select-Object -Last 1) -as [string] }
            continue
        }
        foreach ($item in $output) {
            if ($item -is [Management.Automation.ErrorRecord]) { continue }
            foreach ($word in ("$item" -split '\s+')) { if ($word) { $count += [long]$word } }
        }
    }
    $watch.Stop()
    [pscustomobject]@{ count = $count; seconds = $watch.Elapsed.TotalSeconds; warnings = 0; errors = $failures; throttleWarnings = 0; firstError = $firstError }
}

# Before each metrics run: the workload's 3 hours end 3-4 minutes ahead of the machine's clock (the next minute
# boundary plus three; the module takes an end up to 5 minutes ahead), and the emulator's clock is frozen at that end. So a run that starts within 3 hours of the data
# may read it at 1-second periods (the module checks that against the machine's clock), the emulator keeps every point
# in its 1-second tier however long the run takes, and every read starts exactly 3 hours before the emulator's "now":
# the 180,000 points/s tier. The series are generated again in place (cheap: under a second per Region).
function Publish-MetricWorkload([string[]] $In) {
    $clock = [DateTime]::UtcNow
    $script:end = [DateTime]::new($clock.Year, $clock.Month, $clock.Day, $clock.Hour, $clock.Minute, 0, [DateTimeKind]::Utc).AddMinutes(4)
    $script:start = $script:end.AddSeconds(-$seconds)
    $null = Invoke-Control 'clock' @{ freeze = $script:end.ToString('o') }
    foreach ($region in $In) {
        foreach ($job in $trainJobs) {
            $made = Invoke-Control 'monitoring/synthetic' @{ region = $region; jobName = $job; hosts = $hosts; metrics = $metrics; seconds = $seconds; resolution = 1; end = $script:end.ToString('o') }
            if ([long]$made.datapoints -ne [long]$hosts * $metrics.Count * $seconds) { throw "Seeding $job in $region made $($made.datapoints) points." }
        }
        $stats = Invoke-Control 'monitoring/stats' @{ region = $region }
        if ([long]$stats.datapoints -ne $pointsPerRegion) { throw "The emulator holds $($stats.datapoints) points in $region; the workload is $pointsPerRegion." }
    }
}

$rows = [Collections.Generic.List[object]]::new()
$failed = [Collections.Generic.List[string]]::new()

function Measure-Run([string] $Phase, [string] $Name, [long] $Expected, [string] $Unit, [scriptblock] $Run, [scriptblock] $Bound, [string[]] $SeedRegions) {
    Write-Host "  $Phase / $Name ..."
    if ($SeedRegions) { Publish-MetricWorkload $SeedRegions }
    Reset-RunCounters
    $cpu0 = Get-EmulatorCpuSeconds
    $result = & $Run
    $cpu = (Get-EmulatorCpuSeconds) - $cpu0
    $counters = Get-RunCounters
    $countOk = $result.errors -eq 0 -and [long]$result.count -eq $Expected
    if (-not $countOk) {
        $failed.Add("$Phase / ${Name}: $($result.count) $Unit of $Expected, $($result.errors) error(s)$(if ($result.firstError) { ": $($result.firstError)" })")
    }
    $boundSeconds = & $Bound $counters
    $secondsTaken = if ($null -ne $result.seconds) { [double]$result.seconds } else { $null }
    $row = [pscustomobject]@{
        Phase          = $Phase
        Run            = $Name
        Seconds        = $secondsTaken
        Count          = [long]$result.count
        Expected       = $Expected
        CountOk        = $countOk
        BoundSeconds   = $boundSeconds
        VsBound        = if ($secondsTaken -and $boundSeconds) { $secondsTaken / $boundSeconds } else { $null }
        Rate           = if ($secondsTaken) { [long]$result.count / $secondsTaken } else { $null }
        Throttled      = $counters.Throttled
        Surfaced       = [int]$result.throttleWarnings + $(if ($result.errors -and "$($result.firstError)" -match 'thrott') { [int]$result.errors } else { 0 })
        Warnings       = [int]$result.warnings
        Errors         = [int]$result.errors
        Calls          = if ($Unit -eq 'events') { $counters.FilterLogEvents } else { $counters.GetMetricData }
        EmulatorCpu    = $cpu
        Unit           = $Unit
    }
    $rows.Add($row)
    $row
}

$metricBound = { param($counters) $pointsPerRegion / $pointsQuota }
$threeRegionBound = { param($counters) $pointsPerRegion / $pointsQuota }
$logBound = { param($counters) if ($counters.FilterLogEvents -gt 0) { $counters.FilterLogEvents / $filterTps } else { $null } }
$throttleArgument = if ($ThrottleLimit -gt 0) { " -ThrottleLimit $ThrottleLimit" } else { '' }

try {
    # -------------------------------------------------------------------------------------------------------- seeding
    $seed = [Diagnostics.Stopwatch]::StartNew()
    foreach ($region in $regions) {
        foreach ($job in $trainJobs) {
            $null = Invoke-Control 'sagemaker/upsert' @{ region = $region; type = 'TrainingJob'; name = $job; status = 'Completed'; instanceCount = $hosts
                creationTime = $now.AddHours(-5).ToString('o'); startTime = $now.AddHours(-4).ToString('o'); endTime = $now.AddHours(1).ToString('o') }
        }
    }
    # A sparse search is answered as AWS answers it: each call scans a slice of the events and returns what matched with
    # a nextToken, so the calls (10 per second in eu-west-1), not the events, bound the time.
    $null = Invoke-Control 'logs/config' @{ region = $logRegion; scanBudget = $scanBudget }
    foreach ($job in $logJobNames) {
        $null = Invoke-Control 'logs/synthetic' @{ region = $logRegion; logGroupName = '/aws/sagemaker/TrainingJobs'; jobName = $job; streams = $logStreams
            eventsPerStream = $eventsPerStream; intervalMs = 100; start = $logStart.ToString('o') }
        $null = Invoke-Control 'sagemaker/upsert' @{ region = $logRegion; type = 'TrainingJob'; name = $job; status = 'Completed'; instanceCount = $logStreams
            creationTime = $logStart.AddMinutes(-5).ToString('o'); startTime = $logStart.ToString('o'); endTime = $logEnd.ToString('o') }
    }
    $null = Invoke-Control 'faults' @{ seed = 1; rules = @(
            @{ service = 'monitoring'; operation = '*'; latencyMs = $LatencyMs },
            @{ service = 'logs'; operation = '*'; latencyMs = $LatencyMs }) }
    $seed.Stop()
    Write-Host ([string]::Format($culture, 'Seeded jobs in {0} Regions and {1:N0} log events ({2:N0} matching {3}) in {4:0.0} s; each metrics run generates its {5:N0} points per Region first; {6} ms per CloudWatch/Logs call.',
            $regions.Count, [long]$logJobs * $logStreams * $eventsPerStream, $expectedEvents, $filterPattern, $seed.Elapsed.TotalSeconds, $pointsPerRegion, $LatencyMs))

    # -------------------------------------------------------------------------------------------------------- (a)
    $seriesStatement = "-StartTime `$start -EndTime `$end -Period 1 -MetricName `$metrics -AsSeries -WarningVariable +warnings -WarningAction SilentlyContinue -ErrorVariable +errors -ErrorAction SilentlyContinue | ForEach-Object { `$count += `$_.Values.Count }"
    $moduleOne = Measure-Run 'a: 1 Region' 'module, one call' $pointsPerRegion 'points' {
        Invoke-ModuleRun "Get-SageMakerMetric -TrainingJobName 'fleet-train-*' -Region us-east-1$throttleArgument $seriesStatement"
    } $metricBound 'us-east-1'
    $null = Measure-Run 'a: 1 Region' 'ForEach-Object -Parallel 8' $pointsPerRegion 'points' {
        Invoke-ModuleRun @'
$results = $jobs | ForEach-Object -ThrottleLimit 8 -Parallel {
    Import-Module $using:modulePath
    $c = 0L; $w = $null; $e = $null
    try {
        Get-SageMakerMetric -TrainingJobName $_ -Region us-east-1 -StartTime $using:start -EndTime $using:end -Period 1 -MetricName $using:metrics -AsSeries `
            -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable e -ErrorAction SilentlyContinue | ForEach-Object { $c += $_.Values.Count }
    }
    catch { $e = @($_) }
    [pscustomobject]@{ Count = $c; Warnings = @($w | Where-Object { $_ }); Errors = @($e | Where-Object { $_ }) }
}
foreach ($r in $results) { $count += $r.Count; foreach ($x in $r.Warnings) { [void]$warnings.Add($x) }; foreach ($x in $r.Errors) { [void]$errors.Add($x) } }
'@
    } $metricBound 'us-east-1'
    if (-not $SkipCli) {
        $null = Measure-Run 'a: 1 Region' 'AWS CLI, serial paging' $pointsPerRegion 'points' {
            # As few invocations as the 500-query limit allows: groups of jobs, each invocation paging by itself.
            $perCall = [math]::Max(1, [math]::Floor(500 / ($hosts * $metrics.Count)))
            $invocations = @()
            $files = @()
            for ($i = 0; $i -lt $trainJobs.Count; $i += $perCall) {
                $queries = @()
                foreach ($job in $trainJobs[$i..([math]::Min($i + $perCall, $trainJobs.Count) - 1)]) {
                    foreach ($h in 1..$hosts) {
                        foreach ($metric in $metrics) {
                            $queries += @{ Id = "q$($queries.Count)"; MetricStat = @{ Metric = @{ Namespace = '/aws/sagemaker/TrainingJobs'; MetricName = $metric
                                        Dimensions = @(@{ Name = 'Host'; Value = "$job/algo-$h" }) }; Period = 1; Stat = 'Average' } }
                        }
                    }
                }
                $file = Join-Path ([IO.Path]::GetTempPath()) ("fleet-bench-queries-" + [Guid]::NewGuid().ToString('n') + '.json')
                Set-Content -LiteralPath $file -Value (ConvertTo-Json -Depth 10 -Compress $queries) -Encoding ascii
                $files += $file
                $invocations += , @('cloudwatch', 'get-metric-data', '--region', 'us-east-1', '--metric-data-queries', "file://$file",
                    '--start-time', $start.ToString('yyyy-MM-ddTHH:mm:ssZ'), '--end-time', $end.ToString('yyyy-MM-ddTHH:mm:ssZ'),
                    '--scan-by', 'TimestampAscending', '--query', 'length(MetricDataResults[].Values[])')
            }
            try { Invoke-CliRun $invocations } finally { Remove-Item -LiteralPath $files -ErrorAction SilentlyContinue }
        } $metricBound 'us-east-1'
    }

    # -------------------------------------------------------------------------------------------------------- (b)
    $moduleThree = Measure-Run 'b: 3 Regions' 'module, one call' ($pointsPerRegion * $regions.Count) 'points' {
        Invoke-ModuleRun "Get-SageMakerMetric -TrainingJobName 'fleet-train-*' -Region $($regions -join ',')$throttleArgument $seriesStatement"
    } $threeRegionBound $regions

    # -------------------------------------------------------------------------------------------------------- (c)
    $logStatement = "-FilterPattern '$filterPattern' -StartTime `$logStart -EndTime `$logEnd -WarningVariable +warnings -WarningAction SilentlyContinue -ErrorVariable +errors -ErrorAction SilentlyContinue | Measure-Object).Count"
    $moduleLogs = Measure-Run 'c: FilterLogEvents' 'module, one call' $expectedEvents 'events' {
        Invoke-ModuleRun "`$count = (Get-SageMakerLogEvent -TrainingJobName 'fleet-logs-*' -Region $logRegion$throttleArgument $logStatement"
    } $logBound
    $null = Measure-Run 'c: FilterLogEvents' 'ForEach-Object -Parallel 8' $expectedEvents 'events' {
        Invoke-ModuleRun @"
`$results = `$logJobs | ForEach-Object -ThrottleLimit 8 -Parallel {
    Import-Module `$using:modulePath
    `$c = 0L; `$w = `$null; `$e = `$null
    try {
        `$c = (Get-SageMakerLogEvent -TrainingJobName `$_ -Region $logRegion -FilterPattern '$filterPattern' -StartTime `$using:logStart -EndTime `$using:logEnd ``
            -WarningVariable w -WarningAction SilentlyContinue -ErrorVariable e -ErrorAction SilentlyContinue | Measure-Object).Count
    }
    catch { `$e = @(`$_) }
    [pscustomobject]@{ Count = `$c; Warnings = @(`$w | Where-Object { `$_ }); Errors = @(`$e | Where-Object { `$_ }) }
}
foreach (`$r in `$results) { `$count += `$r.Count; foreach (`$x in `$r.Warnings) { [void]`$warnings.Add(`$x) }; foreach (`$x in `$r.Errors) { [void]`$errors.Add(`$x) } }
"@
    } $logBound
    if (-not $SkipCli) {
        $null = Measure-Run 'c: FilterLogEvents' 'AWS CLI, serial paging' $expectedEvents 'events' {
            $ms = { param([DateTime] $t) [DateTimeOffset]::new($t).ToUnixTimeMilliseconds() }
            Invoke-CliRun @(, @('logs', 'filter-log-events', '--region', $logRegion, '--log-group-name', '/aws/sagemaker/TrainingJobs',
                    '--log-stream-name-prefix', 'fleet-logs-', '--filter-pattern', $filterPattern, '--start-time', (& $ms $logStart), '--end-time', (& $ms $logEnd), '--query', 'length(events)'))
        } $logBound
    }
}
finally {
    $http.Dispose()
    Stop-EmulatorProcess $emulator
    Exit-HermeticAwsEnvironment $savedEnvironment
    if ($null -eq $savedQuotas) { Remove-Item Env:SAGEMAKER_MONITORING_QUOTAS -ErrorAction SilentlyContinue } else { $env:SAGEMAKER_MONITORING_QUOTAS = $savedQuotas }
}

# ------------------------------------------------------------------------------------------------------------ figures

Write-Host ''
Write-Host ([string]::Format($culture, 'Fleet bench{0}: {1} jobs x {2} hosts x {3} metrics x {4} s at 1 s = {5:N0} points per Region; quota {6:N0} points/s; {7} ms latency.',
        $(if ($Quick) { ' (quick)' } else { '' }), $jobCount, $hosts, $metrics.Count, $seconds, $pointsPerRegion, $pointsQuota, $LatencyMs))
$tableFormat = '{0,-19} {1,-27} {2,8} {3,12} {4,-5} {5,8} {6,10} {7,9} {8,6} {9,9} {10,8} {11,5} {12,4} {13,9}'
Write-Host ([string]::Format($culture, $tableFormat, 'Phase', 'Run', 'Seconds', 'Count', 'Check', 'Bound s', 'Time/bound', 'Rate/s', 'Calls', 'Throttled', 'Surfaced', 'Warn', 'Err', 'Emu CPU s'))
foreach ($row in $rows) {
    Write-Host ([string]::Format($culture, $tableFormat, $row.Phase, $row.Run, (Format-Number $row.Seconds '0.0'), $row.Count.ToString('N0', $culture),
            $(if ($row.CountOk) { 'ok' } else { 'WRONG' }), (Format-Number $row.BoundSeconds '0.0'), (Format-Number $row.VsBound '0.00'),
            (Format-Number $row.Rate '0'), $row.Calls, $row.Throttled, $row.Surfaced, $row.Warnings, $row.Errors, (Format-Number $row.EmulatorCpu '0.0')))
}

function Write-Figure([string] $Name, $Value, [string] $Unit, $Baseline, [string] $BaselineUnit, [string] $Format = '0.0') {
    if ($null -eq $Value -or $null -eq $Baseline -or 0 -eq $Baseline) { Write-Host "bench ${Name}: not measured"; return }
    Write-Host ([string]::Format($culture, 'bench {0}: {1} {2} (baseline {3} {4}, ratio {5:0.00})', $Name,
            (Format-Number $Value $Format), $Unit, (Format-Number $Baseline $Format), $BaselineUnit, $Value / $Baseline))
}

$byName = @{}
foreach ($row in $rows) { $byName["$($row.Phase)|$($row.Run)"] = $row }
function Get-Row([string] $Key) { if ($byName.ContainsKey($Key)) { $byName[$Key] } else { $null } }
$a = Get-Row 'a: 1 Region|module, one call'
$aParallel = Get-Row 'a: 1 Region|ForEach-Object -Parallel 8'
$aCli = Get-Row 'a: 1 Region|AWS CLI, serial paging'
$b = Get-Row 'b: 3 Regions|module, one call'
$c = Get-Row 'c: FilterLogEvents|module, one call'
$cParallel = Get-Row 'c: FilterLogEvents|ForEach-Object -Parallel 8'
$cCli = Get-Row 'c: FilterLogEvents|AWS CLI, serial paging'
function Ok($row) { $null -ne $row -and $row.CountOk }

Write-Figure 'fleet-1region-vs-quota-bound' $(if (Ok $a) { $a.Seconds }) 's' $a.BoundSeconds 's (target ratio <= 1.15)'
Write-Figure 'fleet-1region-vs-parallel-loop' $(if (Ok $a) { $a.Seconds }) 's' $(if (Ok $aParallel) { $aParallel.Seconds }) 's'
Write-Figure 'fleet-1region-vs-cli' $(if (Ok $a) { $a.Seconds }) 's' $(if (Ok $aCli) { $aCli.Seconds }) 's'
Write-Figure 'fleet-parallel-loop-vs-quota-bound' $(if (Ok $aParallel) { $aParallel.Seconds }) 's' $aParallel.BoundSeconds 's'
if ($aCli) { Write-Figure 'fleet-cli-vs-quota-bound' $(if (Ok $aCli) { $aCli.Seconds }) 's' $aCli.BoundSeconds 's' }
Write-Figure 'fleet-3regions-rate-vs-1region' $(if (Ok $b) { $b.Rate }) 'points/s' $(if (Ok $a) { $a.Rate }) 'points/s (target ratio >= 2.5)' '0'
Write-Figure 'fleet-3regions-vs-quota-bound' $(if (Ok $b) { $b.Seconds }) 's' $b.BoundSeconds 's'
Write-Figure 'fleet-logs-vs-10tps-bound' $(if (Ok $c) { $c.Seconds }) 's' $(if ($c) { $c.BoundSeconds }) 's (target ratio <= 1.15)'
Write-Figure 'fleet-logs-vs-parallel-loop' $(if (Ok $c) { $c.Seconds }) 's' $(if (Ok $cParallel) { $cParallel.Seconds }) 's'
if ($cCli) { Write-Figure 'fleet-logs-vs-cli' $(if (Ok $c) { $c.Seconds }) 's' $(if (Ok $cCli) { $cCli.Seconds }) 's' }
$moduleRows = @($rows | Where-Object { $_.Run -like 'module*' })
Write-Host ([string]::Format($culture, 'bench fleet-module-throttling: {0} surfaced, {1} throttled by the emulator (target 0)',
        ($moduleRows | Measure-Object -Property Surfaced -Sum).Sum, ($moduleRows | Measure-Object -Property Throttled -Sum).Sum))
# The emulator must not be the bottleneck: its CPU per point served, over every metrics run that read the workload,
# against the 3 x 180,000 points/s the three-Region run needs (a ratio below 1 means it needs less than one core).
$served = @($rows | Where-Object { $_.Unit -eq 'points' -and $_.CountOk -and $_.EmulatorCpu -gt 0 })
if ($served) {
    $perCpuSecond = ($served | Measure-Object -Property Count -Sum).Sum / ($served | Measure-Object -Property EmulatorCpu -Sum).Sum
    Write-Figure 'fleet-emulator-cores-at-3-regions' (3 * $pointsQuota / $perCpuSecond) 'cores' 1 'core' '0.00'
    Write-Host ([string]::Format($culture, 'bench fleet-emulator-points-per-cpu-second: {0:0}', $perCpuSecond))
}
Write-Host ([string]::Format($culture, 'Fleet bench took {0:0} s.', $total.Elapsed.TotalSeconds))

if ($failed.Count -gt 0) {
    Write-Host 'Runs that did not return the workload (their figures are not used):'
    foreach ($item in $failed) { Write-Host "  $item" }
    exit 1
}
