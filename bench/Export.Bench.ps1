<#
.SYNOPSIS
    Export-SageMakerMetric: one new hour of 1-second data for 16 hosts x 5 metrics (288,000 datapoints), end to end in
    a fresh pwsh process, and the archive's bytes per datapoint.
.DESCRIPTION
    Generates 2 hours of 1-second data for a 16-host training job in the emulator, exports the first hour (the
    "previous run", untimed), then times a fresh `pwsh -NoProfile -NonInteractive -Command "Import-Module ...;
    Export-SageMakerMetric ..."` that exports the next hour: process start, import, discovery, GetMetricData, gzip
    and the commit. Baseline for time: the same process start and import without the export (target: export < 10 s).
    Size: bytes on disk per datapoint (target <= 20), baseline the uncompressed JSON Lines bytes per datapoint.
    Run by `build.ps1 bench`, which passes -EmulatorUrl and sets the AWS environment for it.
#>
param(
    [Parameter(Mandatory)] [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring')
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$commandLine = Get-PwshCommandLine
$culture = [Globalization.CultureInfo]::InvariantCulture
$iso = { param($t) $t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $culture) }

function Measure-Pwsh([string] $Command) {
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $commandLine[0] @arguments | Out-Null
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalSeconds
}

$now = [DateTime]::UtcNow
$end = $now.AddMinutes(-5)
$end = $end.AddTicks(-($end.Ticks % [TimeSpan]::TicksPerMinute))
$body = @{ jobName = 'bench-export'; hosts = 16; seconds = 7800; resolution = 1; end = (& $iso $now) } | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri "$EmulatorUrl/_emulator/monitoring/synthetic" -Body $body -ContentType 'application/json' | Out-Null

$folder = Join-Path ([IO.Path]::GetTempPath()) ('smm-export-bench-' + [Guid]::NewGuid().ToString('n').Substring(0, 12))
try {
    # The previous run: the hour before.
    Import-Module $ModulePath
    $null = Export-SageMakerMetric -TrainingJobName bench-export -Path $folder -Since 1h -EndTime $end.AddHours(-1)

    Measure-Pwsh "Import-Module '$ModulePath'" | Out-Null # warm caches
    $baseline = Measure-Pwsh "Import-Module '$ModulePath'"
    $before = @(Get-ChildItem -LiteralPath $folder -Recurse -File -Filter 'part-*' | ForEach-Object FullName)
    $export = Measure-Pwsh "Import-Module '$ModulePath'; `$s = Export-SageMakerMetric -TrainingJobName bench-export -Path '$folder' -EndTime '$(& $iso $end)'; if (`$s.Datapoints -ne 288000) { throw ""exported `$(`$s.Datapoints) datapoints, expected 288000"" }"

    # Every data file the timed run wrote (it may commit in more than one step), and the rows they hold.
    $written = @(Get-ChildItem -LiteralPath $folder -Recurse -File -Filter 'part-*' | Where-Object { $_.FullName -notin $before })
    $bytes = ($written | Measure-Object Length -Sum).Sum
    $raw = 0L
    $rows = 0L
    foreach ($file in $written) {
        $gzip = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress)
        $sink = [IO.MemoryStream]::new()
        $gzip.CopyTo($sink); $gzip.Dispose()
        $raw += $sink.Length
        $data = $sink.ToArray()
        $at = [Array]::IndexOf($data, [byte]10)
        while ($at -ge 0) { $rows++; $at = [Array]::IndexOf($data, [byte]10, $at + 1) }
    }
    if ($rows -ne 288000) { throw "The timed run wrote $rows rows in $($written.Count) file(s), expected 288000." }
    $perPoint = $bytes / 288000
    $rawPerPoint = $raw / 288000

    Write-Host ([string]::Format($culture, 'bench export-hour-1s-16x5: {0:0.00} s (baseline {1:0.00} s, ratio {2:0.00})', $export, $baseline, $export / $baseline))
    Write-Host ([string]::Format($culture, 'bench export-hour-target: {0:0.00} s (baseline 10.00 s, ratio {1:0.00})', $export, $export / 10))
    Write-Host ([string]::Format($culture, 'bench export-bytes-per-datapoint: {0:0.00} bytes (baseline {1:0.00} bytes, ratio {2:0.000})', $perPoint, $rawPerPoint, $perPoint / $rawPerPoint))
    Write-Host ([string]::Format($culture, 'bench export-bytes-target: {0:0.00} bytes (baseline 20.00 bytes, ratio {1:0.00})', $perPoint, $perPoint / 20))
}
finally {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
