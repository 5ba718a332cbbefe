# AWS Tools for PowerShell habits: $StoredAWSRegion and $StoredAWSCredentials (what Set-DefaultAWSRegion,
# Set-AWSCredential and Initialize-AWSDefaultConfiguration set) are honoured after explicit parameters and before the
# environment; -ProfileLocation, -AccessKey, -SecretKey and -SessionToken work on every AWS-calling cmdlet; Tab
# completes -Region, -Statistic, SageMaker resource names and rule names.
# Which credentials were used is proven by the emulator: the right key pair succeeds, a wrong secret is refused.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $discovered = Import-Module (Get-TestModulePath) -Force -PassThru
    $awsCmdlets = @($discovered.ExportedCmdlets.Values | Where-Object { $_.Parameters.ContainsKey('EndpointUrl') } | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo
    $script:Key = 'AKIAIOSFODNN7EXAMPLE'
    $script:Secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    $script:Wrong = 'Wr0ngSessionProbe/NotTheSecret+000000000'
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ('smm-session-' + [Guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $folder
    $script:credentialsFile = Join-Path $folder 'credentials'
    Set-Content -LiteralPath $credentialsFile -Value @"
[default]
aws_access_key_id = $Key
aws_secret_access_key = $Secret

[wrong]
aws_access_key_id = $Key
aws_secret_access_key = $Wrong
"@

    function Get-Outcome([scriptblock] $Command) {
        try { $null = & $Command -ErrorAction Stop; 'ok' } catch { [string]$_.CategoryInfo.Category }
    }

    # The region each API call went to, from the -Verbose call lines ("EventBridge ListRules eu-west-1: HTTP 200 ...").
    function Get-CallRegion([scriptblock] $Command) {
        $VerbosePreference = 'Continue'
        $lines = @(& $Command 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        @($lines | ForEach-Object { if ($_ -match '^EventBridge ListRules (\S+): HTTP') { $Matches[1] } }) | Select-Object -First 1
    }
}

AfterAll {
    Remove-Variable -Name StoredAWSRegion, StoredAWSCredentials -Scope Global -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEmulator
}

Describe 'Session defaults of AWS Tools for PowerShell' {
    AfterEach { Remove-Variable -Name StoredAWSRegion, StoredAWSCredentials -Scope Global -ErrorAction SilentlyContinue }

    It '$StoredAWSRegion wins over AWS_REGION, -Region wins over $StoredAWSRegion' {
        $env:AWS_REGION | Should -Be 'us-east-1'
        $global:StoredAWSRegion = 'eu-west-1'
        Get-CallRegion { Get-SageMakerEventRule } | Should -Be 'eu-west-1'
        Get-CallRegion { Get-SageMakerEventRule -Region us-west-2 } | Should -Be 'us-west-2'
        Remove-Variable -Name StoredAWSRegion -Scope Global
        Get-CallRegion { Get-SageMakerEventRule } | Should -Be 'us-east-1'
    }

    It 'an unknown $StoredAWSRegion without an endpoint is InvalidRegion' {
        $saved = $env:AWS_ENDPOINT_URL
        try {
            Remove-Item env:AWS_ENDPOINT_URL
            $global:StoredAWSRegion = 'us-east-9'
            $record = $null
            try { Get-SageMakerEventRule -ErrorAction Stop } catch { $record = $_ }
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidRegion*'
            "$($record.Exception.Message)" | Should -BeLike '*StoredAWSRegion*'
        }
        finally { $env:AWS_ENDPOINT_URL = $saved }
    }

    It '$StoredAWSCredentials as credentials wins over the environment, explicit keys win over it' {
        $global:StoredAWSCredentials = (Get-TestModuleType Amazon.Runtime.BasicAWSCredentials)::new($Key, $Wrong)
        Get-Outcome { Get-SageMakerEventRule } | Should -Be 'AuthenticationError'
        Get-Outcome { Get-SageMakerEventRule -AccessKey $Key -SecretKey $Secret } | Should -Be 'ok'
        $global:StoredAWSCredentials = (Get-TestModuleType Amazon.Runtime.BasicAWSCredentials)::new($Key, $Secret)
        Get-Outcome { Get-SageMakerEventRule } | Should -Be 'ok'
    }

    It '$StoredAWSCredentials as a profile name reads that profile' {
        # The SDK reads AWS_SHARED_CREDENTIALS_FILE once per process: a fresh pwsh sees this file.
        $saved = $env:AWS_SHARED_CREDENTIALS_FILE
        try {
            $env:AWS_SHARED_CREDENTIALS_FILE = $credentialsFile
            $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
function Get-Outcome([scriptblock] `$Command) { try { `$null = & `$Command -ErrorAction Stop; 'ok' } catch { [string]`$_.CategoryInfo.Category } }
`$global:StoredAWSCredentials = 'wrong'
'WRONG=' + (Get-Outcome { Get-SageMakerEventRule })
`$global:StoredAWSCredentials = 'default'
'DEFAULT=' + (Get-Outcome { Get-SageMakerEventRule })
`$global:StoredAWSCredentials = 'wrong'
'EXPLICIT=' + (Get-Outcome { Get-SageMakerEventRule -ProfileName default })
"@
        }
        finally { $env:AWS_SHARED_CREDENTIALS_FILE = $saved }
        $result.Output | Should -Match 'WRONG=AuthenticationError'
        $result.Output | Should -Match 'DEFAULT=ok'
        $result.Output | Should -Match 'EXPLICIT=ok'
    }
}

Describe 'Credential parameters' {
    It '-ProfileLocation reads its default profile, or -ProfileName from it' {
        Get-Outcome { Get-SageMakerEventRule -ProfileLocation $credentialsFile } | Should -Be 'ok'
        Get-Outcome { Get-SageMakerEventRule -ProfileLocation $credentialsFile -ProfileName wrong } | Should -Be 'AuthenticationError'
    }

    It 'a -ProfileLocation that does not exist is ProfileLocationNotFound' {
        $record = $null
        try { Get-SageMakerEventRule -ProfileLocation (Join-Path $folder 'missing') -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'ProfileLocationNotFound*'
        [string]$record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It '-AccessKey/-SecretKey win over the environment; a wrong -SecretKey is AuthenticationError' {
        Get-Outcome { Get-SageMakerEventRule -AccessKey $Key -SecretKey $Wrong } | Should -Be 'AuthenticationError'
        Get-Outcome { Get-SageMakerEventRule -AccessKey $Key -SecretKey $Secret } | Should -Be 'ok'
    }

    It '-AccessKey without -SecretKey is InvalidCredentialParameters and names no secret' {
        $record = $null
        try { Get-SageMakerEventRule -AccessKey $Key -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'InvalidCredentialParameters*'
        [string]$record.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It '-SecretKey and -SessionToken reach no output stream, on success or refusal' {
        $token = 'IQoJb3JpZ2luX2VjEXAMPLE/SessionParameterProbe+NeverPrinted=='
        foreach ($secretKey in $Secret, $Wrong) {
            $Error.Clear()
            $records = @(try { Get-SageMakerEventRule -AccessKey $Key -SecretKey $secretKey -SessionToken $token -Verbose -Debug -ErrorAction Continue *>&1 } catch { $_ })
            $text = (@($records) + @($Error) | ForEach-Object {
                    ($_ | Out-String -Width 4096)
                    if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString(); [string]$_.ErrorDetails; ($_.TargetObject | Out-String) }
                }) -join "`n"
            $text.Contains($secretKey) | Should -BeFalse
            $text.Contains($token) | Should -BeFalse
            $text.Contains($token.Substring(8, 20)) | Should -BeFalse
        }
    }

    It '<Name> has -ProfileLocation, -AccessKey, -SecretKey and -SessionToken' -ForEach $awsCmdlets {
        $command = Get-Command $Name
        foreach ($parameter in 'ProfileLocation', 'AccessKey', 'SecretKey', 'SessionToken') {
            $command.Parameters.ContainsKey($parameter) | Should -BeTrue -Because "$Name -$parameter"
        }
    }
}

Describe 'Tab completion' {
    BeforeAll {
        function Get-Completion([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches | ForEach-Object CompletionText)
        }
    }

    It '-Region completes region names from the SDK' {
        $names = Get-Completion 'Get-SageMakerMetric -Region us-ea'
        $names | Should -Contain 'us-east-1'
        $names | Should -Contain 'us-east-2'
        $names | Should -Not -Contain 'eu-west-1'
        Get-Completion 'Get-SageMakerEventRule -Region eu-c' | Should -Contain 'eu-central-1'
    }

    It '-Statistic completes statistics and percentiles' {
        Get-Completion 'Get-SageMakerMetric -TrainingJobName x -Statistic Av' | Should -Be @('Average')
        $p = Get-Completion 'Watch-SageMakerMetric -TrainingJobName x -Statistic p9'
        $p | Should -Contain 'p90'
        $p | Should -Contain 'p99'
        Get-Completion 'Export-SageMakerMetric -TrainingJobName x -Path x -Statistic Sa' | Should -Be @('SampleCount')
    }

    It '<Line> completes <Expected> from SageMaker' -ForEach @(
        @{ Line = 'Get-SageMakerMetric -TrainingJobName demo-tr'; Expected = 'demo-train-resnet50' }
        @{ Line = 'Find-SageMakerMetric -ProcessingJobName demo-pre'; Expected = 'demo-preprocess' }
        @{ Line = 'Export-SageMakerMetric -TransformJobName demo-ba'; Expected = 'demo-batch-score' }
        @{ Line = 'Watch-SageMakerMetric -EndpointName demo-ch'; Expected = 'demo-churn-endpoint' }
        @{ Line = 'New-SageMakerEventRule -Name r -EventType TrainingJobStateChange -ResourceName demo-tr'; Expected = 'demo-train-resnet50' }
        @{ Line = 'Set-SageMakerEventRule -Name r -EventType EndpointStateChange -ResourceName demo-ch'; Expected = 'demo-churn-endpoint' }
    ) {
        Get-Completion $Line | Should -Contain $Expected
    }

    It 'a resource created a moment ago completes after the cache of its prefix' {
        $null = Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{ type = 'TrainingJob'; name = 'fresh-completion-job'; status = 'InProgress' }
        Get-Completion 'Get-SageMakerMetric -TrainingJobName fresh-comp' | Should -Be @('fresh-completion-job')
    }

    It 'rule names complete for <Line>' -ForEach @(
        @{ Line = 'Get-SageMakerEventRule -Name demo-tr' }
        @{ Line = 'Enable-SageMakerEventRule -Name demo-tr' }
        @{ Line = 'Set-SageMakerEventRule -Name demo-tr' }
        @{ Line = 'Remove-SageMakerEventRule -Name demo-tr' }
        @{ Line = 'Get-SageMakerEventRuleTarget -RuleName demo-tr' }
        @{ Line = 'Add-SageMakerEventRuleTarget -RuleName demo-tr' }
    ) {
        Get-Completion $Line | Should -Contain 'demo-training-failed'
    }

    It 'completion against an unreachable endpoint completes nothing and does not throw' {
        { Get-Completion 'Get-SageMakerMetric -EndpointUrl http://127.0.0.1:9 -TrainingJobName demo' } | Should -Not -Throw
        Get-Completion 'Get-SageMakerMetric -EndpointUrl http://127.0.0.1:9 -TrainingJobName demo' | Should -Not -Contain 'demo-train-resnet50'
    }
}
