# A sweep of malformed values over the parameters every AWS-calling cmdlet shares (-Region, -ProfileName,
# -ProfileLocation, -EndpointUrl, -AccessKey, -SecretKey, -SessionToken) and the duration/period parameters: each is a
# clear error of the module, never category NotSpecified and never an ErrorId that is a .NET exception type name.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $discovered = Import-Module (Get-TestModulePath) -Force -PassThru
    $shared = 'Region', 'ProfileName', 'ProfileLocation', 'EndpointUrl', 'AccessKey', 'SecretKey', 'SessionToken'
    $timing = 'Since', 'Period', 'Interval', 'PollInterval', 'Timeout', 'LateDataWindow', 'SettleDelay', 'LockTimeout'
    $values = [ordered]@{ nul = "us`0east"; huge = ('x' * 20000); blank = ' '; text = 'US East (N. Virginia)'; negative = '-1'; overflow = '99999999999d' }
    $cases = foreach ($cmdlet in @($discovered.ExportedCmdlets.Values | Where-Object { $_.Parameters.ContainsKey('EndpointUrl') } | Sort-Object Name)) {
        foreach ($parameter in @($shared + $timing | Where-Object { $cmdlet.Parameters.ContainsKey($_) })) {
            foreach ($kind in $values.Keys) {
                @{ Cmdlet = $cmdlet.Name; Parameter = $parameter; Kind = $kind; Value = $values[$kind] }
            }
        }
    }
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo
    $env:AWS_MAX_ATTEMPTS = '1'
    $script:archive = Join-Path ([IO.Path]::GetTempPath()) ('smm-sweep-' + [Guid]::NewGuid().ToString('n'))

    # The fewest arguments that let each cmdlet run against the demo world.
    $script:Required = @{
        'Add-SageMakerEventRuleTarget'    = @{ RuleName = 'demo-training-failed'; Arn = 'arn:aws:sns:us-east-1:123456789012:sweep'; Id = 'sweep'; Confirm = $false }
        'Disable-SageMakerEventRule'      = @{ Name = 'demo-training-failed'; Confirm = $false }
        'Enable-SageMakerEventRule'       = @{ Name = 'demo-training-failed'; Confirm = $false }
        'Export-SageMakerMetric'          = @{ TrainingJobName = 'demo-train-resnet50'; Path = $archive; Since = '10m' }
        'Find-SageMakerMetric'            = @{ TrainingJobName = 'demo-train-resnet50' }
        'Get-SageMakerEventRule'          = @{ Name = 'demo-training-failed' }
        'Get-SageMakerEventRuleTarget'    = @{ RuleName = 'demo-training-failed' }
        'Get-SageMakerLogEvent'           = @{ TrainingJobName = 'demo-train-resnet50'; Since = '10m' }
        'Get-SageMakerLogStream'          = @{ TrainingJobName = 'demo-train-resnet50' }
        'Get-SageMakerMetric'             = @{ TrainingJobName = 'demo-train-resnet50'; MetricName = 'CPUUtilization'; Since = '10m' }
        'Invoke-SageMakerLogQuery'        = @{ TrainingJobName = 'demo-train-resnet50'; Query = 'fields @message | limit 1'; Since = '10m' }
        'New-SageMakerEventRule'          = @{ Name = 'sweep-rule'; EventType = 'TrainingJobStateChange'; Confirm = $false; WhatIf = $true }
        'Remove-SageMakerEventRule'       = @{ Name = 'sweep-missing'; Confirm = $false; WhatIf = $true }
        'Remove-SageMakerEventRuleTarget' = @{ RuleName = 'demo-training-failed'; Id = 'sweep-missing'; Confirm = $false; WhatIf = $true }
        'Set-SageMakerEventRule'          = @{ Name = 'demo-training-failed'; Description = 'sweep'; Confirm = $false; WhatIf = $true }
        'Test-SageMakerEventPattern'      = @{ EventPattern = '{"source":["aws.sagemaker"]}'; Event = '{"source":"aws.sagemaker","detail":{}}' }
        'Watch-SageMakerMetric'           = @{ TrainingJobName = 'demo-train-resnet50'; MetricName = 'CPUUtilization'; Since = '5m'; Period = '1m'; Interval = '1s'; Count = 1 }
        'Measure-SageMakerUtilization'    = @{ TrainingJobName = 'demo-train-resnet50'; Since = '10m'; Source = 'CloudWatch' }
        'Get-SageMakerUtilizationFinding' = @{ TrainingJobName = 'demo-train-resnet50'; Since = '10m'; Source = 'CloudWatch' }
        'Export-SageMakerReport'          = @{ TrainingJobName = 'demo-train-resnet50'; Since = '10m'; Source = 'CloudWatch'; Path = (Join-Path $archive 'report.html') }
        'Write-SageMakerMetric'           = @{ Namespace = 'Sweep/Write'; MetricName = 'Probe'; Value = 1; WhatIf = $true }
    }
}

AfterAll {
    Remove-Item env:AWS_MAX_ATTEMPTS -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $archive -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEmulator
}

Describe 'Malformed shared and timing parameters' {
    It '<Cmdlet> -<Parameter> <Kind> is an error of the module' -ForEach $cases {
        $arguments = @{} + $Required[$Cmdlet]
        $arguments[$Parameter] = $Value
        if ($Parameter -in 'SecretKey', 'SessionToken') { $arguments['AccessKey'] = 'AKIAIOSFODNN7EXAMPLE' }
        if ($Parameter -eq 'AccessKey') { $arguments['SecretKey'] = 'not-the-secret' }
        $records = [Collections.Generic.List[object]]::new()
        try { $null = & $Cmdlet @arguments -ErrorAction SilentlyContinue -ErrorVariable +errs -WarningAction SilentlyContinue } catch { $records.Add($_) }
        foreach ($e in @($errs)) { $records.Add($e) }
        foreach ($record in $records) {
            $id = ([string]$record.FullyQualifiedErrorId).Split(',')[0]
            [string]$record.CategoryInfo.Category | Should -Not -Be 'NotSpecified' -Because "$id : $($record.Exception.Message)"
            $id | Should -Not -Match '^System\.|^(Argument|ArgumentNull|ArgumentOutOfRange|Overflow|Format|NullReference|InvalidOperation|IO|PathTooLong|DirectoryNotFound|FileNotFound|UnauthorizedAccess|AmazonClient|AmazonService|Uri|Http|Socket|Aggregate)Exception$' -Because $record.Exception.Message
        }
    }
}
