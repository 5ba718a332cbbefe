# A resource the user names that neither SageMaker nor CloudWatch/Logs knows is a non-terminating <Kind>NotFound error
# (category ObjectNotFound) naming what was searched and the similar names that exist, in every cmdlet that takes a
# resource name; a scheduled `pwsh -File` script with $ErrorActionPreference = 'Stop' and a misspelled job exits
# non-zero; a resource that exists but has no data in the range stays a warning that says where its data is.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed demo
    $script:archive = Join-Path ([IO.Path]::GetTempPath()) ('smm-notfound-' + [Guid]::NewGuid().ToString('n'))
    $script:report = Join-Path ([IO.Path]::GetTempPath()) ('smm-notfound-' + [Guid]::NewGuid().ToString('n') + '.html')
    function Get-ErrorId($Record) { ($Record.FullyQualifiedErrorId -split ',')[0] }
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:archive -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -LiteralPath $script:report -Force -ErrorAction SilentlyContinue
}

Describe 'A misspelled name' {
    # One command line per cmdlet that takes a resource name; {0} is the name. Searched: what the message says was
    # searched, where only SageMaker's Describe call decides (the utilization cmdlets and Debugger data describe the
    # job first, so CloudWatch is never asked).
    BeforeDiscovery {
        $script:jobCommands = @(
            @{ Cmdlet = 'Get-SageMakerMetric'; Line = "Get-SageMakerMetric -TrainingJobName '{0}' -Since 2h" }
            @{ Cmdlet = 'Find-SageMakerMetric'; Line = "Find-SageMakerMetric -TrainingJobName '{0}'" }
            @{ Cmdlet = 'Watch-SageMakerMetric'; Line = "Watch-SageMakerMetric -TrainingJobName '{0}' -Count 1 -Interval 1s" }
            @{ Cmdlet = 'Get-SageMakerLogStream'; Line = "Get-SageMakerLogStream -TrainingJobName '{0}'" }
            @{ Cmdlet = 'Get-SageMakerLogEvent'; Line = "Get-SageMakerLogEvent -TrainingJobName '{0}' -Since 1h" }
            @{ Cmdlet = 'Invoke-SageMakerLogQuery'; Line = "Invoke-SageMakerLogQuery -TrainingJobName '{0}' -Query 'fields @message' -Since 1h" }
            @{ Cmdlet = 'Export-SageMakerMetric'; Line = "Export-SageMakerMetric -TrainingJobName '{0}' -Path '<archive>'" }
            @{ Cmdlet = 'Get-SageMakerMetric -Source Debugger'; Line = "Get-SageMakerMetric -TrainingJobName '{0}' -Source Debugger -Since 1h"; Searched = 'searched SageMaker \(DescribeTrainingJob\)\)\.' }
            @{ Cmdlet = 'Measure-SageMakerUtilization'; Line = "Measure-SageMakerUtilization -TrainingJobName '{0}' -Since 1h"; Searched = 'searched SageMaker \(DescribeTrainingJob\)\)\.' }
            @{ Cmdlet = 'Get-SageMakerUtilizationFinding'; Line = "Get-SageMakerUtilizationFinding -TrainingJobName '{0}' -Since 1h"; Searched = 'searched SageMaker \(DescribeTrainingJob\)\)\.' }
            @{ Cmdlet = 'Export-SageMakerReport'; Line = "Export-SageMakerReport -TrainingJobName '{0}' -Path '<report>'"; Searched = 'searched SageMaker \(DescribeTrainingJob\)\)\.' }
            @{ Cmdlet = 'Write-SageMakerMetric'; Line = "Write-SageMakerMetric -Namespace NotFound/Write -MetricName Probe -Value 1 -TrainingJobName '{0}' -HostName algo-1"; Searched = 'searched SageMaker \(DescribeTrainingJob\)\)\.' }
        )
        $script:endpointCommands = @(
            @{ Cmdlet = 'Get-SageMakerMetric'; Line = "Get-SageMakerMetric -EndpointName '{0}' -Since 1h" }
            @{ Cmdlet = 'Find-SageMakerMetric'; Line = "Find-SageMakerMetric -EndpointName '{0}'" }
            @{ Cmdlet = 'Get-SageMakerLogStream'; Line = "Get-SageMakerLogStream -EndpointName '{0}'" }
            @{ Cmdlet = 'Get-SageMakerLogEvent'; Line = "Get-SageMakerLogEvent -EndpointName '{0}'" }
            @{ Cmdlet = 'Invoke-SageMakerLogQuery'; Line = "Invoke-SageMakerLogQuery -EndpointName '{0}' -Query 'fields @message'" }
            @{ Cmdlet = 'Export-SageMakerMetric'; Line = "Export-SageMakerMetric -EndpointName '{0}' -Path '<archive>'" }
            @{ Cmdlet = 'Measure-SageMakerUtilization'; Line = "Measure-SageMakerUtilization -EndpointName '{0}'" }
            @{ Cmdlet = 'Get-SageMakerUtilizationFinding'; Line = "Get-SageMakerUtilizationFinding -EndpointName '{0}'" }
            @{ Cmdlet = 'Export-SageMakerReport'; Line = "Export-SageMakerReport -EndpointName '{0}' -Path '<report>'" }
            @{ Cmdlet = 'Write-SageMakerMetric'; Line = "Write-SageMakerMetric -Namespace NotFound/Write -MetricName Probe -Value 1 -EndpointName '{0}'" }
        )
    }

    It '<Cmdlet>: a job typo is a non-terminating TrainingJobNotFound naming the job that exists' -ForEach $jobCommands {
        $line = ($Line -f 'demo-train-resnet5O').Replace('<archive>', $script:archive).Replace('<report>', $script:report)
        $errors = $null
        $output = @(. ([scriptblock]::Create($line + ' -ErrorVariable +errors -ErrorAction SilentlyContinue')))
        $output.Count | Should -Be 0
        @($errors).Count | Should -Be 1
        Get-ErrorId $errors[0] | Should -Be 'TrainingJobNotFound'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'demo-train-resnet5O'
        $errors[0].Exception.Message | Should -Match 'Similar names that exist: demo-train-resnet50'
        $errors[0].Exception.Message | Should -Match $(if ($_.Searched) { $_.Searched } else { 'searched SageMaker \(DescribeTrainingJob\) and CloudWatch' })
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'demo-train-resnet50'
    }

    It '<Cmdlet>: an endpoint typo is EndpointNotFound naming the endpoint that exists' -ForEach $endpointCommands {
        $line = ($Line -f 'demo-churn-endpoit').Replace('<archive>', $script:archive).Replace('<report>', $script:report)
        $errors = $null
        $output = @(. ([scriptblock]::Create($line + ' -ErrorVariable +errors -ErrorAction SilentlyContinue')))
        $output.Count | Should -Be 0
        @($errors).Count | Should -Be 1
        Get-ErrorId $errors[0] | Should -Be 'EndpointNotFound'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].Exception.Message | Should -Match 'demo-churn-endpoint'
    }

    It '<Cmdlet>: a scheduled script with ErrorActionPreference Stop exits non-zero' -ForEach $jobCommands {
        $line = ($Line -f 'demo-train-resnet5O').Replace('<archive>', $script:archive).Replace('<report>', $script:report)
        $child = Invoke-TestPwsh -Script "`$ErrorActionPreference = 'Stop'; Import-Module '$script:modulePath'; $line | Out-Null; 'reached the end'"
        $child.ExitCode | Should -Not -Be 0
        $child.Output | Should -Not -Match 'reached the end'
        $child.Output | Should -Match 'demo-train-resnet5O'
    }

    It 'is one failed item: the next name in the pipeline still runs' {
        $errors = $null
        $streams = @('demo-train-resnet5O', 'demo-train-resnet50' | Get-SageMakerLogStream -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($errors).Count | Should -Be 1
        $streams.Count | Should -Be 4
        $points = @('demo-train-resnet5O', 'demo-train-resnet50' | Get-SageMakerMetric -MetricName CPUUtilization -Since 10m -Period 1m -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($errors).Count | Should -Be 1
        $points.Count | Should -BeGreaterThan 0
    }

    It 'does not leave an archive behind for Export-SageMakerMetric' {
        Export-SageMakerMetric -TrainingJobName demo-train-resnet5O -Path $script:archive -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-Path -LiteralPath (Join-Path $script:archive '_checkpoint.json') | Should -BeFalse
    }

    It 'does not leave a report behind for Export-SageMakerReport' {
        Export-SageMakerReport -TrainingJobName demo-train-resnet5O -Path $script:report -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Test-Path -LiteralPath $script:report | Should -BeFalse
    }

    It 'sends nothing for Write-SageMakerMetric' {
        Reset-TestEmulatorRequestCount | Out-Null
        Write-SageMakerMetric -Namespace NotFound/Write -MetricName Probe -Value 1, 2 -TrainingJobName demo-train-resnet5O -HostName algo-1 -ErrorAction SilentlyContinue
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 0
    }

    It 'of an endpoint variant is EndpointVariantNotFound listing the variants' {
        $errors = $null
        Find-SageMakerMetric -EndpointName demo-churn-endpoint -VariantName Primry -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorId $errors[0] | Should -Be 'EndpointVariantNotFound'
        $errors[0].Exception.Message | Should -Match 'Primary, Pipeline'
    }

    It 'of an explicit log group is LogGroupNotFound for reads and queries' {
        $errors = $null
        Invoke-SageMakerLogQuery -LogGroupName /no/such/group -Query 'fields @message' -Since 1h -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorId $errors[0] | Should -Be 'LogGroupNotFound'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

Describe 'A resource that exists but has no data in the range' {
    It 'is a warning that says how old its newest event is' {
        $warnings = $null
        $events = @(Get-SageMakerLogEvent -TransformJobName demo-batch-score -Since 1h -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop)
        $events.Count | Should -Be 0
        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'the newest event of demo-batch-score/\S+ is 29 h 0\d min old'
        "$($warnings[0])" | Should -Match 'widen -Since'
    }

    It 'is a warning for metrics too, not an error' {
        $warnings = $null
        $points = @(Get-SageMakerMetric -TransformJobName demo-batch-score -Since 1h -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop)
        $points.Count | Should -Be 0
        "$warnings" | Should -Match 'No datapoints'
    }
}
