# Living beside AWS Tools for PowerShell on PowerShell 7: AWS.Tools.* load their own AWSSDK.Core by path (the manifest's
# RequiredAssemblies), into PowerShell's default load context. The module keeps its AWSSDK.Core in its own load
# context, so either order works: another AWSSDK.Core 4.0.x loaded first, or loaded after the module, and credentials
# made from that other copy sign the module's calls. Each case runs in a fresh process against the emulator, which
# verifies every SigV4 signature: a wrong secret is refused, so a call that succeeds used the keys given.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    $olderSdk = (Get-TestDependencyPath).OlderAwsSdkCore
    $moduleTypes = Join-Path (Get-TestRepositoryRoot) 'tools/ModuleTypes.psm1'
    $emulator = Start-TestEmulator -Seed demo
    $key = 'AKIAIOSFODNN7EXAMPLE'
    $secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    $wrong = 'Wr0ngCompatibilityProbe/NotTheSecret+00'
    # Only the credentials a test gives: no keys in the environment.
    $noKeys = @{ AWS_ACCESS_KEY_ID = $null; AWS_SECRET_ACCESS_KEY = $null; AWS_SESSION_TOKEN = $null }

    # Real calls through the module's clients: SageMaker DescribeTrainingJob (a demo-world job), S3 (AWSSDK.S3 on top
    # of AWSSDK.Core; a missing bucket must come back as NoSuchBucket, not as a missing-method failure), and a
    # CloudWatch round trip (PutMetricData, then ListMetrics finds the metric). Then where each AWSSDK.Core came from.
    function Get-CallScript([ValidateSet('none', 'before', 'after')] [string] $Order) {
        $load = "[void][System.Reflection.Assembly]::LoadFrom('$olderSdk')"
        @"
`$ErrorActionPreference = 'Stop'
$(if ($Order -eq 'before') { $load })
Import-Module '$modulePath'
Import-Module '$moduleTypes'
`$none = [Threading.CancellationToken]::None
`$options = (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsClientOptions)::new()
`$options.Region = 'us-east-1'
`$options.EndpointUrl = `$env:AWS_ENDPOINT_URL
`$factory = (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsClientFactory)::new(`$options)

`$job = `$factory.CreateSageMaker().DescribeTrainingJobAsync('demo-train-resnet50', `$none).GetAwaiter().GetResult()
'TRAINING=' + `$job.Name + ':' + `$job.Status
# 'after': the module has made a call, so its AWSSDK.Core is loaded; now another copy loads by path.
$(if ($Order -eq 'after') { $load })

try {
    [void]`$factory.CreateObjectStore().GetObjectAsync('no-such-bucket-compat', 'a.txt', `$none).GetAwaiter().GetResult()
    'S3=no error'
}
catch {
    # The module's exception, inside PowerShell's MethodInvocationException.
    `$e = `$_.Exception
    while (`$e -and -not (`$e -is (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsServiceException))) { `$e = `$e.InnerException }
    if (-not `$e) { throw }
    'S3=' + `$e.ErrorCode
}

`$cloudWatch = `$factory.CreateCloudWatch()
`$namespace = 'Compatibility/' + [Guid]::NewGuid().ToString('n')
`$datum = (Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDatum)::new()
`$datum.MetricName = 'ProbeCount'
`$datum.Timestamp = [DateTime]::UtcNow
`$datum.Value = 1
`$data = [Activator]::CreateInstance([Collections.Generic.List``1].MakeGenericType((Get-ModuleType SageMakerMonitoring.Core.Aws.MetricDatum)))
`$data.Add(`$datum)
`$cloudWatch.PutMetricDataAsync(`$namespace, `$data, `$none).GetAwaiter().GetResult()
`$request = (Get-ModuleType SageMakerMonitoring.Core.Aws.ListMetricsRequest)::new()
`$request.Namespace = `$namespace
`$page = `$cloudWatch.ListMetricsAsync(`$request, `$none).GetAwaiter().GetResult()
'METRICS=' + ((`$page.Metrics | ForEach-Object MetricName) -join ',')

'MODULESDK=' + (Get-ModuleType Amazon.Runtime.AmazonServiceClient).Assembly.Location
'DEFAULTSDK=' + ((@([System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }) | ForEach-Object Location) -join ';')
'COPIES=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
"@
    }

    function Assert-Calls($Result) {
        $Result.ExitCode | Should -Be 0 -Because $Result.Output
        $Result.Output | Should -Match 'TRAINING=demo-train-resnet50:\w+'
        $Result.Output | Should -Match 'S3=NoSuchBucket(\r?\n|$)'
        $Result.Output | Should -Match 'METRICS=ProbeCount(\r?\n|$)'
        # The module's own copy: its ReadyToRun folder for this platform on PowerShell 7.6+, else the root.
        $Result.Output | Should -Match ('MODULESDK=' + [regex]::Escape($modulePath) + '([\\/]net10\.0-[a-z]+-[a-z0-9]+)?[\\/]AWSSDK\.Core\.dll')
    }

    # Calls through the cmdlets with credentials made from the older AWSSDK.Core (loaded by path, as AWS Tools does),
    # given as -Credential or $StoredAWSCredentials. Prints the type's origin and each call's outcome.
    function Get-CredentialScript([ValidateSet('before', 'after')] [string] $Order) {
        $load = "[void][System.Reflection.Assembly]::LoadFrom('$olderSdk')"
        @"
$(if ($Order -eq 'before') { $load })
Import-Module '$modulePath'
function Get-Outcome([scriptblock] `$Command) { try { `$null = & `$Command -ErrorAction Stop; 'ok' } catch { `$_.FullyQualifiedErrorId.Split(',')[0] + '/' + `$_.CategoryInfo.Category } }
# 'after': one call first (the module's AWSSDK.Core is then loaded), then another copy loads by path.
$(if ($Order -eq 'after') { "'FIRST=' + (Get-Outcome { Get-SageMakerEventRule -AccessKey '$key' -SecretKey '$secret' })`n$load" })
`$basic = [Amazon.Runtime.BasicAWSCredentials]::new('$key', '$secret')
`$session = [Amazon.Runtime.SessionAWSCredentials]::new('$key', '$secret', 'FwoGZXIvYXdzEXAMPLECOMPATIBILITYTOKEN')
`$bad = [Amazon.Runtime.BasicAWSCredentials]::new('$key', '$wrong')
'ORIGIN=' + `$basic.GetType().Assembly.Location
'NOKEYS=' + (Get-Outcome { Get-SageMakerEventRule })
'BASIC=' + (Get-Outcome { Get-SageMakerEventRule -Credential `$basic })
'SESSION=' + (Get-Outcome { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 10m -Credential `$session })
'BAD=' + (Get-Outcome { Get-SageMakerEventRule -Credential `$bad })
`$global:StoredAWSCredentials = `$session
'STORED=' + (Get-Outcome { Get-SageMakerEventRule })
`$global:StoredAWSCredentials = `$bad
'STOREDBAD=' + (Get-Outcome { Get-SageMakerEventRule })
'NOTCREDENTIAL=' + (Get-Outcome { Get-SageMakerEventRule -Credential 42 })
"@
    }

    function Assert-ForeignCredentials($Result) {
        $Result.ExitCode | Should -Be 0 -Because $Result.Output
        # The credentials really are the other copy's type, and without them there are no keys at all.
        $Result.Output | Should -Match ('ORIGIN=' + [regex]::Escape($olderSdk))
        $Result.Output | Should -Match 'NOKEYS=AwsConfigurationMissing/'
        $Result.Output | Should -Match 'BASIC=ok(\r?\n|$)'
        $Result.Output | Should -Match 'SESSION=ok(\r?\n|$)'
        $Result.Output | Should -Match 'BAD=\w+/AuthenticationError'
        $Result.Output | Should -Match 'STORED=ok(\r?\n|$)'
        $Result.Output | Should -Match 'STOREDBAD=\w+/AuthenticationError'
        $Result.Output | Should -Match 'NOTCREDENTIAL=InvalidCredential/InvalidArgument'
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
        $result = Invoke-TestPwsh -Script (Get-CallScript -Order before)
        Assert-Calls $result
        # Two copies side by side: the older one in the default context, the module's in its own.
        $result.Output | Should -Match ('DEFAULTSDK=' + [regex]::Escape($olderSdk) + '(\r?\n|$)')
        $result.Output | Should -Match 'COPIES=2(\r?\n|$)'
    }

    It 'lets AWSSDK.Core 4.0.x load by path after the module made a call, and both keep working' {
        $result = Invoke-TestPwsh -Script ((Get-CallScript -Order after) + @"

`$older = [Amazon.Runtime.BasicAWSCredentials]::new('AKIAOLDERCOPY0000001', 'older-secret')
'OLDERTYPE=' + `$older.GetType().Assembly.Location
'OLDERKEY=' + `$older.GetCredentials().AccessKey
'OLDERREGION=' + [Amazon.RegionEndpoint]::GetBySystemName('eu-west-1').SystemName
"@)
        Assert-Calls $result
        $result.Output | Should -Match ('DEFAULTSDK=' + [regex]::Escape($olderSdk) + '(\r?\n|$)')
        $result.Output | Should -Match ('OLDERTYPE=' + [regex]::Escape($olderSdk))
        $result.Output | Should -Match 'OLDERKEY=AKIAOLDERCOPY0000001'
        $result.Output | Should -Match 'OLDERREGION=eu-west-1'
    }

    It 'imports and calls the emulator with nothing loaded first, leaving the default context without AWSSDK.Core' {
        $result = Invoke-TestPwsh -Script (Get-CallScript -Order none)
        Assert-Calls $result
        $result.Output | Should -Match 'DEFAULTSDK=(\r?\n|$)'
        $result.Output | Should -Match 'COPIES=1(\r?\n|$)'
    }
}

Describe 'Credentials made from the other AWSSDK.Core' {
    It 'sign the module''s calls as -Credential and $StoredAWSCredentials when that copy loaded first' {
        Assert-ForeignCredentials (Invoke-TestPwsh -Script (Get-CredentialScript -Order before) -Environment $noKeys)
    }

    It 'sign the module''s calls as -Credential and $StoredAWSCredentials when that copy loaded after the module' {
        $result = Invoke-TestPwsh -Script (Get-CredentialScript -Order after) -Environment $noKeys
        $result.Output | Should -Match 'FIRST=ok(\r?\n|$)'
        Assert-ForeignCredentials $result
    }
}
