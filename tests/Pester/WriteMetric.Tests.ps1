# Write-SageMakerMetric against the emulator: batching to PutMetricData's limits with gzip bodies (the emulator's request
# counters), reading the points back, refused datapoints that do not stop the rest, -WhatIf, and piping datapoints in.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Seed demo
    $now = [DateTime]::UtcNow
    # Whole seconds, a few minutes back, so every point is inside CloudWatch's accepted window.
    $script:T0 = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerSecond, [DateTimeKind]::Utc).AddMinutes(-50)

    function Get-GzipCount([string] $Operation) {
        $counts = Invoke-TestEmulatorRoute -Method GET -Route requests
        $value = $counts.gzip.$Operation
        if ($null -eq $value) { 0 } else { [int]$value }
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Write-SageMakerMetric' {
    It 'publishes 2,500 piped points in 3 gzip-compressed calls and they read back unchanged' {
        Reset-TestEmulatorRequestCount | Out-Null
        $points = foreach ($i in 0..2499) {
            [pscustomobject]@{ MetricName = 'SamplesPerSecond'; Value = [double]($i * 1.5); Timestamp = $T0.AddSeconds($i); Unit = 'Count/Second'
                TrainingJobName = 'write-job'; Host = 'algo-1' }
        }
        $summary = $points | Write-SageMakerMetric -Namespace 'Test/Write' -StorageResolution 1 -PassThru
        $summary.DatapointsSent | Should -Be 2500
        $summary.Requests | Should -Be 3
        $summary.Refused | Should -Be 0
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 3
        Get-GzipCount 'monitoring.PutMetricData' | Should -Be 3

        $back = Get-SageMakerMetric -Namespace 'Test/Write' -MetricName SamplesPerSecond -Dimension @{ Host = 'write-job/algo-1' } `
            -Statistic Sum -Period 1 -StartTime $T0 -EndTime $T0.AddSeconds(2500)
        $back.Count | Should -Be 2500
        ($back | Measure-Object Value -Sum).Sum | Should -Be ((0..2499 | ForEach-Object { $_ * 1.5 } | Measure-Object -Sum).Sum)
        $back[0].Timestamp | Should -Be $T0
        $back[2499].Value | Should -Be 3748.5
    }

    It 'folds repeated values at one timestamp into Values and Counts' {
        Reset-TestEmulatorRequestCount | Out-Null
        $t = $T0.AddMinutes(-5)
        Write-SageMakerMetric -Namespace 'Test/Write' -MetricName Latency -Value 5, 5, 7, 5 -Timestamp $t -Unit Milliseconds -Dimension @{ Stage = 'a' } -StorageResolution 1
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 1
        $sum = Get-SageMakerMetric -Namespace 'Test/Write' -MetricName Latency -Dimension @{ Stage = 'a' } -Statistic Sum, SampleCount -Period 1 -StartTime $t -EndTime $t.AddSeconds(1)
        ($sum | Where-Object Statistic -eq 'Sum').Value | Should -Be 22
        ($sum | Where-Object Statistic -eq 'SampleCount').Value | Should -Be 4
    }

    It 'reports each datapoint CloudWatch would refuse, naming it, and still publishes the others' {
        Reset-TestEmulatorRequestCount | Out-Null
        $good = 0..7 | ForEach-Object { [pscustomobject]@{ MetricName = 'Mixed'; Value = $_; Timestamp = $T0.AddSeconds($_); Dimensions = @{ Stage = 'b' } } }
        $bad = @(
            [pscustomobject]@{ MetricName = 'Mixed'; Value = [double]::NaN; Timestamp = $T0; Dimensions = @{ Stage = 'b' } }
            [pscustomobject]@{ MetricName = 'Mixed'; Value = 1; Timestamp = $T0.AddDays(-15); Dimensions = @{ Stage = 'b' } }
            [pscustomobject]@{ MetricName = 'Mixed'; Value = [Math]::Pow(2, 361); Timestamp = $T0; Dimensions = @{ Stage = 'b' } }
            [pscustomobject]@{ MetricName = 'Mixed'; Value = 1; Timestamp = [DateTime]::UtcNow.AddHours(3); Dimensions = @{ Stage = 'b' } }
            [pscustomobject]@{ MetricName = 'Mixed'; Value = 1; Timestamp = $T0; Dimensions = @{ Stage = '' } }
        )
        $errors = $null
        $summary = @($good[0..3]) + $bad + @($good[4..7]) | Write-SageMakerMetric -Namespace 'Test/Write' -StorageResolution 1 -PassThru -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors.Count | Should -Be 5
        $errors | ForEach-Object { $_.CategoryInfo.Category | Should -Be 'InvalidArgument' }
        ($errors | Where-Object { $_.FullyQualifiedErrorId -like 'InvalidMetricDatum*' }).Count | Should -Be 4
        ($errors | Where-Object { $_.FullyQualifiedErrorId -like 'InvalidDimension*' }).Count | Should -Be 1
        $errors[0].Exception.Message | Should -Match 'Mixed\{Stage=b\}.*NaN'
        $errors[1].Exception.Message | Should -Match 'two weeks'
        $errors[3].Exception.Message | Should -Match 'two hours ahead'
        $summary.DatapointsSent | Should -Be 8
        $summary.Refused | Should -Be 5
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 1
        $back = Get-SageMakerMetric -Namespace 'Test/Write' -MetricName Mixed -Dimension @{ Stage = 'b' } -Statistic Sum -Period 1 -StartTime $T0 -EndTime $T0.AddSeconds(8)
        ($back | Measure-Object Value -Sum).Sum | Should -Be 28
    }

    It 'sends nothing with -WhatIf and says which calls it would make' {
        Reset-TestEmulatorRequestCount | Out-Null
        $result = Invoke-TestPwsh -Script @"
Import-Module '$(Get-TestModulePath)'
`$t0 = [DateTime]::new($($T0.Ticks), [DateTimeKind]::Utc)
0..1200 | ForEach-Object { [pscustomobject]@{ MetricName = 'WhatIf'; Value = `$_; Timestamp = `$t0.AddSeconds(`$_) } } |
    Write-SageMakerMetric -Namespace 'Test/Write' -WhatIf
"@
        $result.ExitCode | Should -Be 0
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 0
        $result.Output | Should -Match 'PutMetricData: 1000 datapoint\(s\) in 1000 metric datum\(s\)" on target "Test/Write"'
        $result.Output | Should -Match 'PutMetricData: 201 datapoint'
    }

    It 'refuses an AWS/ namespace before sending anything' {
        Reset-TestEmulatorRequestCount | Out-Null
        { Write-SageMakerMetric -Namespace 'AWS/SageMaker' -MetricName X -Value 1 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidMetricNamespace*'
        Get-TestEmulatorRequestCount -Operation monitoring.PutMetricData | Should -Be 0
    }

    It 'copies datapoints from Get-SageMakerMetric with their own dimensions and timestamps' {
        $source = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -Since 20m -Period 1m
        $source.Count | Should -BeGreaterThan 0
        $summary = $source | Write-SageMakerMetric -Namespace 'Test/Copy' -PassThru
        $summary.DatapointsSent | Should -Be $source.Count
        $hostName = $source[0].Host
        $expected = $source | Where-Object Host -eq $hostName
        $copy = Get-SageMakerMetric -Namespace 'Test/Copy' -MetricName GPUUtilization -Dimension @{ Host = "demo-train-resnet50/$hostName" } -Statistic Average -Period 1m `
            -StartTime ($expected | Measure-Object Timestamp -Minimum).Minimum -EndTime (($expected | Measure-Object Timestamp -Maximum).Maximum.AddMinutes(1))
        $copy.Count | Should -Be $expected.Count
        for ($i = 0; $i -lt $copy.Count; $i++) {
            $copy[$i].Timestamp | Should -Be $expected[$i].Timestamp
            $copy[$i].Value | Should -Be $expected[$i].Value
        }
    }
}
