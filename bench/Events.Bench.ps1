<#
.SYNOPSIS
    Speed of the local event-pattern engine and of Test-SageMakerEventPattern, each against a baseline measured in the same run.
.DESCRIPTION
    - events-pattern-checks: a typical SageMaker pattern (source + detail-type + status list + name prefix) compiled
      once, checked against a pre-parsed training-job event, one thread, per second of CPU time (so other load on
      the machine does not distort it; best of three rounds). Baseline: pattern and event parsed for every check.
      Target: at least 1,000,000 checks/s.
    - events-pattern-checks-event-parsed: the same pattern against the event JSON parsed for every check (what a stream
      of new events costs). Same baseline.
    - events-test-cmdlet: events/s (wall clock) through Test-SageMakerEventPattern (local engine, pipeline input).
      Baseline: the same cmdlet with -Remote against the emulator (EventBridge TestEventPattern, one call per event).
    Run by `build.ps1 bench`, which passes -EmulatorUrl.
#>
param(
    [string] $EmulatorUrl,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/SageMakerMonitoring'),
    [ValidateRange(100000, 100000000)] [int] $Iterations = 2000000,
    [ValidateRange(100, 1000000)] [int] $CmdletEvents = 20000,
    [ValidateRange(10, 10000)] [int] $RemoteEvents = 200
)

$ErrorActionPreference = 'Stop'
if (-not (Test-Path -LiteralPath (Join-Path $ModulePath 'SageMakerMonitoring.psd1'))) {
    throw "No staged module at '$ModulePath'. Run 'dotnet pwsh ./build.ps1 build' first."
}
Import-Module (Resolve-Path -LiteralPath $ModulePath).ProviderPath -Force
Import-Module (Join-Path $PSScriptRoot '../tools/ModuleTypes.psm1')
$benchmark = Get-ModuleType SageMakerMonitoring.Core.Events.EventPatternBenchmark
$culture = [Globalization.CultureInfo]::InvariantCulture

function Write-Bench([string] $Name, [double] $Value, [double] $Baseline, [string] $Unit) {
    $ratio = if ($Baseline -gt 0) { $Value / $Baseline } else { 0 }
    Write-Host ([string]::Format($culture, 'bench {0}: {1:0} {4} (baseline {2:0} {4}, ratio {3:0.0})', $Name, $Value, $Baseline, $ratio, $Unit))
}

# The engine, on this thread.
$result = $benchmark::Run($Iterations)
Write-Bench 'events-pattern-checks' $result.ChecksPerSecond $result.BaselineChecksPerSecond 'checks/s'
Write-Bench 'events-pattern-checks-event-parsed' $result.EventParsedPerCheckChecksPerSecond $result.BaselineChecksPerSecond 'checks/s'

# The cmdlet, local engine vs EventBridge TestEventPattern.
$pattern = $benchmark::TypicalPattern
$statuses = 'Failed', 'Completed', 'Stopped', 'InProgress'
$events = [Collections.Generic.List[string]]::new()
for ($i = 0; $i -lt $CmdletEvents; $i++) {
    $events.Add($benchmark::TypicalEvent.Replace('"Failed"', '"' + $statuses[$i % 4] + '"'))
}
$null = $events | Select-Object -First 1000 | Test-SageMakerEventPattern -EventPattern $pattern
$watch = [Diagnostics.Stopwatch]::StartNew()
$matched = @($events | Test-SageMakerEventPattern -EventPattern $pattern | Where-Object { $_ }).Count
$watch.Stop()
$local = $CmdletEvents / $watch.Elapsed.TotalSeconds
# Failed, Completed and Stopped match (indexes 0, 1 and 2 of every 4).
$expected = @(0..($CmdletEvents - 1) | Where-Object { $_ % 4 -ne 3 }).Count
if ($matched -ne $expected) { throw "Test-SageMakerEventPattern matched $matched of $CmdletEvents events; expected $expected." }

$remote = 0
if ($EmulatorUrl) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = $events | Select-Object -First $RemoteEvents | Test-SageMakerEventPattern -EventPattern $pattern -Remote -EndpointUrl $EmulatorUrl
    $watch.Stop()
    $remote = $RemoteEvents / $watch.Elapsed.TotalSeconds
}
Write-Bench 'events-test-cmdlet' $local $remote 'events/s'
