# Living beside AWS Tools for PowerShell: AWS.Tools.* load their own AWSSDK.Core (4.0.x) and whichever copy of
# AWSSDK.Core loads first is the one every module in the session uses (4.0.x and 4.1.x share assembly version
# 4.0.0.0). These tests load an older 4.0.x build first, then import the module and make real calls through it
# against the emulator, each in a fresh process.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    $olderSdk = (Get-TestDependencyPath).OlderAwsSdkCore
    $emulator = Start-TestEmulator -Seed empty

    # A round trip through the module's CloudWatch client: PutMetricData, then ListMetrics finds the metric.
    function Get-RoundTripScript([string] $Preload) {
        $preloadLine = if ($Preload) { "[void][System.Reflection.Assembly]::LoadFrom('$Preload')" } else { '' }
        @"
`$ErrorActionPreference = 'Stop'
$preloadLine
Import-Module '$modulePath'
`$options = [SageMakerMonitoring.Core.Aws.AwsClientOptions]::new()
`$options.Region = 'us-east-1'
`$options.EndpointUrl = `$env:AWS_ENDPOINT_URL
`$factory = [SageMakerMonitoring.Core.Aws.AwsClientFactory]::new(`$options)
`$cloudWatch = `$factory.CreateCloudWatch()
`$namespace = 'Compatibility/' + [Guid]::NewGuid().ToString('n')
`$datum = [SageMakerMonitoring.Core.Aws.MetricDatum]::new()
`$datum.MetricName = 'ProbeCount'
`$datum.Timestamp = [DateTime]::UtcNow
`$datum.Value = 1
`$data = [System.Collections.Generic.List[SageMakerMonitoring.Core.Aws.MetricDatum]]::new()
`$data.Add(`$datum)
`$cloudWatch.PutMetricDataAsync(`$namespace, `$data, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
`$request = [SageMakerMonitoring.Core.Aws.ListMetricsRequest]::new()
`$request.Namespace = `$namespace
`$page = `$cloudWatch.ListMetricsAsync(`$request, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
'SDK=' + [Amazon.Runtime.AmazonServiceClient].Assembly.Location
'COPIES=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
'METRICS=' + ((`$page.Metrics | ForEach-Object MetricName) -join ',')
"@
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Beside an older AWSSDK.Core' {
    It 'the test package is a 4.0.x build of AWSSDK.Core' {
        [Diagnostics.FileVersionInfo]::GetVersionInfo($olderSdk).FileVersion | Should -Match '^4\.0\.'
        [Reflection.AssemblyName]::GetAssemblyName($olderSdk).Version | Should -Be ([version]'4.0.0.0')
    }

    It 'imports and calls the emulator with AWSSDK.Core 4.0.x loaded first' {
        $result = Invoke-TestPwsh -Script (Get-RoundTripScript -Preload $olderSdk)
        $result.ExitCode | Should -Be 0 -Because $result.Output
        # The older copy is the one in use, and the only one loaded.
        $result.Output | Should -Match ('SDK=' + [regex]::Escape($olderSdk))
        $result.Output | Should -Match 'COPIES=1(\r?\n|$)'
        $result.Output | Should -Match 'METRICS=ProbeCount(\r?\n|$)'
    }

    It 'imports and calls the emulator with nothing loaded first' {
        $result = Invoke-TestPwsh -Script (Get-RoundTripScript)
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match ('SDK=' + [regex]::Escape((Join-Path $modulePath 'AWSSDK.Core.dll')))
        $result.Output | Should -Match 'METRICS=ProbeCount(\r?\n|$)'
    }
}
