<#
.SYNOPSIS
    Runs Pester test files against the staged module, each in a fresh `pwsh -NoProfile -NonInteractive` process.
.DESCRIPTION
    A loaded dll cannot be unloaded and the AWS SDK reads some settings once per process, so every test file gets a
    process of its own, with out/ first on PSModulePath (so `Import-Module SageMakerMonitoring` finds the staged
    module), and with no AWS_* variable of the calling shell (see tools/HermeticEnvironment.psm1). Prints
    `N passed, N failed, N skipped` for the files it ran.
    Without -PassThru it exits 1 when anything failed; with -PassThru it returns an object with Passed, Failed and
    Skipped instead (build.ps1 test adds them to the xunit counts).
    Run `dotnet pwsh ./build.ps1 build` first.
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Pester/Invoke-Pester.ps1 -Path tests/Pester/Metrics.Tests.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File tests/Pester/Invoke-Pester.ps1 -FullNameFilter '*help*'
#>
[CmdletBinding()]
param(
    # Test files to run; default every *.Tests.ps1 beside this script.
    [string[]] $Path,
    # The staged module folder.
    [string] $ModulePath = (Join-Path $PSScriptRoot '../../out/SageMakerMonitoring'),
    # Pester.psd1 to import; default: restored from NuGet through tools/TestDependencies.
    [string] $PesterModulePath,
    # Where the NUnit XML results go (one file per test file).
    [string] $ResultFolder = (Join-Path $PSScriptRoot '../../out/TestResults'),
    # Pester's output verbosity.
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Detailed',
    # Only tests whose full name matches one of these wildcard patterns.
    [string[]] $FullNameFilter,
    [switch] $PassThru,

    # Used by this script itself to run one file inside the fresh process.
    [Parameter(DontShow)] [string] $RunFile,
    [Parameter(DontShow)] [string] $CountFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$repositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath

function Get-FirstLine([object] $ErrorRecords) {
    $record = @($ErrorRecords) | Select-Object -First 1
    if ($null -eq $record) { return '' }
    return ("$record" -split "`r?`n")[0]
}

if ($RunFile) {
    # Inside the fresh process: run one file and write its counts as JSON. Test files run without strict mode.
    Set-StrictMode -Off
    Import-Module -Name $PesterModulePath -Force
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $RunFile
    $configuration.Run.PassThru = $true
    $configuration.Run.Exit = $false
    $configuration.Output.Verbosity = $Output
    if ($env:NO_COLOR -or [Console]::IsOutputRedirected) { $configuration.Output.RenderMode = 'Plaintext' }
    if ($FullNameFilter) { $configuration.Filter.FullName = @($FullNameFilter -split ',') }
    $result = Invoke-Pester -Configuration $configuration
    $counts = if ($null -eq $result) {
        Write-Warning "Pester returned no result for $RunFile; counting it as one failure."
        @{ Passed = 0; Failed = 1; Skipped = 0; FailedNames = @("$([IO.Path]::GetFileName($RunFile)): no result") }
    }
    else {
        # What failed, named, so that the end of a long run says which test to look at.
        $failedNames = @(
            foreach ($test in $result.Failed) { $test.ExpandedPath + ': ' + (Get-FirstLine $test.ErrorRecord) }
            foreach ($block in $result.FailedBlocks) { $block.ExpandedPath + ' (setup): ' + (Get-FirstLine $block.ErrorRecord) }
            foreach ($container in $result.FailedContainers) { "$($container.Item) (file): " + (Get-FirstLine $container.ErrorRecord) }
        )
        @{
            Passed      = $result.PassedCount
            Failed      = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
            Skipped     = $result.SkippedCount + $result.InconclusiveCount
            FailedNames = $failedNames
        }
    }
    $counts | ConvertTo-Json | Set-Content -LiteralPath $CountFile -Encoding utf8
    if ($null -ne $result) {
        # The XML report is a by-product: a failure to write it must not lose the counts.
        $reportPath = Join-Path $ResultFolder ("pester-" + [IO.Path]::GetFileNameWithoutExtension($RunFile) + '.xml')
        try { $result | Export-NUnitReport -Path $reportPath }
        catch { Write-Warning "Could not write $($reportPath): $($_.Exception.Message)" }
    }
    exit 0
}

Import-Module (Join-Path $repositoryRoot 'tools/Processes.psm1')
Import-Module (Join-Path $repositoryRoot 'tools/HermeticEnvironment.psm1')
if (-not $PesterModulePath) {
    Import-Module (Join-Path $repositoryRoot 'tools/TestDependencies/TestDependencies.psm1')
    $PesterModulePath = (Restore-TestDependency).PesterModule
}
if (-not (Test-Path -LiteralPath (Join-Path $ModulePath 'SageMakerMonitoring.psd1'))) {
    throw "No staged module at '$ModulePath'. Run 'dotnet pwsh ./build.ps1 build' first."
}
$ModulePath = (Resolve-Path -LiteralPath $ModulePath).ProviderPath
New-Item -ItemType Directory -Path $ResultFolder -Force | Out-Null
$ResultFolder = (Resolve-Path -LiteralPath $ResultFolder).ProviderPath

$files = if ($Path) {
    foreach ($item in $Path) { (Resolve-Path -Path $item).ProviderPath }
}
else {
    Get-ChildItem -LiteralPath $PSScriptRoot -Filter *.Tests.ps1 -File | Sort-Object Name | ForEach-Object FullName
}
$files = @($files)
if (-not $files.Count) { throw 'No Pester test files found.' }

# Hermetic: each file's process starts without any AWS_* variable of this shell (AWS_PROFILE, AWS_MAX_ATTEMPTS,
# AWS_ENDPOINT_URL, ...) and with empty shared config/credentials files; the tests set what they rely on.
$environment = Get-HermeticAwsEnvironment
$environment.PSModulePath = (Split-Path -Parent $ModulePath) + [IO.Path]::PathSeparator + $env:PSModulePath
$environment.SAGEMAKERMONITORING_MODULE = $ModulePath
$totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; FailedNames = [Collections.Generic.List[string]]::new() }
foreach ($file in $files) {
    Write-Host ''
    Write-Host "---- $([IO.Path]::GetFileName($file)) ----"
    $countFile = Join-Path ([IO.Path]::GetTempPath()) ("pester-counts-" + [Guid]::NewGuid().ToString('n') + '.json')
    $arguments = @('-File', $PSCommandPath, '-RunFile', $file, '-CountFile', $countFile, '-PesterModulePath', $PesterModulePath,
        '-ModulePath', $ModulePath, '-ResultFolder', $ResultFolder, '-Output', $Output)
    if ($FullNameFilter) { $arguments += @('-FullNameFilter', ($FullNameFilter -join ',')) }
    $exitCode = Invoke-Pwsh -ArgumentList $arguments -Environment $environment
    if (Test-Path -LiteralPath $countFile) {
        $counts = Get-Content -Raw -LiteralPath $countFile | ConvertFrom-Json
        Remove-Item -LiteralPath $countFile
        $totals.Passed += $counts.Passed
        $totals.Failed += $counts.Failed
        $totals.Skipped += $counts.Skipped
        foreach ($name in @($counts.FailedNames)) { if ($name) { $totals.FailedNames.Add($name) } }
    }
    else {
        Write-Warning "$file did not finish (pwsh exit code $exitCode); counting it as one failure."
        $totals.Failed += 1
        $totals.FailedNames.Add("$([IO.Path]::GetFileName($file)): did not finish (pwsh exit code $exitCode)")
    }
}

Write-Host ''
if (-not $PassThru) { foreach ($name in $totals.FailedNames) { Write-Host "FAILED $name" } }
Write-Host "$($totals.Passed) passed, $($totals.Failed) failed, $($totals.Skipped) skipped"
if ($PassThru) { return [pscustomobject]$totals }
exit $(if ($totals.Failed -gt 0) { 1 } else { 0 })
