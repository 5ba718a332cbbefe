<#
.SYNOPSIS
    Speed of the core's wire readers and of the emulator's in-process serving, each against a baseline measured in
    the same run.
.DESCRIPTION
    Builds bench/SageMakerMonitoring.Bench (Release) and runs it. Figures:
    - core-parse-getmetricdata-page: the module's GetMetricData reader on a full 100,800-datapoint page, datapoints/s.
      Baseline: a bare Utf8JsonReader token pass over the same bytes.
    - core-parse-filterlogevents-page: the module's FilterLogEvents reader on a full 10,000-event page, events/s.
      Baseline: a bare Utf8JsonReader token pass over the same bytes.
    - emulator-serve-getmetricdata: the emulator serving the 864,000-datapoint benchmark workload (16 hosts x 5 metrics
      x 3 h at 1 s) through GetMetricData pages in process (request parse, service, answer written as the host
      writes it), datapoints/s. Baseline: a bare Utf8JsonWriter writing the same answers.
    - emulator-serve-filterlogevents: the same for the first FilterLogEvents pages of the synthetic 1,000,000-event
      training job, events/s. Same kind of baseline.
    - core-client-getmetricdata-http: the path the cmdlets take, the module's CloudWatch client (AWS SDK HTTP, SigV4)
      reading the same 864,000-datapoint workload from a loopback emulator started in the bench process, datapoints/s.
      Baseline: the same pages served in process, so the ratio is what HTTP, signing and the client's reader add.
    Each side is the best of several interleaved rounds, so both see the same machine load. Takes about 15-30 s.
    Run by `build.ps1 bench`, which passes -EmulatorUrl (not needed here: the emulator runs in process).
#>
param(
    [string] $EmulatorUrl,
    # Names of the figures to run (all when empty); `dotnet <bench dll> --list` names them.
    [string[]] $Only
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')
$dotnet = Get-DotnetPath
$project = Join-Path $PSScriptRoot 'SageMakerMonitoring.Bench/SageMakerMonitoring.Bench.csproj'

$buildOutput = & $dotnet build $project -c Release --nologo -v quiet 2>&1
if ($LASTEXITCODE -ne 0) {
    $buildOutput | ForEach-Object { Write-Host $_ }
    throw "Building $project failed with exit code $LASTEXITCODE."
}

$dll = Join-Path $PSScriptRoot 'SageMakerMonitoring.Bench/bin/Release/net10.0/SageMakerMonitoring.Bench.dll'
$arguments = @($dll)
if ($Only) { $arguments += @('--only', ($Only -join ',')) }
& $dotnet @arguments
if ($LASTEXITCODE -ne 0) { throw "The core benchmarks failed with exit code $LASTEXITCODE." }
