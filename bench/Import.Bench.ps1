<#
.SYNOPSIS
    Import time of the staged module: median of N fresh `pwsh -NoProfile` runs with and without the import.
.DESCRIPTION
    Baseline: `pwsh -NoProfile -c exit`. Measured: `pwsh -NoProfile -c "Import-Module <staged>"`. The difference is
    what importing adds (target: under 300 ms); it includes the module system's own first-use cost, which any first
    Import-Module in a session pays. So a third figure times the import alone inside a session whose module system is
    already warm, against Microsoft.PowerShell.ThreadJob (a binary module shipped with PowerShell) timed the same way.
    Runs alternate so both sides see the same machine load. Run by `build.ps1 bench`, which passes -EmulatorUrl
    (not needed here).
#>
param(
    [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [ValidateRange(3, 100)] [int] $Runs = 11
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')

if (-not (Test-Path -LiteralPath (Join-Path $ModulePath 'SageMakerMonitoring.psd1'))) {
    throw "No staged module at '$ModulePath'. Run 'dotnet pwsh ./build.ps1 build' first."
}
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
$commandLine = Get-PwshCommandLine
$exe = $commandLine[0]
$prefix = @($commandLine | Select-Object -Skip 1)

function Measure-Pwsh([string] $Command) {
    $arguments = $prefix + @('-NoProfile', '-NonInteractive', '-Command', $Command)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $exe @arguments | Out-Null
    $watch.Stop()
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed with exit code $LASTEXITCODE." }
    return $watch.Elapsed.TotalMilliseconds
}

function Measure-InSessionImport([string] $Module) {
    # Warm the module system with a script module, then time only the import of $Module.
    $command = "Import-Module Microsoft.PowerShell.Archive; `$watch = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Module'; " +
        "[Console]::Out.Write(`$watch.Elapsed.TotalMilliseconds.ToString([Globalization.CultureInfo]::InvariantCulture))"
    $arguments = $prefix + @('-NoProfile', '-NonInteractive', '-Command', $command)
    $text = & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "Importing '$Module' failed with exit code $LASTEXITCODE." }
    return [double]::Parse((@($text) -join '').Trim(), [Globalization.CultureInfo]::InvariantCulture)
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

# One warm-up of each, so file caches are warm for both.
Measure-Pwsh 'exit' | Out-Null
Measure-Pwsh "Import-Module '$ModulePath'" | Out-Null

$bare = [Collections.Generic.List[double]]::new()
$import = [Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Pwsh 'exit'))
    $import.Add((Measure-Pwsh "Import-Module '$ModulePath'"))
}

$own = [Collections.Generic.List[double]]::new()
$peer = [Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $peer.Add((Measure-InSessionImport 'Microsoft.PowerShell.ThreadJob'))
    $own.Add((Measure-InSessionImport $ModulePath))
}

$bareMedian = Get-Median $bare.ToArray()
$importMedian = Get-Median $import.ToArray()
$added = $importMedian - $bareMedian
$culture = [Globalization.CultureInfo]::InvariantCulture
Write-Host ([string]::Format($culture, 'bench import: {0:0} ms (baseline {1:0} ms, ratio {2:0.00})', $importMedian, $bareMedian, $importMedian / $bareMedian))
Write-Host ([string]::Format($culture, 'bench import-added: {0:0} ms (baseline 300 ms, ratio {1:0.00})', $added, $added / 300))
$ownMedian = Get-Median $own.ToArray()
$peerMedian = Get-Median $peer.ToArray()
Write-Host ([string]::Format($culture, 'bench import-in-session: {0:0} ms (baseline {1:0} ms, ratio {2:0.00})', $ownMedian, $peerMedian, $ownMedian / [Math]::Max($peerMedian, 1)))
