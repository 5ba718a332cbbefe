<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the SageMakerMonitoring module.

.DESCRIPTION
    Run it with the repository's own PowerShell: `dotnet tool restore; dotnet pwsh ./build.ps1 <task>`.

    build     Compiles Release and stages the importable module in out/SageMakerMonitoring (manifest, dlls,
              format/type files, help) and the emulator in out/emulator. (default)
    test      build, then the xunit tests, then the Pester tests; prints `N passed, N failed, N skipped` last and
              exits non-zero when anything failed.
    demo      build, start the emulator seeded with the demo world, run demo/*.ps1 against it, stop it.
    emulator  Runs the emulator in the foreground (-Port, -Seed) until Ctrl+C.
    bench     build, start an emulator, run bench/*.Bench.ps1 against it (-BenchPath: only these files).
    clean     Removes out/ and every bin/ and obj/ folder.

.EXAMPLE
    dotnet pwsh ./build.ps1 test

.EXAMPLE
    dotnet pwsh ./build.ps1 emulator -Port 4566 -Seed demo
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'demo', 'emulator', 'bench', 'clean')]
    [string] $Task = 'build',

    # emulator: the port to listen on (0 picks a free one).
    [ValidateRange(0, 65535)]
    [int] $Port = 4566,

    # emulator: the data it starts with.
    [ValidateSet('demo', 'empty')]
    [string] $Seed = 'demo',

    # test: Pester files to run (default: every tests/Pester/*.Tests.ps1).
    [string[]] $PesterPath,

    # bench: benchmark files to run (default: every bench/*.Bench.ps1), e.g. bench/Fleet.Bench.ps1.
    [string[]] $BenchPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
if ([Console]::IsOutputRedirected -or $env:CI -eq 'true') {
    # Logs read as plain text: no ANSI colour codes from this or any child pwsh.
    $PSStyle.OutputRendering = 'PlainText'
    $env:NO_COLOR = '1'
}

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'SageMakerMonitoring'
$EmulatorOut = Join-Path $Out 'emulator'
$EmulatorDll = Join-Path $EmulatorOut 'SageMakerMonitoring.Emulator.dll'
$PublishOut = Join-Path $Out 'publish'
$TestResults = Join-Path $Out 'TestResults'
$Manifest = Join-Path $Root 'SageMakerMonitoring.psd1'
$FormatsFolder = Join-Path $Root 'src/SageMakerMonitoring/Formats'

Import-Module (Join-Path $Root 'tools/Processes.psm1') -Force
Import-Module (Join-Path $Root 'tools/HermeticEnvironment.psm1') -Force
Import-Module (Join-Path $Root 'tools/TestDependencies/TestDependencies.psm1') -Force

# What the staged module folder holds besides the manifest, formats and help: the module's own assemblies and what
# they need at run time on PowerShell 7 and on Windows PowerShell 5.1 (the System.* netstandard shims are loaded only
# on .NET Framework; PowerShell 7 uses its own). Never System.Management.Automation.dll.
$StagedAssemblies = @(
    'SageMakerMonitoring.dll'
    'SageMakerMonitoring.Core.dll'
    'AWSSDK.Core.dll'
    'AWSSDK.S3.dll'
    'AWSSDK.SecurityToken.dll'
    'AWSSDK.SSO.dll'
    'AWSSDK.SSOOIDC.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Buffers.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Text.Encodings.Web.dll'
    'System.Text.Json.dll'
    'System.Threading.Tasks.Extensions.dll'
)

# PowerShell 7.6+ (.NET 10) loads ReadyToRun images from net10.0-<rid>/ (SageMakerMonitoring.psm1 chooses): the module's
# own assemblies and the AWS SDK's, compiled ahead of time for these platforms. Anything else loads the folder's root.
$ReadyToRunRuntimes = @('linux-x64', 'win-x64', 'osx-arm64')
$ReadyToRunAssemblies = @(
    'SageMakerMonitoring.dll'
    'SageMakerMonitoring.Core.dll'
    'AWSSDK.Core.dll'
    'AWSSDK.S3.dll'
    'AWSSDK.SecurityToken.dll'
    'AWSSDK.SSO.dll'
    'AWSSDK.SSOOIDC.dll'
)

# PowerShell 7 (.NET 8+) loads the module through loader/SageMakerMonitoring.Loader.dll, the one assembly of the module in
# PowerShell's default load context: it defines the module's own AssemblyLoadContext and depends on nothing else.
$LoaderAssembly = 'SageMakerMonitoring.Loader.dll'

# ---------------------------------------------------------------------------------------------------------------- helpers

function Write-Step([string] $Message) {
    Write-Host "==> $Message" -ForegroundColor Cyan
}

# The demo asks dotnet for errors and warnings only: its progress lines (full paths of every output) are wider than
# the 80-column terminal the demo is read in.
$script:QuietDotnet = $false

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $ArgumentList, [switch] $AllowFailure)
    if ($script:QuietDotnet) { $ArgumentList += @('--verbosity', 'quiet') }
    & (Get-DotnetPath) @ArgumentList | Out-Host
    $code = $LASTEXITCODE
    if ($code -ne 0 -and -not $AllowFailure) { throw "dotnet $($ArgumentList -join ' ') failed with exit code $code." }
    return $code
}

function Get-ProjectVersion {
    $props = [xml](Get-Content -Raw -LiteralPath (Join-Path $Root 'Directory.Build.props'))
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    return $version
}

function Assert-ManifestVersion {
    $data = Import-PowerShellDataFile -LiteralPath $Manifest
    $version = Get-ProjectVersion
    if ($data.ModuleVersion -ne $version) {
        throw "SageMakerMonitoring.psd1 has ModuleVersion '$($data.ModuleVersion)' but Directory.Build.props has Version '$version'. Make them equal."
    }
}

function Assert-ManifestFormats {
    # FormatsToProcess / TypesToProcess must name exactly the files in src/SageMakerMonitoring/Formats.
    $data = Import-PowerShellDataFile -LiteralPath $Manifest
    foreach ($kind in @(@{ Key = 'FormatsToProcess'; Filter = '*.format.ps1xml' }, @{ Key = 'TypesToProcess'; Filter = '*.types.ps1xml' })) {
        $listed = @($data[$kind.Key] | ForEach-Object { Split-Path -Leaf $_ } | Sort-Object)
        $present = @(Get-ChildItem -LiteralPath $FormatsFolder -Filter $kind.Filter -File -ErrorAction SilentlyContinue | ForEach-Object Name | Sort-Object)
        $difference = Compare-Object -ReferenceObject $present -DifferenceObject $listed
        if ($difference) {
            $missing = @($difference | Where-Object SideIndicator -EQ '<=' | ForEach-Object InputObject)
            $extra = @($difference | Where-Object SideIndicator -EQ '=>' | ForEach-Object InputObject)
            throw ("SageMakerMonitoring.psd1 $($kind.Key) does not match src/SageMakerMonitoring/Formats." +
                $(if ($missing) { " Not listed: $($missing -join ', ')." }) + $(if ($extra) { " Listed but missing: $($extra -join ', ')." }))
        }
    }
}

function Remove-Folder([string] $Path) {
    if (Test-Path -LiteralPath $Path) { Remove-Item -LiteralPath $Path -Recurse -Force }
}

function Publish-Emulator {
    Write-Step 'Compiling the emulator (Release)'
    Remove-Folder $EmulatorOut
    Invoke-Dotnet -ArgumentList @('publish', (Join-Path $Root 'src/SageMakerMonitoring.Emulator/SageMakerMonitoring.Emulator.csproj'),
        '-c', 'Release', '-o', $EmulatorOut, '--nologo') | Out-Null
}

function Copy-ModuleFiles {
    Remove-Folder $ModuleOut
    New-Item -ItemType Directory -Path $ModuleOut | Out-Null
    $modulePublish = Join-Path $PublishOut 'SageMakerMonitoring'

    $published = @(Get-ChildItem -LiteralPath $modulePublish -Filter *.dll -File | ForEach-Object Name)
    $unlisted = @($published | Where-Object { $_ -notin $StagedAssemblies -and $_ -ne 'System.Management.Automation.dll' })
    if ($unlisted) {
        throw "The module now depends on $($unlisted -join ', '), which build.ps1 does not stage. Add it to `$StagedAssemblies if it is needed at run time."
    }
    foreach ($name in $StagedAssemblies) {
        $source = Join-Path $modulePublish $name
        if (-not (Test-Path -LiteralPath $source)) { throw "Expected '$name' in the publish output ($modulePublish) but it is not there." }
        Copy-Item -LiteralPath $source -Destination $ModuleOut
    }
    $loaderPublish = Join-Path $PublishOut 'SageMakerMonitoring.Loader'
    $loaderFiles = @(Get-ChildItem -LiteralPath $loaderPublish -Filter *.dll -File | ForEach-Object Name)
    if (($loaderFiles -join ',') -ne $LoaderAssembly) {
        throw "The loader must depend on nothing but the runtime; its publish output holds $($loaderFiles -join ', ')."
    }
    New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'loader') | Out-Null
    Copy-Item -LiteralPath (Join-Path $loaderPublish $LoaderAssembly) -Destination (Join-Path $ModuleOut 'loader')
    Copy-Item -LiteralPath $Manifest -Destination $ModuleOut
    Copy-Item -LiteralPath (Join-Path $Root 'src/SageMakerMonitoring/SageMakerMonitoring.psm1') -Destination $ModuleOut
    foreach ($runtime in $ReadyToRunRuntimes) {
        $target = Join-Path $ModuleOut "net10.0-$runtime"
        New-Item -ItemType Directory -Path $target | Out-Null
        foreach ($name in $ReadyToRunAssemblies) {
            Copy-Item -LiteralPath (Join-Path $PublishOut "SageMakerMonitoring-net10.0-$runtime/$name") -Destination $target
        }
    }
    Get-ChildItem -LiteralPath $FormatsFolder -File -ErrorAction SilentlyContinue |
        Where-Object { $_.Name -like '*.format.ps1xml' -or $_.Name -like '*.types.ps1xml' } |
        Copy-Item -Destination $ModuleOut
}

function Invoke-ToolScript([string] $Script, [string[]] $ArgumentList) {
    # Tools that import the built module run in a fresh pwsh, so this process never loads a module dll.
    $code = Invoke-Pwsh -ArgumentList (@('-File', (Join-Path $Root "tools/$Script")) + $ArgumentList)
    if ($code -ne 0) { throw "tools/$Script failed with exit code $code." }
}

function Assert-ExternalTools {
    # moto_server and the aws CLI back some suites. With CI=true a missing one fails the run; elsewhere those suites
    # are skipped (each suite says so).
    foreach ($tool in 'moto_server', 'aws') {
        if (Get-Command $tool -CommandType Application -ErrorAction SilentlyContinue) { continue }
        if ($env:CI -eq 'true') { throw "'$tool' is not on PATH. CI requires it (moto 5.2.1 / AWS CLI); install it and run again." }
        Write-Warning "'$tool' is not on PATH: the test suites that need it are skipped."
    }
}

function Get-FirstLine([string] $Text) {
    if (-not $Text) { return '' }
    return ($Text.Trim() -split "`r?`n")[0]
}

function Read-XunitCounts([string] $TrxPath) {
    if (-not (Test-Path -LiteralPath $TrxPath)) { return $null }
    $trx = [xml](Get-Content -Raw -LiteralPath $TrxPath)
    $counters = $trx.TestRun.ResultSummary.Counters
    $failed = 0
    foreach ($name in 'failed', 'error', 'timeout', 'aborted') {
        if ($counters.HasAttribute($name)) { $failed += [int]$counters.GetAttribute($name) }
    }
    $failedNames = @(foreach ($result in $trx.TestRun.Results.UnitTestResult) {
            if ($result.outcome -in 'Failed', 'Error', 'Timeout', 'Aborted') {
                $message = $result.SelectSingleNode("*[local-name()='Output']/*[local-name()='ErrorInfo']/*[local-name()='Message']")
                $result.testName + ': ' + (Get-FirstLine $(if ($message) { $message.InnerText }))
            }
        })
    [pscustomobject]@{
        Passed      = [int]$counters.passed
        Failed      = $failed
        Skipped     = [int]$counters.notExecuted
        FailedNames = $failedNames
    }
}

function Invoke-FrameworkTests {
    # Core's emulator-free xunit tests, built against Core's net472 build and run by Mono (the closest runtime to
    # Windows PowerShell 5.1's .NET Framework here). Mono comes from Debian's mono-complete, installed when missing
    # and running as root or under CI; elsewhere the run is skipped with a warning, never under CI=true.
    if (-not (Get-Command mono -CommandType Application -ErrorAction SilentlyContinue)) {
        $isRoot = $IsLinux -and (& id -u) -eq '0'
        if (($isRoot -or $env:CI -eq 'true') -and (Get-Command apt-get -CommandType Application -ErrorAction SilentlyContinue)) {
            Write-Step 'Installing mono-complete (apt-get)'
            $env:DEBIAN_FRONTEND = 'noninteractive'
            & apt-get update -q | Out-Host
            & apt-get install -y -q --no-install-recommends mono-complete | Out-Host
            if ($LASTEXITCODE -ne 0) { throw "apt-get install mono-complete failed with exit code $LASTEXITCODE." }
        }
        elseif ($env:CI -eq 'true') { throw "'mono' is not on PATH and cannot be installed here; CI requires the .NET Framework test run." }
        else {
            Write-Warning "'mono' is not on PATH (install Debian's mono-complete): the .NET Framework test run is skipped."
            return [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
        }
    }
    $project = Join-Path $Root 'tests/SageMakerMonitoring.Core.FrameworkTests'
    Invoke-Dotnet -ArgumentList @('build', (Join-Path $project 'SageMakerMonitoring.Core.FrameworkTests.csproj'), '-c', 'Release', '--nologo') | Out-Null
    $bin = Join-Path $project 'bin/Release/net472'
    $xml = Join-Path $TestResults 'xunit-mono.xml'
    Remove-Item -LiteralPath $xml -ErrorAction SilentlyContinue
    # No separate AppDomain: unloading one at the end of the run can leave Mono spinning on its timer thread forever.
    # The run takes seconds; coreutils' timeout turns any other hang into a failure instead of the whole CI budget.
    $runner = @('mono', (Join-Path $bin 'runner/xunit.console.exe'), (Join-Path $bin 'SageMakerMonitoring.Core.FrameworkTests.dll'),
        '-nologo', '-noshadow', '-appdomains', 'denied', '-xml', $xml)
    if ($IsLinux -and (Get-Command timeout -CommandType Application -ErrorAction SilentlyContinue)) { $runner = @('timeout', '--kill-after=10', '600') + $runner }
    & $runner[0] @($runner | Select-Object -Skip 1) | Out-Host
    $exit = $LASTEXITCODE
    if ($exit -eq 124 -or $exit -eq 137) { Write-Warning "The Mono run did not finish within 10 minutes and was stopped (exit code $exit)." }
    if (-not (Test-Path -LiteralPath $xml)) {
        Write-Warning "The Mono run wrote no results (exit code $exit); counting it as one failure."
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; FailedNames = @("xunit on Mono: no results (exit code $exit)") }
    }
    $assembly = ([xml](Get-Content -Raw -LiteralPath $xml)).assemblies.assembly
    $failedNames = @(foreach ($test in $assembly.SelectNodes('.//test[@result="Fail"]')) {
            $message = $test.SelectSingleNode('failure/message')
            'Mono: ' + $test.name + ': ' + (Get-FirstLine $(if ($message) { $message.InnerText }))
        })
    $counts = [pscustomobject]@{
        Passed      = [int]$assembly.GetAttribute('passed')
        Failed      = [int]$assembly.GetAttribute('failed') + [int]$assembly.GetAttribute('errors')
        Skipped     = [int]$assembly.GetAttribute('skipped')
        FailedNames = $failedNames
    }
    if ($exit -ne 0 -and $counts.Failed -eq 0) { $counts.Failed = 1; $counts.FailedNames = @("xunit on Mono: exit code $exit although no test failed") }
    return $counts
}

function Use-EmulatorEnvironment([string] $Url) {
    # Cmdlets started from here reach the emulator with its default key pair.
    $env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
    $env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL = $Url
    $env:AWS_EC2_METADATA_DISABLED = 'true'
    Remove-Item Env:AWS_SESSION_TOKEN, Env:AWS_PROFILE -ErrorAction SilentlyContinue
}

# ------------------------------------------------------------------------------------------------------------------ tasks

function Invoke-BuildTask {
    Write-Step 'Checking the manifest'
    Assert-ManifestVersion
    Assert-ManifestFormats

    Write-Step 'Compiling the module (Release)'
    # A fresh publish folder, so a dependency dropped since the last build cannot linger there.
    Remove-Folder (Join-Path $PublishOut 'SageMakerMonitoring')
    Invoke-Dotnet -ArgumentList @('publish', (Join-Path $Root 'src/SageMakerMonitoring/SageMakerMonitoring.csproj'),
        '-c', 'Release', '-f', 'netstandard2.0', '-o', (Join-Path $PublishOut 'SageMakerMonitoring'), '--nologo') | Out-Null
    Remove-Folder (Join-Path $PublishOut 'SageMakerMonitoring.Loader')
    Invoke-Dotnet -ArgumentList @('publish', (Join-Path $Root 'src/SageMakerMonitoring.Loader/SageMakerMonitoring.Loader.csproj'),
        '-c', 'Release', '-o', (Join-Path $PublishOut 'SageMakerMonitoring.Loader'), '--nologo') | Out-Null
    foreach ($runtime in $ReadyToRunRuntimes) {
        Write-Step "Compiling ReadyToRun images for PowerShell 7.6+ on $runtime"
        $folder = Join-Path $PublishOut "SageMakerMonitoring-net10.0-$runtime"
        Remove-Folder $folder
        Invoke-Dotnet -ArgumentList @('publish', (Join-Path $Root 'src/SageMakerMonitoring/SageMakerMonitoring.csproj'),
            '-c', 'Release', '-f', 'net10.0', '-r', $runtime, '--self-contained', 'false', '-p:PublishReadyToRun=true',
            '-o', $folder, '--nologo') | Out-Null
    }

    Publish-Emulator

    Write-Step "Staging $([IO.Path]::GetRelativePath($Root, $ModuleOut))"
    Copy-ModuleFiles

    Write-Step 'Checking CmdletsToExport against the compiled cmdlets'
    Invoke-ToolScript 'Test-CmdletExport.ps1' @('-ModulePath', $ModuleOut)

    Write-Step 'Generating help from docs/help'
    $helpFolder = Join-Path $ModuleOut 'en-US'
    New-Item -ItemType Directory -Path $helpFolder -Force | Out-Null
    Invoke-ToolScript 'ConvertTo-MamlHelp.ps1' @('-ModulePath', $ModuleOut, '-MarkdownPath', (Join-Path $Root 'docs/help'),
        '-OutputPath', (Join-Path $helpFolder 'SageMakerMonitoring.dll-Help.xml'))
    # Help is looked up beside the cmdlet assembly that PowerShell loaded.
    foreach ($runtime in $ReadyToRunRuntimes) { Copy-Item -LiteralPath $helpFolder -Destination (Join-Path $ModuleOut "net10.0-$runtime") -Recurse }

    Write-Host 'Module staged; to use it:'
    Write-Host "  Import-Module $ModuleOut"
}

function Invoke-TestTask {
    Invoke-BuildTask
    Assert-ExternalTools
    New-Item -ItemType Directory -Path $TestResults -Force | Out-Null

    Write-Step 'Restoring Pester'
    $pester = (Restore-TestDependency).PesterModule

    Write-Step 'Running xunit tests'
    $trx = Join-Path $TestResults 'xunit.trx'
    Remove-Item -LiteralPath $trx -ErrorAction SilentlyContinue
    # Hermetic: no AWS_* variable of this shell reaches the tests (the test assembly and Invoke-Pester.ps1 clear them too).
    $savedAws = Enter-HermeticAwsEnvironment
    try {
        $xunitExit = Invoke-Dotnet -AllowFailure -ArgumentList @('test', (Join-Path $Root 'tests/SageMakerMonitoring.Core.Tests/SageMakerMonitoring.Core.Tests.csproj'),
            '-c', 'Release', '--nologo', '--logger', 'trx;LogFileName=xunit.trx', '--results-directory', $TestResults)
    }
    finally { Exit-HermeticAwsEnvironment $savedAws }
    $xunit = Read-XunitCounts $trx
    if (-not $xunit) {
        Write-Warning "dotnet test wrote no results (exit code $xunitExit); counting the xunit run as one failure."
        $xunit = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; FailedNames = @("xunit: no results (exit code $xunitExit)") }
    }
    elseif ($xunitExit -ne 0 -and $xunit.Failed -eq 0) {
        Write-Warning "dotnet test exited with $xunitExit although no test failed; counting that as one failure."
        $xunit.Failed = 1
        $xunit.FailedNames = @("xunit: exit code $xunitExit although no test failed")
    }
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped"

    Write-Step 'Running the .NET Framework (net472) xunit tests on Mono'
    $mono = Invoke-FrameworkTests
    Write-Host "xunit on Mono: $($mono.Passed) passed, $($mono.Failed) failed, $($mono.Skipped) skipped"

    Write-Step 'Running Pester tests'
    $pesterArguments = @{ ModulePath = $ModuleOut; PesterModulePath = $pester; ResultFolder = $TestResults; PassThru = $true }
    if ($PesterPath) { $pesterArguments.Path = $PesterPath }
    $pesterCounts = & (Join-Path $Root 'tests/Pester/Invoke-Pester.ps1') @pesterArguments
    Write-Host "Pester: $($pesterCounts.Passed) passed, $($pesterCounts.Failed) failed, $($pesterCounts.Skipped) skipped"

    $passed = $xunit.Passed + $mono.Passed + $pesterCounts.Passed
    $failed = $xunit.Failed + $mono.Failed + $pesterCounts.Failed
    $skipped = $xunit.Skipped + $mono.Skipped + $pesterCounts.Skipped
    # The failures again, named, just above the last line: the end of a long log is what gets read.
    foreach ($name in @($xunit.FailedNames) + @($mono.FailedNames) + @($pesterCounts.FailedNames)) {
        if ($name) { Write-Host "FAILED $name" }
    }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-DemoTask {
    $script:QuietDotnet = $true
    Invoke-BuildTask
    Write-Step 'Starting the emulator (demo world)'
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorDll -Port 0 -Seed demo
    try {
        Write-Host "Emulator listening on $($emulator.Url)"
        Use-EmulatorEnvironment $emulator.Url
        $code = Invoke-Pwsh -ArgumentList @('-File', (Join-Path $Root 'tools/Invoke-Demo.ps1'), '-ModulePath', $ModuleOut, '-DemoPath', (Join-Path $Root 'demo'))
        if ($code -ne 0) { throw "The demo failed (exit code $code)." }
    }
    finally {
        Write-Step 'Stopping the emulator'
        Stop-EmulatorProcess $emulator
    }
}

function Invoke-EmulatorTask {
    Publish-Emulator
    Write-Host "Starting the emulator on port $Port with the '$Seed' world; Ctrl+C stops it."
    Write-Host "In another shell: `$env:AWS_ENDPOINT_URL = 'http://127.0.0.1:$Port'; `$env:AWS_REGION = 'us-east-1'; `$env:AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE'; `$env:AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'"
    & (Get-DotnetPath) $EmulatorDll --port $Port --seed $Seed
    if ($LASTEXITCODE -ne 0) { throw "The emulator exited with code $LASTEXITCODE." }
}

function Invoke-BenchTask {
    Invoke-BuildTask
    $benches = if ($BenchPath) { @($BenchPath | ForEach-Object { Get-Item -LiteralPath $_ }) }
    else { @(Get-ChildItem -LiteralPath (Join-Path $Root 'bench') -Filter *.Bench.ps1 -File | Sort-Object Name) }
    if (-not $benches) { throw 'No bench/*.Bench.ps1 found.' }
    Write-Step 'Starting the emulator (empty)'
    $emulator = Start-EmulatorProcess -EmulatorPath $EmulatorDll -Port 0 -Seed empty
    $failures = @()
    try {
        Use-EmulatorEnvironment $emulator.Url
        $env:PSModulePath = $Out + [IO.Path]::PathSeparator + $env:PSModulePath
        foreach ($bench in $benches) {
            Write-Step "bench/$($bench.Name)"
            $code = Invoke-Pwsh -ArgumentList @('-File', $bench.FullName, '-EmulatorUrl', $emulator.Url)
            if ($code -ne 0) { $failures += $bench.Name }
        }
    }
    finally {
        Write-Step 'Stopping the emulator'
        Stop-EmulatorProcess $emulator
    }
    if ($failures) { throw "Benchmarks failed: $($failures -join ', ')." }
}

function Invoke-CleanTask {
    Write-Step 'Removing out/, bin/ and obj/'
    Remove-Folder $Out
    foreach ($folder in 'src', 'tests', 'tools') {
        Get-ChildItem -LiteralPath (Join-Path $Root $folder) -Directory -Recurse -Include bin, obj -ErrorAction SilentlyContinue |
            Where-Object { Test-Path -LiteralPath $_.FullName } |
            Remove-Item -Recurse -Force
    }
}

switch ($Task) {
    'build' { Invoke-BuildTask }
    'test' { Invoke-TestTask }
    'demo' { Invoke-DemoTask }
    'emulator' { Invoke-EmulatorTask }
    'bench' { Invoke-BenchTask }
    'clean' { Invoke-CleanTask }
}
