# Living beside AWS Tools for PowerShell: AWS.Tools.* load their own AWSSDK.Core (4.0.x) and whichever copy of
# AWSSDK.Core loads first is the one every module in the session uses (4.0.x and 4.1.x share assembly version
# 4.0.0.0). These tests load an older 4.0.x build first, then import the module and make real calls through
# it against the emulator, each in a fresh process.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    $olderSdk = (Get-TestDependencyPath).OlderAwsSdkCore
    $emulator = Start-TestEmulator -Seed demo

    # Real calls through the module's clients: SageMaker DescribeTrainingJob (a demo-world job), S3 (AWSSDK.S3 on top
    # of AWSSDK.Core; a missing bucket must come back as NoSuchBucket, not as a missing-method failure), and a
    # CloudWatch round trip (PutMetricData, then ListMetrics finds the metric).
    function Get-CallScript([string] $Preload) {
        $preloadLine = if ($Preload) { "[void][System.Reflection.Assembly]::LoadFrom('$Preload')" } else { '' }
        @"
`$ErrorActionPreference = 'Stop'
$preloadLine
Import-Module '$modulePath'
`$none = [Threading.CancellationToken]::None
`$options = [SageMakerMonitoring.Core.Aws.AwsClientOptions]::new()
`$options.Region = 'us-east-1'
`$options.EndpointUrl = `$env:AWS_ENDPOINT_URL
`$factory = [SageMakerMonitoring.Core.Aws.AwsClientFactory]::new(`$options)
'SDK=' + [Amazon.Runtime.AmazonServiceClient].Assembly.Location
'COPIES=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count

`$job = `$factory.CreateSageMaker().DescribeTrainingJobAsync('demo-train-resnet50', `$none).GetAwaiter().GetResult()
'TRAINING=' + `$job.Name + ':' + `$job.Status

try {
    [void]`$factory.CreateObjectStore().GetObjectAsync('no-such-bucket-compat', 'a.txt', `$none).GetAwaiter().GetResult()
    'S3=no error'
}
catch [SageMakerMonitoring.Core.Aws.AwsServiceException] { 'S3=' + `$_.Exception.ErrorCode }

`$cloudWatch = `$factory.CreateCloudWatch()
`$namespace = 'Compatibility/' + [Guid]::NewGuid().ToString('n')
`$datum = [SageMakerMonitoring.Core.Aws.MetricDatum]::new()
`$datum.MetricName = 'ProbeCount'
`$datum.Timestamp = [DateTime]::UtcNow
`$datum.Value = 1
`$data = [System.Collections.Generic.List[SageMakerMonitoring.Core.Aws.MetricDatum]]::new()
`$data.Add(`$datum)
`$cloudWatch.PutMetricDataAsync(`$namespace, `$data, `$none).GetAwaiter().GetResult()
`$request = [SageMakerMonitoring.Core.Aws.ListMetricsRequest]::new()
`$request.Namespace = `$namespace
`$page = `$cloudWatch.ListMetricsAsync(`$request, `$none).GetAwaiter().GetResult()
'METRICS=' + ((`$page.Metrics | ForEach-Object MetricName) -join ',')
"@
    }

    function Assert-Calls($Result) {
        $Result.ExitCode | Should -Be 0 -Because $Result.Output
        $Result.Output | Should -Match 'TRAINING=demo-train-resnet50:\w+'
        $Result.Output | Should -Match 'S3=NoSuchBucket(\r?\n|$)'
        $Result.Output | Should -Match 'METRICS=ProbeCount(\r?\n|$)'
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
        $result = Invoke-TestPwsh -Script (Get-CallScript -Preload $olderSdk)
        # The older copy is the one in use, and the only one loaded.
        $result.Output | Should -Match ('SDK=' + [regex]::Escape($olderSdk))
        $result.Output | Should -Match 'COPIES=1(\r?\n|$)'
        Assert-Calls $result
    }

    It 'imports and calls the emulator with nothing loaded first' {
        $result = Invoke-TestPwsh -Script (Get-CallScript)
        # The module's own copy: its ReadyToRun folder for this platform on PowerShell 7.6+, else the root.
        $result.Output | Should -Match ('SDK=' + [regex]::Escape($modulePath) + '([\\/]net10\.0-[a-z]+-[a-z0-9]+)?[\\/]AWSSDK\.Core\.dll')
        Assert-Calls $result
    }
}
