# Ranges are bounded to what CloudWatch can hold: -EndTime [datetime]::MaxValue or 100 years ahead is clipped to now plus
# the clock-skew allowance, -StartTime [datetime]::MinValue to 455 days back (metrics) or the Unix epoch (logs), each with
# a warning naming the clip; an end before what CloudWatch keeps, or a start not before the end, is InvalidTimeRange.
# "Promptly" is shown by the requests sent: a handful, not thousands.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo
    function Get-ErrorId($Record) { ($Record.FullyQualifiedErrorId -split ',')[0] }
}

AfterAll { Stop-TestEmulator }

Describe 'Metric ranges' {
    BeforeEach { Reset-TestEmulatorRequestCount | Out-Null }

    It '-EndTime [datetime]::MaxValue is clipped to now plus the skew allowance, with a warning and few calls' {
        $warnings = $null
        $points = @(Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -StartTime (Get-Date).AddMinutes(-10) -EndTime ([datetime]::MaxValue) -Period 1m `
            -WarningVariable warnings -WarningAction SilentlyContinue)
        $points.Count | Should -BeGreaterThan 0
        "$warnings" | Should -Match '-EndTime 9999-12-31T\S+ is in the future; reading up to'
        Get-TestEmulatorRequestCount -Operation GetMetricData | Should -BeLessOrEqual 4
    }

    It '100 years ahead sends a handful of calls, not thousands' {
        $warnings = $null
        Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -StartTime (Get-Date).AddHours(-1) -EndTime (Get-Date).AddYears(100) `
            -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        "$warnings" | Should -Match 'in the future'
        Get-TestEmulatorRequestCount -Operation GetMetricData | Should -BeLessOrEqual 4
    }

    It '-StartTime [datetime]::MinValue is clipped to 455 days back with a warning' {
        $warnings = $null
        Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -StartTime ([datetime]::MinValue) -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        "$warnings" | Should -Match '-StartTime 0001-01-01T\S+ is before .*CloudWatch keeps metrics for 455 days'
    }

    It '-EndTime [datetime]::MinValue and a start not before the end are InvalidTimeRange (InvalidArgument)' {
        foreach ($arguments in @(@{ EndTime = [datetime]::MinValue }, @{ StartTime = (Get-Date); EndTime = (Get-Date).AddHours(-1) }, @{ StartTime = [datetime]::MaxValue })) {
            $record = $null
            try { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 @arguments | Out-Null } catch { $record = $_ }
            Get-ErrorId $record | Should -Be 'InvalidTimeRange'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }
        Get-TestEmulatorRequestCount -Operation GetMetricData | Should -Be 0
    }
}

Describe 'Log ranges' {
    It 'Get-SageMakerLogEvent with [datetime]::MinValue to MaxValue reads the whole job with two clip warnings' {
        $warnings = $null
        $events = @(Get-SageMakerLogEvent -TransformJobName demo-batch-score -StartTime ([datetime]::MinValue) -EndTime ([datetime]::MaxValue) -WarningVariable warnings -WarningAction SilentlyContinue)
        $events.Count | Should -Be 14
        @($warnings).Count | Should -Be 2
        "$warnings" | Should -Match '1970-01-01T00:00:00Z'
        "$warnings" | Should -Match '-EndTime 9999-12-31T\S+ is in the future'
    }

    It 'Invoke-SageMakerLogQuery clips a far end and refuses an inverted range' {
        $warnings = $null
        $rows = @(Invoke-SageMakerLogQuery -TransformJobName demo-batch-score -Query 'stats count(*) as n' -StartTime (Get-Date).AddDays(-2) -EndTime (Get-Date).AddYears(100) `
            -WarningVariable warnings -WarningAction SilentlyContinue)
        $rows[0].n | Should -Be 14
        "$warnings" | Should -Match 'in the future'
        { Invoke-SageMakerLogQuery -TransformJobName demo-batch-score -Query 'fields @message' -StartTime (Get-Date) -EndTime (Get-Date).AddHours(-1) } |
            Should -Throw -ErrorId 'InvalidTimeRange,SageMakerMonitoring.Commands.InvokeSageMakerLogQueryCommand'
    }
}
