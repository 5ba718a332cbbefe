# Shared helpers for the Pester tests: the staged module, the emulator process, its control routes, external tools.
#
#   BeforeAll {
#       Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
#       Import-Module (Get-TestModulePath) -Force
#       $emulator = Start-TestEmulator -Seed demo     # sets AWS_ENDPOINT_URL, keys and region for the cmdlets
#   }
#   AfterAll { Stop-TestEmulator }
#
# See docs/architecture.md and module-conventions for the full list.

Set-StrictMode -Version 3.0

$script:RepositoryRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).ProviderPath
$script:OutFolder = Join-Path $script:RepositoryRoot 'out'
$script:EmulatorPath = Join-Path $script:OutFolder 'emulator/SageMakerMonitoring.Emulator.dll'
$script:Emulators = [Collections.Generic.List[object]]::new()
$script:Current = $null
$script:SavedEnvironment = $null

# The emulator's default key pair (always known to it).
$script:AccessKeyId = 'AKIAIOSFODNN7EXAMPLE'
$script:SecretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

# Environment variables the harness always clears, whether or not they are set when it starts; every other AWS_*
# variable present is cleared too (see Set-TestAwsEnvironment).
$script:AwsEnvironmentNames = @(
    'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE',
    'AWS_DEFAULT_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
    'AWS_ENDPOINT_URL_EVENTBRIDGE', 'AWS_ENDPOINT_URL_SAGEMAKER', 'AWS_ENDPOINT_URL_S3', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE'
)

Import-Module (Join-Path $script:RepositoryRoot 'tools/Processes.psm1')
Import-Module (Join-Path $script:RepositoryRoot 'tools/HermeticEnvironment.psm1')
Import-Module (Join-Path $script:RepositoryRoot 'tools/ModuleTypes.psm1')
Import-Module (Join-Path $script:RepositoryRoot 'tools/TestDependencies/TestDependencies.psm1')

# ---------------------------------------------------------------------------------------------------------- the module

function Get-TestRepositoryRoot {
    <# The repository's root folder. #>
    $script:RepositoryRoot
}

function Get-TestModulePath {
    <# The staged module folder (out/SageMakerMonitoring), as Invoke-Pester.ps1 passes it, or the default one. #>
    $path = if ($env:SAGEMAKERMONITORING_MODULE) { $env:SAGEMAKERMONITORING_MODULE } else { Join-Path $script:OutFolder 'SageMakerMonitoring' }
    if (-not (Test-Path -LiteralPath (Join-Path $path 'SageMakerMonitoring.psd1'))) {
        throw "No staged module at '$path'. Run 'dotnet pwsh ./build.ps1 build' first."
    }
    return $path
}

function Get-TestDependencyPath {
    <# Paths of the restored test packages: PesterModule, OlderAwsSdkCore (AWSSDK.Core 4.0.x). #>
    Restore-TestDependency
}

function Invoke-TestPwsh {
    <#
    Runs a script in a fresh `pwsh -NoProfile -NonInteractive` and returns ExitCode and Output (stdout and stderr as
    one string). The child inherits this process's environment: under Invoke-Pester.ps1 that holds no AWS_* variable
    but what the harness (Start-TestEmulator) and the test set. -Environment sets (or, with $null, removes) variables
    for the child only, e.g. -Environment @{ AWS_MAX_ATTEMPTS = '2' }.
    #>
    param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{})
    $file = Join-Path ([IO.Path]::GetTempPath()) ("smm-test-" + [Guid]::NewGuid().ToString('n') + '.ps1')
    # Plain-text errors: no ANSI colour codes in the captured output.
    Set-Content -LiteralPath $file -Value ("`$PSStyle.OutputRendering = 'PlainText'`n" + $Script) -Encoding utf8
    $saved = @{}
    try {
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            Set-EnvironmentValue $name $Environment[$name]
        }
        $commandLine = Get-PwshCommandLine
        $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $file)
        $output = & $commandLine[0] @arguments 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output -join [Environment]::NewLine) }
    }
    finally {
        foreach ($name in $saved.Keys) { Set-EnvironmentValue $name $saved[$name] }
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
}

# -------------------------------------------------------------------------------------------------------- the emulator

function Start-TestEmulator {
    <#
    Starts the staged emulator on a free port and points the AWS environment of this process at it (default key pair,
    us-east-1, AWS_ENDPOINT_URL). Returns an object with Url and Port. Stop-TestEmulator (in AfterAll) stops it; it
    also exits by itself when this process ends.
    #>
    param(
        [ValidateSet('demo', 'empty')] [string] $Seed = 'empty',
        # More command-line arguments, e.g. '--faults', '<json>'.
        [string[]] $ExtraArgument = @(),
        # Leave the AWS environment variables alone.
        [switch] $NoEnvironment
    )
    $emulator = Start-EmulatorProcess -EmulatorPath $script:EmulatorPath -Port 0 -Seed $Seed -ExtraArgument $ExtraArgument
    $script:Emulators.Add($emulator)
    $script:Current = $emulator
    if (-not $NoEnvironment) { Set-TestAwsEnvironment -Url $emulator.Url }
    return $emulator
}

function Stop-TestEmulator {
    <# Stops the given emulator, or every one this session started, and restores the AWS environment variables. #>
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        $targets = if ($Emulator) { @($Emulator) } else { @($script:Emulators) }
        foreach ($target in $targets) {
            Stop-EmulatorProcess $target
            [void]$script:Emulators.Remove($target)
        }
        $script:Current = if ($script:Emulators.Count) { $script:Emulators[$script:Emulators.Count - 1] } else { $null }
        if (-not $script:Current) { Restore-TestAwsEnvironment }
    }
}

function Set-TestAwsEnvironment {
    <#
    Points the AWS SDK in this process (and its children) at an emulator with the default key pair and us-east-1.
    Every other AWS_* variable is removed (AWS_PROFILE, AWS_MAX_ATTEMPTS, AWS_RETRY_MODE, AWS_ENDPOINT_URL_*, ...), and
    the shared config/credentials files are pointed at empty files, so no local profile or setting interferes.
    #>
    param([Parameter(Mandatory)] [string] $Url)
    if (-not $script:SavedEnvironment) {
        $script:SavedEnvironment = @{}
        foreach ($name in @($script:AwsEnvironmentNames) + @(Get-AwsEnvironmentVariableName)) {
            $script:SavedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name)
        }
    }
    foreach ($name in @($script:AwsEnvironmentNames) + @(Get-AwsEnvironmentVariableName)) { Set-EnvironmentValue $name $null }
    $hermetic = Get-HermeticAwsEnvironment
    $env:AWS_ACCESS_KEY_ID = $script:AccessKeyId
    $env:AWS_SECRET_ACCESS_KEY = $script:SecretAccessKey
    $env:AWS_REGION = 'us-east-1'
    $env:AWS_ENDPOINT_URL = $Url
    $env:AWS_CONFIG_FILE = $hermetic.AWS_CONFIG_FILE
    $env:AWS_SHARED_CREDENTIALS_FILE = $hermetic.AWS_SHARED_CREDENTIALS_FILE
    $env:AWS_EC2_METADATA_DISABLED = 'true'
}

function Restore-TestAwsEnvironment {
    <# Puts back the AWS environment variables as they were before Set-TestAwsEnvironment (and removes any set since). #>
    if (-not $script:SavedEnvironment) { return }
    foreach ($name in Get-AwsEnvironmentVariableName) {
        if (-not $script:SavedEnvironment.ContainsKey($name)) { Set-EnvironmentValue $name $null }
    }
    foreach ($name in $script:SavedEnvironment.Keys) { Set-EnvironmentValue $name $script:SavedEnvironment[$name] }
    $script:SavedEnvironment = $null
}

function Get-TestEmulator {
    <# The emulator the control helpers talk to by default (the last one started). #>
    if (-not $script:Current) { throw 'No test emulator is running. Call Start-TestEmulator first.' }
    $script:Current
}

# ---------------------------------------------------------------------------------------------------- control routes

function Invoke-TestEmulatorRoute {
    <# Calls a control route (/_emulator/...) with an optional JSON body and returns the parsed answer. #>
    param(
        [Parameter(Mandatory)] [ValidateSet('GET', 'POST')] [string] $Method,
        [Parameter(Mandatory)] [string] $Route,
        $Body,
        [string] $Url
    )
    if (-not $Url) { $Url = (Get-TestEmulator).Url }
    $request = @{ Method = $Method; Uri = "$($Url.TrimEnd('/'))/_emulator/$($Route.TrimStart('/'))"; NoProxy = $true }
    if ($Method -eq 'POST') {
        $request.ContentType = 'application/json'
        $request.Body = if ($null -eq $Body) { '{}' } elseif ($Body -is [string]) { $Body } else { ConvertTo-Json -InputObject $Body -Depth 20 -Compress }
    }
    Invoke-RestMethod @request
}

function Test-TestEmulatorHealth {
    <# True when the emulator answers GET /_emulator/health with status ok. #>
    param([string] $Url)
    try { (Invoke-TestEmulatorRoute -Method GET -Route health -Url $Url).status -eq 'ok' } catch { $false }
}

function Reset-TestEmulator {
    <# Clears every service's state, request counters, faults and extra keys, sets the clock back to real time, then seeds. #>
    param([ValidateSet('demo', 'empty')] [string] $Seed = 'empty', [string] $Url)
    Invoke-TestEmulatorRoute -Method POST -Route reset -Body @{ seed = $Seed } -Url $Url
}

function Add-TestEmulatorSeed {
    <# Seeds a world on top of the current state. #>
    param([ValidateSet('demo', 'empty')] [string] $Seed = 'demo', [string] $Url)
    Invoke-TestEmulatorRoute -Method POST -Route seed -Body @{ seed = $Seed } -Url $Url
}

function Set-TestEmulatorFault {
    <#
    Replaces the emulator's fault rules: one rule from the parameters, or several with -Rule (hashtables with keys
    service, operation, throttleRate, errorRate, latencyMs, dropRate). Deterministic for a given -Seed.
    #>
    [CmdletBinding(DefaultParameterSetName = 'One')]
    param(
        [Parameter(ParameterSetName = 'One')] [string] $Service = '*',
        [Parameter(ParameterSetName = 'One')] [string] $Operation = '*',
        [Parameter(ParameterSetName = 'One')] [ValidateRange(0.0, 1.0)] [double] $ThrottleRate = 0,
        [Parameter(ParameterSetName = 'One')] [ValidateRange(0.0, 1.0)] [double] $ErrorRate = 0,
        [Parameter(ParameterSetName = 'One')] [ValidateRange(0, [int]::MaxValue)] [int] $LatencyMs = 0,
        [Parameter(ParameterSetName = 'One')] [ValidateRange(0.0, 1.0)] [double] $DropRate = 0,
        [Parameter(Mandatory, ParameterSetName = 'Many')] [hashtable[]] $Rule,
        [int] $Seed = 1,
        [string] $Url
    )
    $rules = [Collections.Generic.List[hashtable]]::new()
    if ($PSCmdlet.ParameterSetName -eq 'Many') { $rules.AddRange($Rule) }
    else {
        $rules.Add(@{ service = $Service; operation = $Operation; throttleRate = $ThrottleRate; errorRate = $ErrorRate; latencyMs = $LatencyMs; dropRate = $DropRate })
    }
    Invoke-TestEmulatorRoute -Method POST -Route faults -Body @{ seed = $Seed; rules = $rules.ToArray() } -Url $Url
}

function Clear-TestEmulatorFault {
    <# Removes every fault rule. #>
    param([string] $Url)
    Invoke-TestEmulatorRoute -Method POST -Route faults -Body @{ rules = @() } -Url $Url
}

function Get-TestEmulatorFault {
    <# The current fault rules and how many faults were injected per operation. #>
    param([string] $Url)
    Invoke-TestEmulatorRoute -Method GET -Route faults -Url $Url
}

function Set-TestEmulatorClock {
    <# Sets the emulator's clock: -Now (runs on from there), -Freeze (stands still), -AdvanceSeconds, or -Real. #>
    [CmdletBinding(DefaultParameterSetName = 'Now')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Now')] [DateTimeOffset] $Now,
        [Parameter(Mandatory, ParameterSetName = 'Freeze')] [DateTimeOffset] $Freeze,
        [Parameter(Mandatory, ParameterSetName = 'Advance')] [double] $AdvanceSeconds,
        [Parameter(Mandatory, ParameterSetName = 'Real')] [switch] $Real,
        [string] $Url
    )
    $format = { param([DateTimeOffset] $Time) $Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [Globalization.CultureInfo]::InvariantCulture) }
    $body = switch ($PSCmdlet.ParameterSetName) {
        'Now' { @{ now = & $format $Now } }
        'Freeze' { @{ freeze = & $format $Freeze } }
        'Advance' { @{ advanceSeconds = $AdvanceSeconds } }
        'Real' { @{ real = $true } }
    }
    Invoke-TestEmulatorRoute -Method POST -Route clock -Body $body -Url $Url
}

function Get-TestEmulatorClock {
    <# The emulator's current time (now, frozen). #>
    param([string] $Url)
    Invoke-TestEmulatorRoute -Method GET -Route clock -Url $Url
}

function Get-TestEmulatorRequestCount {
    <#
    How many requests reached the emulator: all of them, or those of one -Operation. The operation is either the full
    key ("monitoring.GetMetricData") or the bare operation name, which counts it across services.
    #>
    param([string] $Operation, [string] $Url)
    $counts = Invoke-TestEmulatorRoute -Method GET -Route requests -Url $Url
    if (-not $Operation) { return [int]$counts.total }
    $total = 0
    foreach ($property in $counts.operations.PSObject.Properties) {
        if ($property.Name -eq $Operation -or $property.Name.EndsWith(".$Operation", [StringComparison]::Ordinal)) { $total += [int]$property.Value }
    }
    return $total
}

function Reset-TestEmulatorRequestCount {
    <# Zeroes the request counters. #>
    param([string] $Url)
    Invoke-TestEmulatorRoute -Method POST -Route requests/reset -Url $Url
}

function Add-TestEmulatorKey {
    <# Makes the emulator accept another key pair. #>
    param([Parameter(Mandatory)] [string] $AccessKeyId, [Parameter(Mandatory)] [string] $SecretAccessKey, [string] $Url)
    Invoke-TestEmulatorRoute -Method POST -Route keys -Body @{ accessKeyId = $AccessKeyId; secretAccessKey = $SecretAccessKey } -Url $Url
}

function Invoke-TestEmulatorControl {
    <# Calls a service's own control action: POST /_emulator/{Service}/{Action} (Service is the signing name, e.g. logs). #>
    param(
        [Parameter(Mandatory)] [string] $Service,
        [Parameter(Mandatory)] [string] $Action,
        $Body,
        [string] $Url
    )
    Invoke-TestEmulatorRoute -Method POST -Route "$Service/$Action" -Body $Body -Url $Url
}

# ------------------------------------------------------------------------------------------------- the module's types

function Get-TestModuleType {
    <#
    A public type of the imported module (SageMakerMonitoring.Core, AWSSDK.*) by full name, where a type literal does not
    resolve on PowerShell 7 (the module's own AssemblyLoadContext; see tools/ModuleTypes.psm1):
        $gap = (Get-TestModuleType SageMakerMonitoring.Core.Archive.ArchiveGap)::new(...)
    #>
    param([Parameter(Mandatory)] [string] $Name)
    Get-ModuleType -Name $Name
}

# --------------------------------------------------------------------------------------------------- external tools

function Test-TestExternalTool {
    <#
    True when an external program (moto_server, aws) is on PATH. When it is missing: with CI=true this throws (the
    run must fail); elsewhere it warns and returns false, so the suite can skip:
        It 'round-trips through moto' -Skip:(-not (Test-TestExternalTool moto_server)) { ... }
    #>
    param([Parameter(Mandatory)] [string] $Name)
    if (Get-Command $Name -CommandType Application -ErrorAction SilentlyContinue) { return $true }
    if ($env:CI -eq 'true') { throw "'$Name' is not on PATH; CI requires it." }
    Write-Warning "'$Name' is not on PATH: the tests that need it are skipped."
    return $false
}

Export-ModuleMember -Function @(
    'Get-TestRepositoryRoot', 'Get-TestModulePath', 'Get-TestDependencyPath', 'Invoke-TestPwsh',
    'Start-TestEmulator', 'Stop-TestEmulator', 'Get-TestEmulator', 'Set-TestAwsEnvironment', 'Restore-TestAwsEnvironment',
    'Invoke-TestEmulatorRoute', 'Test-TestEmulatorHealth', 'Reset-TestEmulator', 'Add-TestEmulatorSeed',
    'Set-TestEmulatorFault', 'Clear-TestEmulatorFault', 'Get-TestEmulatorFault',
    'Set-TestEmulatorClock', 'Get-TestEmulatorClock',
    'Get-TestEmulatorRequestCount', 'Reset-TestEmulatorRequestCount', 'Add-TestEmulatorKey',
    'Invoke-TestEmulatorControl', 'Test-TestExternalTool', 'Get-TestModuleType'
)
