<#
.SYNOPSIS
    The first Get-SageMakerMetric of a fresh pwsh: how long until its first datapoint, what the import costs, and
    the staged module's size.
.DESCRIPTION
    Each run is a fresh `pwsh -NoProfile` that imports the module (timed), then times one Get-SageMakerMetric against
    the emulator up to its first datapoint (`Select-Object -First 1`), then a second one (the warm figure). Median of
    -Runs runs (default 5), for the staged module as PowerShell 7 loads it and, side by side, for its netstandard2.0
    build alone (the build Windows PowerShell 5.1, PowerShell 7.4/7.5 and other platforms load), when the staged module has
    ReadyToRun folders.
    Targets: first call within 150 ms after import; import within 300 ms over a bare pwsh; module under 40 MB.
    Run by `build.ps1 bench`, which passes -EmulatorUrl.
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [ValidateRange(1, 50)] [int] $Runs = 5
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$culture = [Globalization.CultureInfo]::InvariantCulture
$commandLine = Get-PwshCommandLine

$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
$env:AWS_REGION = 'us-east-1'
$env:AWS_ENDPOINT_URL = $EmulatorUrl
$env:AWS_EC2_METADATA_DISABLED = 'true'
# PowerShell's own start-up telemetry is no part of the module's cost.
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_PROFILE -ErrorAction SilentlyContinue

function Invoke-Control([string] $Method, [string] $Route, $Body) {
    $json = if ($null -ne $Body) { ConvertTo-Json -Depth 10 -Compress $Body } else { '{}' }
    Invoke-RestMethod -Method $Method -Uri "$EmulatorUrl/_emulator/$Route" -ContentType 'application/json' -Body $json
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

# A small job: one host, one metric, ten minutes at one-second resolution.
$end = [DateTime]::UtcNow.AddSeconds(60)
$end = $end.AddTicks(-($end.Ticks % [TimeSpan]::TicksPerSecond))
$start = $end.AddMinutes(-10)
Invoke-Control POST 'clock' @{ real = $true } | Out-Null
Invoke-Control POST 'monitoring/synthetic' @{ jobName = 'firstcall-train'; hosts = 1; metrics = @('CPUUtilization'); seconds = 600; resolution = 1; end = $end.ToString('o') } | Out-Null

function Measure-FreshProcess([string] $Import) {
    # Times are taken inside the process; the bare-pwsh comparison for the import is Import.Bench.ps1's.
    $script = @"
`$ErrorActionPreference = 'Stop'
`$start = [DateTime]::Parse('$($start.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
`$end = [DateTime]::Parse('$($end.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
`$watch = [Diagnostics.Stopwatch]::StartNew()
Import-Module '$Import'
`$import = `$watch.Elapsed.TotalMilliseconds
`$watch.Restart()
`$first = Get-SageMakerMetric -TrainingJobName firstcall-train -StartTime `$start -EndTime `$end | Select-Object -First 1
`$call = `$watch.Elapsed.TotalMilliseconds
if (`$null -eq `$first) { throw 'The first call returned nothing.' }
`$watch.Restart()
`$second = Get-SageMakerMetric -TrainingJobName firstcall-train -StartTime `$start -EndTime `$end | Select-Object -First 1
`$warm = `$watch.Elapsed.TotalMilliseconds
'RESULT ' + ((`$import, `$call, `$warm | ForEach-Object { `$_.ToString([Globalization.CultureInfo]::InvariantCulture) }) -join ' ')
"@
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
    $output = & $commandLine[0] @arguments 2>&1 | ForEach-Object { "$_" }
    $line = $output | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { throw "The first-call run printed no result:`n$($output -join "`n")" }
    $parts = $line.Split(' ')
    [pscustomobject]@{ Import = [double]::Parse($parts[1], $culture); First = [double]::Parse($parts[2], $culture); Warm = [double]::Parse($parts[3], $culture) }
}

# The netstandard2.0 build alone: a copy of the staged module without the ReadyToRun folders, so the .psm1 falls back.
$variants = [ordered]@{ staged = $ModulePath }
$readyToRun = @(Get-ChildItem -LiteralPath $ModulePath -Directory -Filter 'net10.0-*')
$fallback = $null
if ($readyToRun) {
    $fallback = Join-Path ([IO.Path]::GetTempPath()) ('firstcall-netstandard-' + [Guid]::NewGuid().ToString('n'))
    $copy = Join-Path $fallback 'SageMakerMonitoring'
    Copy-Item -LiteralPath $ModulePath -Destination $copy -Recurse
    foreach ($folder in $readyToRun) { Remove-Item -LiteralPath (Join-Path $copy $folder.Name) -Recurse -Force }
    $variants['netstandard2.0'] = $copy
}
try {
    foreach ($name in $variants.Keys) { Measure-FreshProcess $variants[$name] | Out-Null } # warm the file cache
    $results = @{}
    foreach ($name in $variants.Keys) { $results[$name] = [Collections.Generic.List[object]]::new() }
    for ($i = 0; $i -lt $Runs; $i++) {
        # Alternate, so both builds see the same machine load.
        foreach ($name in $variants.Keys) { $results[$name].Add((Measure-FreshProcess $variants[$name])) }
    }
}
finally {
    if ($fallback) { Remove-Item -LiteralPath $fallback -Recurse -Force -ErrorAction SilentlyContinue }
}

$staged = $results['staged']
$first = Get-Median ($staged | ForEach-Object First)
$import = Get-Median ($staged | ForEach-Object Import)
$warm = Get-Median ($staged | ForEach-Object Warm)
Write-Host ([string]::Format($culture, 'bench first-call: {0:0} ms (baseline 150 ms, ratio {1:0.00})', $first, $first / 150))
Write-Host ([string]::Format($culture, 'bench first-call-import: {0:0} ms (baseline 300 ms, ratio {1:0.00})', $import, $import / 300))
Write-Host ([string]::Format($culture, 'bench first-call-warm: {0:0} ms (baseline {1:0} ms, ratio {2:0.00})', $warm, $first, $warm / $first))
if ($results.Contains('netstandard2.0')) {
    $other = $results['netstandard2.0']
    $otherFirst = Get-Median ($other | ForEach-Object First)
    $otherImport = Get-Median ($other | ForEach-Object Import)
    Write-Host ([string]::Format($culture, 'bench first-call-vs-netstandard2.0: {0:0} ms (baseline {1:0} ms, ratio {2:0.00})', $first, $otherFirst, $first / $otherFirst))
    Write-Host ([string]::Format($culture, 'bench first-call-import-vs-netstandard2.0: {0:0} ms (baseline {1:0} ms, ratio {2:0.00})', $import, $otherImport, $import / $otherImport))
}
$bytes = (Get-ChildItem -LiteralPath $ModulePath -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ([string]::Format($culture, 'bench module-size: {0:0.0} MB (baseline 40 MB, ratio {1:0.00})', $bytes / 1MB, $bytes / 1MB / 40))
