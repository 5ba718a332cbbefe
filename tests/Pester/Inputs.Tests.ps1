# Bad input is a clear PowerShell error before any call: durations and periods beyond what can be represented
# (InvalidDuration/InvalidPeriod), dimensions CloudWatch would refuse (InvalidDimension), region names the AWS SDK does
# not know (InvalidRegion). AWS answers keep their meaning: a hard service limit fails on its first answer, a signature
# error is AuthenticationError, and a call that stays throttled warns once while -Verbose shows each attempt.
# The throttling warning's threshold is lowered for these tests through SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS
# (read once per process, so it is set for a child pwsh only).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo

    # Runs a command and returns its one error record (terminating or not), or $null.
    function Get-CommandError([scriptblock] $Command) {
        $Error.Clear()
        $record = $null
        try { $null = & $Command -ErrorAction Stop } catch { $record = $_ }
        $record
    }

    function Assert-InputError($Record, [string] $ErrorId, [string] $Category = 'InvalidArgument', $Target, [string] $Parameter) {
        $Record | Should -Not -BeNullOrEmpty
        $Record.FullyQualifiedErrorId | Should -BeLike "$ErrorId*"
        [string]$Record.CategoryInfo.Category | Should -Be $Category
        if ($PSBoundParameters.ContainsKey('Target')) { $Record.TargetObject | Should -Be $Target }
        if ($Parameter) { "$($Record.Exception.Message)" | Should -BeLike "*-$Parameter*" }
    }
}

AfterAll { Stop-TestEmulator }

Describe 'Durations and periods beyond representable limits' {
    BeforeEach { $null = Reset-TestEmulatorRequestCount }

    It 'Get-SageMakerMetric -Since <Since> is InvalidDuration naming -Since and the value, before any call' -ForEach @(
        @{ Since = '99999999999d' }
        @{ Since = '99999999999999999999w' }
        @{ Since = '10675199.02:48:05.4775808' }
        @{ Since = '99999999:00:00' }
        @{ Since = '1e300' }
        @{ Since = '800000d' }
    ) {
        $record = Get-CommandError { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since $Since }
        Assert-InputError $record InvalidDuration -Target $Since -Parameter Since
        $record.Exception.GetType().Name | Should -Not -Be 'OverflowException'
        Get-TestEmulatorRequestCount | Should -Be 0
    }

    It '-Period <Period> is InvalidPeriod naming -Period and the value' -ForEach @(
        @{ Period = '99999999999999' }
        @{ Period = '2147483648' }
        @{ Period = '99999999999d' }
    ) {
        $record = Get-CommandError { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since 1h -Period $Period }
        Assert-InputError $record InvalidPeriod -Target $Period -Parameter Period
        Get-TestEmulatorRequestCount | Should -Be 0
    }

    It 'waits beyond a timer''s range are InvalidDuration in <Name>' -ForEach @(
        @{ Name = 'Get-SageMakerLogEvent -PollInterval'; Command = { Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -PollInterval 30d }; Parameter = 'PollInterval' }
        @{ Name = 'Invoke-SageMakerLogQuery -Timeout'; Command = { Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'fields @message' -Timeout 99999999999d }; Parameter = 'Timeout' }
        @{ Name = 'Watch-SageMakerMetric -Interval'; Command = { Watch-SageMakerMetric -TrainingJobName demo-train-resnet50 -Interval 99999999999d -Count 1 }; Parameter = 'Interval' }
        @{ Name = 'Export-SageMakerMetric -Since'; Command = { Export-SageMakerMetric -TrainingJobName demo-train-resnet50 -Path (Join-Path ([IO.Path]::GetTempPath()) 'smm-inputs-never') -Since 99999999999d }; Parameter = 'Since' }
    ) {
        $record = Get-CommandError $Command
        Assert-InputError $record InvalidDuration -Parameter $Parameter
    }

    It 'the largest accepted period still runs' {
        $points = @(Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 1h -Period 2147483640 -ErrorAction Stop)
        $points.Count | Should -BeLessOrEqual 1
    }
}

Describe '-Dimension checked against CloudWatch''s limits before any call' {
    BeforeEach { $null = Reset-TestEmulatorRequestCount }

    It '<Case> is InvalidDimension' -ForEach @(
        @{ Case = "@{''=''}"; Dimension = @{ '' = '' } }
        @{ Case = 'a null value'; Dimension = @{ Host = $null } }
        @{ Case = 'an empty value'; Dimension = @{ Host = '' } }
        @{ Case = 'two values'; Dimension = @{ Host = @('a', 'b') } }
        @{ Case = 'a 256-character name'; Dimension = @{ ('n' * 256) = 'v' } }
        @{ Case = 'a 1025-character value'; Dimension = @{ Host = ('v' * 1025) } }
    ) {
        $record = Get-CommandError { Get-SageMakerMetric -Namespace Custom/Probe -Dimension $Dimension -MetricName M -Since 1h }
        Assert-InputError $record InvalidDimension -Parameter Dimension
        Get-TestEmulatorRequestCount | Should -Be 0
    }

    It 'more than 30 dimensions is InvalidDimension, and more than 10 without -MetricName' {
        $thirtyOne = @{}; 1..31 | ForEach-Object { $thirtyOne["D$_"] = 'v' }
        Assert-InputError (Get-CommandError { Get-SageMakerMetric -Namespace Custom/Probe -Dimension $thirtyOne -MetricName M -Since 1h }) InvalidDimension -Target 31
        $eleven = @{}; 1..11 | ForEach-Object { $eleven["D$_"] = 'v' }
        Assert-InputError (Get-CommandError { Find-SageMakerMetric -Namespace Custom/Probe -Dimension $eleven }) InvalidDimension -Target 11
        Get-TestEmulatorRequestCount | Should -Be 0
    }

    It 'a 255-character name and a 1024-character value are accepted' {
        { Get-SageMakerMetric -Namespace Custom/Probe -Dimension @{ ('n' * 255) = ('v' * 1024) } -MetricName M -Since 1h -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'A shared config file the SDK cannot read' {
    It 'is one configuration error in words, before any call, not a type initializer failure' {
        $bad = Join-Path ([IO.Path]::GetTempPath()) ('smm-bad-config-' + [Guid]::NewGuid().ToString('n'))
        Set-Content -LiteralPath $bad -Value "[default`nregion = us-east-1`n[[[ not a section" -Encoding utf8
        try {
            Reset-TestEmulatorRequestCount | Out-Null
            $result = Invoke-TestPwsh -Environment @{ AWS_CONFIG_FILE = $bad } -Script @"
Import-Module '$(Get-TestModulePath)'
try { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since 1h -ErrorAction Stop }
catch { 'ID=' + `$_.FullyQualifiedErrorId; 'CAT=' + `$_.CategoryInfo.Category; 'MSG=' + `$_.Exception.Message }
"@
            $result.Output | Should -Match 'ID=AwsConfigurationMissing,'
            $result.Output | Should -Match 'CAT=InvalidOperation'
            $result.Output | Should -Match ([regex]::Escape($bad))
            $result.Output | Should -Not -Match 'TypeInitializationException|type initializer'
            Get-TestEmulatorRequestCount | Should -Be 0
        }
        finally {
            Remove-Item -LiteralPath $bad -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Region names' {
    BeforeAll {
        $script:savedEndpoint = $env:AWS_ENDPOINT_URL
    }
    AfterEach { $env:AWS_ENDPOINT_URL = $savedEndpoint }

    It '-Region <Region> without an endpoint is InvalidRegion before any call' -ForEach @(
        @{ Region = 'US East (N. Virginia)'; Hint = 'us-east-1' }
        @{ Region = 'us-east-9'; Hint = 'us-east-1' }
        @{ Region = 'useast1'; Hint = $null }
    ) {
        Remove-Item env:AWS_ENDPOINT_URL
        $record = Get-CommandError { Get-SageMakerEventRule -Region $Region }
        Assert-InputError $record InvalidRegion -Target $Region -Parameter Region
        if ($Hint) { "$($record.Exception.Message)" | Should -BeLike "*$Hint*" }
        $record.ErrorDetails.RecommendedAction | Should -BeLike '*EndpointUrl*'
    }

    It 'a region from AWS_REGION is checked too' {
        # The SDK reads AWS_REGION once per process: a fresh pwsh sees the new value.
        Remove-Item env:AWS_ENDPOINT_URL
        $saved = $env:AWS_REGION
        try {
            $env:AWS_REGION = 'mars-north-1'
            $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
try { Get-SageMakerEventRule -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId; 'CATEGORY=' + `$_.CategoryInfo.Category; 'TARGET=' + `$_.TargetObject }
"@
        }
        finally { $env:AWS_REGION = $saved }
        $result.Output | Should -Match 'ID=InvalidRegion'
        $result.Output | Should -Match 'CATEGORY=InvalidArgument'
        $result.Output | Should -Match 'TARGET=mars-north-1'
    }

    It 'with -EndpointUrl a well-formed unknown region is the user''s word, a malformed one is still refused' {
        Remove-Item env:AWS_ENDPOINT_URL
        $record = Get-CommandError { Get-SageMakerEventRule -Region us-east-9 -EndpointUrl $emulator.Url }
        if ($record) { $record.FullyQualifiedErrorId | Should -Not -BeLike 'InvalidRegion*' }
        Assert-InputError (Get-CommandError { Get-SageMakerEventRule -Region 'US East (N. Virginia)' -EndpointUrl $emulator.Url }) InvalidRegion
    }
}

Describe 'AWS answers keep their meaning' {
    BeforeEach {
        $null = Reset-TestEmulator -Seed demo
        $null = Reset-TestEmulatorRequestCount
    }

    It 'a rule''s sixth target fails on the first answer with LimitsExceeded instead of being retried as throttling' {
        $env:AWS_MAX_ATTEMPTS = $null
        $existing = @(Get-SageMakerEventRuleTarget -RuleName demo-endpoint-changes).Count
        foreach ($i in ($existing + 1)..5) {
            Add-SageMakerEventRuleTarget -RuleName demo-endpoint-changes -Arn "arn:aws:sns:us-east-1:123456789012:limit-$i" -Id "limit-$i" -Confirm:$false -ErrorAction Stop
        }
        @(Get-SageMakerEventRuleTarget -RuleName demo-endpoint-changes).Count | Should -Be 5
        $before = Get-TestEmulatorRequestCount -Operation PutTargets
        $record = Get-CommandError { Add-SageMakerEventRuleTarget -RuleName demo-endpoint-changes -Arn 'arn:aws:sns:us-east-1:123456789012:limit-6' -Id limit-6 -Confirm:$false }
        $record | Should -Not -BeNullOrEmpty
        [string]$record.CategoryInfo.Category | Should -Be 'LimitsExceeded'
        "$record $($record.FullyQualifiedErrorId)" | Should -BeLike '*LimitExceeded*'
        (Get-TestEmulatorRequestCount -Operation PutTargets) - $before | Should -Be 1
    }

    It 'with AWS_RETRY_MODE=<Mode> a hard limit is not retried either' -ForEach @(@{ Mode = 'standard' }, @{ Mode = 'adaptive' }) {
        # The SDK reads AWS_RETRY_MODE once per process: a fresh pwsh sees it.
        $existing = @(Get-SageMakerEventRuleTarget -RuleName demo-endpoint-changes).Count
        foreach ($i in ($existing + 1)..5) {
            Add-SageMakerEventRuleTarget -RuleName demo-endpoint-changes -Arn "arn:aws:sns:us-east-1:123456789012:limit-$i" -Id "limit-$i" -Confirm:$false -ErrorAction Stop
        }
        $before = Get-TestEmulatorRequestCount -Operation PutTargets
        $env:AWS_RETRY_MODE = $Mode
        try {
            $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
try { Add-SageMakerEventRuleTarget -RuleName demo-endpoint-changes -Arn 'arn:aws:sns:us-east-1:123456789012:limit-6' -Id limit-6 -Confirm:`$false -ErrorAction Stop } catch { 'CATEGORY=' + `$_.CategoryInfo.Category }
"@
        }
        finally { Remove-Item env:AWS_RETRY_MODE -ErrorAction SilentlyContinue }
        $result.Output | Should -Match 'CATEGORY=LimitsExceeded'
        (Get-TestEmulatorRequestCount -Operation PutTargets) - $before | Should -Be 1
    }

    It 'a wrong secret is AuthenticationError' {
        $record = Get-CommandError { Get-SageMakerEventRule -AccessKey AKIAIOSFODNN7EXAMPLE -SecretKey 'not/the+right/secret0000000000000000000' }
        [string]$record.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'a request signed an hour off the service''s clock is AuthenticationError (InvalidSignatureException, RequestExpired)' {
        # The SDK's clock is set back an hour and its skew correction turned off, in a child pwsh (process-wide settings).
        $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
`$null = Get-SageMakerEventRule -Name demo-training-failed
`$configs = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' } | ForEach-Object { `$_.GetType('Amazon.AWSConfigs') } | Select-Object -First 1
`$configs.GetProperty('ManualClockCorrection').SetValue(`$null, [Nullable[TimeSpan]][TimeSpan]::FromHours(-1))
`$configs.GetProperty('CorrectForClockSkew').SetValue(`$null, `$false)
try { Get-SageMakerEventRule -Name demo-training-failed -ErrorAction Stop } catch { 'EVENTS=' + `$_.FullyQualifiedErrorId.Split(',')[0] + '/' + `$_.CategoryInfo.Category }
try { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since 10m -ErrorAction Stop } catch { 'METRICS=' + `$_.FullyQualifiedErrorId.Split(',')[0] + '/' + `$_.CategoryInfo.Category }
"@
        $result.Output | Should -Match 'EVENTS=InvalidSignatureException/AuthenticationError'
        $result.Output | Should -Match 'METRICS=RequestExpired/AuthenticationError'
    }

    It 'a call that stays throttled warns once, names the API, and -Verbose shows each attempt' {
        $null = Set-TestEmulatorFault -Service events -Operation ListRules -ThrottleRate 1.0
        $env:SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS = '0.5'
        $env:AWS_MAX_ATTEMPTS = '4'
        try {
            $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
`$warnings = `$null
`$verbose = @(try { Get-SageMakerEventRule -Name 'demo-*' -WarningVariable warnings -WarningAction SilentlyContinue -Verbose -ErrorAction Stop 4>&1 } catch { `$failure = `$_ })
[pscustomobject]@{
    Warnings = @(`$warnings | ForEach-Object { "`$_" })
    Attempts = @(`$verbose | Where-Object { "`$_" -like '*attempt*failed*' } | ForEach-Object { "`$_" })
    Category = [string]`$failure.CategoryInfo.Category
} | ConvertTo-Json -Compress
"@
        }
        finally {
            Remove-Item env:SAGEMAKERMONITORING_THROTTLING_WARNING_SECONDS, env:AWS_MAX_ATTEMPTS -ErrorAction SilentlyContinue
            $null = Clear-TestEmulatorFault
        }
        $json = ($result.Output -split "`r?`n" | Where-Object { $_.StartsWith('{') } | Select-Object -Last 1) | ConvertFrom-Json
        @($json.Warnings).Count | Should -Be 1 -Because $result.Output
        $json.Warnings[0] | Should -BeLike '*EventBridge ListRules*'
        $json.Warnings[0] | Should -BeLike '*Still retrying*'
        @($json.Attempts).Count | Should -Be 4
        $json.Category | Should -Be 'LimitsExceeded'
        Get-TestEmulatorRequestCount -Operation ListRules | Should -Be 4
    }
}
