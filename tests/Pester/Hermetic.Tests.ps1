# The test harness is hermetic: AWS_* variables of the shell that starts a test run (a retry limit, a profile that does
# not exist, a region that does not exist, an endpoint nobody listens on, a config file that is not one) change no
# result. The fault tests, which count on the module's default retries, are run in child processes started from an
# environment holding all of these; a control run shows that the same variables do reach a process the harness does not
# clean, so the proof would fail if the harness let them through.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:Root = Get-TestRepositoryRoot
    Import-Module (Join-Path $Root 'tools/Processes.psm1')
    Import-Module (Join-Path $Root 'tools/HermeticEnvironment.psm1')
    $script:TestProject = Join-Path $Root 'tests/SageMakerMonitoring.Core.Tests/SageMakerMonitoring.Core.Tests.csproj'

    $bogus = Join-Path ([IO.Path]::GetTempPath()) ("smm-hostile-" + [Guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $bogus | Out-Null
    # Not an INI file at all: the AWS SDK refuses to read it.
    Set-Content -LiteralPath (Join-Path $bogus 'config') -Value "this is = not [ a config`n[[[" -Encoding utf8
    Set-Content -LiteralPath (Join-Path $bogus 'credentials') -Value "[missing]`naws_access_key_id = AKIDHOSTILE`n" -Encoding utf8
    $script:BogusFolder = $bogus
    $script:Hostile = [ordered]@{
        AWS_MAX_ATTEMPTS            = '2'
        AWS_RETRY_MODE              = 'legacy'
        AWS_PROFILE                 = 'missing'
        AWS_REGION                  = 'xx-nowhere-9'
        AWS_DEFAULT_REGION          = 'xx-nowhere-9'
        AWS_ENDPOINT_URL            = 'http://127.0.0.1:9'
        AWS_ENDPOINT_URL_CLOUDWATCH = 'http://127.0.0.1:9'
        AWS_CONFIG_FILE             = Join-Path $bogus 'config'
        AWS_SHARED_CREDENTIALS_FILE = Join-Path $bogus 'credentials'
        AWS_ACCESS_KEY_ID           = 'AKIDHOSTILE'
        AWS_SECRET_ACCESS_KEY       = 'hostile-secret'
        AWS_SESSION_TOKEN           = 'hostile-token'
    }

    function Invoke-WithHostileEnvironment {
        <# Runs a script block with the hostile AWS_* variables set in this process, then puts the old values back. #>
        param([Parameter(Mandatory)] [scriptblock] $Script, [hashtable] $Except = @{})
        $saved = @{}
        foreach ($name in $script:Hostile.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            $value = if ($Except.ContainsKey($name)) { $Except[$name] } else { $script:Hostile[$name] }
            Set-EnvironmentValue $name $value
        }
        try { & $Script }
        finally { foreach ($name in $saved.Keys) { Set-EnvironmentValue $name $saved[$name] } }
    }

    # `dotnet test --no-build` needs the test assembly; build.ps1 test runs xunit first, so it is normally there.
    $assembly = Join-Path $Root 'tests/SageMakerMonitoring.Core.Tests/bin/Release/net10.0/SageMakerMonitoring.Core.Tests.dll'
    if (-not (Test-Path -LiteralPath $assembly)) {
        & (Get-DotnetPath) build $TestProject -c Release --nologo -v q | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Could not build $TestProject." }
    }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:BogusFolder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'With hostile AWS_* variables in the parent environment' {
    BeforeAll {
        # Both runners start at once (they are independent), each with the hostile variables in its environment.
        function Start-HostileProcess([string] $FileName, [string[]] $ArgumentList) {
            $info = [Diagnostics.ProcessStartInfo]::new($FileName)
            foreach ($argument in $ArgumentList) { $info.ArgumentList.Add($argument) }
            foreach ($name in $script:Hostile.Keys) { $info.Environment[$name] = $script:Hostile[$name] }
            $info.UseShellExecute = $false
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $info.RedirectStandardInput = $true
            $process = [Diagnostics.Process]::Start($info)
            $process.StandardInput.Close()
            [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
        }
        function Wait-HostileProcess($Started, [int] $TimeoutSeconds = 300) {
            if (-not $Started.Process.WaitForExit($TimeoutSeconds * 1000)) { $Started.Process.Kill($true); throw "Timed out after $TimeoutSeconds s." }
            $Started.Process.WaitForExit()
            "$($Started.Output.Result)`n$($Started.Error.Result)`nEXIT=$($Started.Process.ExitCode)"
        }

        $filter = 'FullyQualifiedName~MetricEmulatorTests.ThrottlingAnd5xxAt30PercentChangeNothing|FullyQualifiedName~WireRetrySettingsTests.Two_hundred_reads_at_a_30_percent_fault_rate'
        $xunit = Start-HostileProcess (Get-DotnetPath) @('test', $script:TestProject, '-c', 'Release', '--no-build', '--nologo', '--filter', $filter)

        $pwsh = Get-PwshCommandLine
        $pester = Start-HostileProcess $pwsh[0] (@($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive',
                '-File', (Join-Path $PSScriptRoot 'Invoke-Pester.ps1'), '-Path', (Join-Path $PSScriptRoot 'Logs.Tests.ps1'),
                '-FullNameFilter', '*30% throttling*', '-ModulePath', (Get-TestModulePath), '-PesterModulePath', (Get-TestDependencyPath).PesterModule,
                '-ResultFolder', (Join-Path $script:BogusFolder 'results'), '-Output', 'None'))

        $script:XunitOutput = Wait-HostileProcess $xunit
        $script:PesterOutput = Wait-HostileProcess $pester
    }

    It 'the xunit fault tests still pass (dotnet test in a child process)' {
        $XunitOutput | Should -Match 'Failed:\s+0, Passed:\s+2,'
        $XunitOutput | Should -Match 'EXIT=0'
    }

    It 'a Pester fault test still passes (Invoke-Pester.ps1 in a child process)' {
        $PesterOutput | Should -Match '(?m)^2 passed, 0 failed, 0 skipped'
        $PesterOutput | Should -Match 'EXIT=0'
    }
}

Describe 'Control: the same variables reach a process the harness does not clean' {
    BeforeAll {
        $script:emulator = Start-TestEmulator -Seed demo
    }

    It 'AWS_MAX_ATTEMPTS=2 from the environment limits a cmdlet to 2 attempts (the module default is 8)' {
        Set-TestEmulatorFault -Service monitoring -ThrottleRate 1.0 -Seed 3 | Out-Null
        try {
            Reset-TestEmulatorRequestCount | Out-Null
            # Everything hostile but the endpoint, keys, region and config files, which point at the emulator here.
            $keep = @{
                AWS_ENDPOINT_URL = $env:AWS_ENDPOINT_URL; AWS_ENDPOINT_URL_CLOUDWATCH = $null; AWS_REGION = 'us-east-1'; AWS_DEFAULT_REGION = $null
                AWS_ACCESS_KEY_ID = $env:AWS_ACCESS_KEY_ID; AWS_SECRET_ACCESS_KEY = $env:AWS_SECRET_ACCESS_KEY; AWS_SESSION_TOKEN = $null
                AWS_PROFILE = $null; AWS_CONFIG_FILE = $env:AWS_CONFIG_FILE; AWS_SHARED_CREDENTIALS_FILE = $env:AWS_SHARED_CREDENTIALS_FILE
                AWS_RETRY_MODE = 'standard'
            }
            $result = Invoke-WithHostileEnvironment -Except $keep {
                Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
try { Get-SageMakerMetric -Namespace Custom/Hermetic -Dimension @{ Queue = 'a' } -MetricName Depth -Since 5m -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId }
"@
            }
            $result.Output | Should -Match 'ID=Throttling'
            Get-TestEmulatorRequestCount -Operation monitoring.GetMetricData | Should -Be 2
        }
        finally { Clear-TestEmulatorFault | Out-Null }
    }
}
