# Get-, Find- and Watch-SageMakerMetric against the emulator: every parameter set, Auto period in all four retention
# tiers, explicit-period errors, percentiles, pipeline binding, paging, faults, Watch's exactly-once with late data,
# and the no-metrics warning.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Seed empty
    # The demo world and the tier data are laid out relative to a frozen emulator clock close to real time, so that
    # the module's "now" (the machine clock) and the emulator's agree on the age of every range.
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc).AddMinutes(-1)
    Set-TestEmulatorClock -Freeze $T | Out-Null
    Add-TestEmulatorSeed -Seed demo | Out-Null
    # A job with 1-minute data over 200 days for the retention tiers.
    Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{
        jobName = 'tier-job'; hosts = 1; metrics = @('CPUUtilization'); seconds = 200 * 86400; resolution = 60; end = $T.ToString('o')
    } | Out-Null

    function Invoke-Aws {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        # The CLI must not look for a profile (the test environment points the config files nowhere).
        Remove-Item Env:AWS_PROFILE, Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
        $out = & aws @Arguments --endpoint-url $env:AWS_ENDPOINT_URL --region us-east-1 --output json 2>&1
        if ($LASTEXITCODE -ne 0) { throw "aws $Arguments failed: $out" }
        $out
    }

    function Put-Datum([string] $Namespace, [string] $Name, [hashtable] $Dimensions, [datetime] $Timestamp, [double] $Value) {
        Put-Data $Namespace $Name $Dimensions @{ $Timestamp = $Value }
    }

    # Several datapoints of one metric in one PutMetricData call: @{ <timestamp> = <value>; ... }.
    function Put-Data([string] $Namespace, [string] $Name, [hashtable] $Dimensions, [hashtable] $Points) {
        $data = @(foreach ($point in $Points.GetEnumerator()) {
            @{ MetricName = $Name; Timestamp = ([datetime]$point.Key).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ'); Value = [double]$point.Value
                Dimensions = @($Dimensions.GetEnumerator() | ForEach-Object { @{ Name = $_.Key; Value = "$($_.Value)" } }) }
        })
        Invoke-Aws cloudwatch put-metric-data --namespace $Namespace --metric-data (ConvertTo-Json -Compress -Depth 5 $data) | Out-Null
    }

    function Key($p) { '{0}|{1}|{2}|{3}|{4:o}|{5:R}' -f $p.ResourceName, $p.Host, $p.VariantName, $p.MetricName, $p.Timestamp, $p.Value }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Get-SageMakerMetric resource parameter sets' {
    It 'reads every host of a training job (-TrainingJobName)' {
        $points = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -StartTime $T.AddMinutes(-10) -EndTime $T
        ($points.Host | Sort-Object -Unique) | Should -Be @('algo-1', 'algo-2', 'algo-3', 'algo-4')
        $points.Count | Should -Be 2400
        $points[0].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Metrics.MetricDatapoint'
        ($points | Where-Object Host -eq 'algo-3' | Measure-Object Value -Average).Average |
            Should -BeLessThan (($points | Where-Object Host -eq 'algo-1' | Measure-Object Value -Average).Average / 2)
        $points | ForEach-Object { $_.Timestamp.Offset } | Sort-Object -Unique | Should -Be ([TimeSpan]::Zero)
    }

    It 'uses a job''s own start and end when no time is given (-ProcessingJobName)' {
        $points = Get-SageMakerMetric -ProcessingJobName demo-preprocess -MetricName CPUUtilization
        ($points.Host | Sort-Object -Unique) | Should -Be @('algo-1', 'algo-2')
        $first = ($points | Measure-Object Timestamp -Minimum).Minimum
        $last = ($points | Measure-Object Timestamp -Maximum).Maximum
        $first | Should -BeGreaterOrEqual $T.AddHours(-5).AddMinutes(-1)
        $last | Should -BeLessThan $T.AddHours(-4).AddMinutes(-19)
        $points.Period | Sort-Object -Unique | Should -Be 60
    }

    It 'reads a transform job by its instance host (-TransformJobName)' {
        $points = Get-SageMakerMetric -TransformJobName demo-batch-score
        $points | Should -Not -BeNullOrEmpty
        $points.Host | Sort-Object -Unique | Should -Be 'i-0fedcba9876543210'
        $points.Namespace | Sort-Object -Unique | Should -Be '/aws/sagemaker/TransformJobs'
    }

    It 'reads an endpoint''s invocation defaults per variant and narrows to one (-EndpointName -VariantName)' {
        $all = Get-SageMakerMetric -EndpointName demo-churn-endpoint -Since 30m
        $all.VariantName | Sort-Object -Unique | Should -Be @('Pipeline', 'Primary')
        $all.MetricName | Sort-Object -Unique | Should -Contain 'ModelLatency'
        ($all | Where-Object MetricName -eq 'Invocations').Statistic | Sort-Object -Unique | Should -Be 'Sum'
        $one = Get-SageMakerMetric -EndpointName demo-churn-endpoint -VariantName Primary -MetricName CPUUtilization -Since 30m
        $one.VariantName | Sort-Object -Unique | Should -Be 'Primary'
        $one.Namespace | Sort-Object -Unique | Should -Be '/aws/sagemaker/Endpoints'
    }

    It 'reads an inference component by its InferenceComponentName dimension (-InferenceComponentName)' {
        # PutMetricData refuses AWS/ namespaces, so ListMetrics knows nothing; SageMaker knows the component, so the
        # catalog's series are asked for by exact name and the warning says what was searched.
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{ type = 'InferenceComponent'; name = 'ic-demo'; endpointName = 'demo-churn-endpoint' } | Out-Null
        Reset-TestEmulatorRequestCount | Out-Null
        $points = Get-SageMakerMetric -InferenceComponentName ic-demo -MetricName Invocations, ModelLatency -Since 10m -WarningVariable w -WarningAction SilentlyContinue
        $points | Should -BeNullOrEmpty
        (Get-TestEmulatorRequestCount -Operation monitoring.GetMetricData) | Should -Be 1
        "$w" | Should -Match 'InferenceComponentName=ic-demo'
        "$w" | Should -Match 'Invocations'
    }

    It 'reads any namespace with exact dimensions (-Namespace -Dimension)' {
        Put-Datum 'Custom/Queues' 'Depth' @{ Queue = 'orders' } $T.AddMinutes(-3) 7
        Put-Datum 'Custom/Queues' 'Depth' @{ Queue = 'refunds' } $T.AddMinutes(-3) 9
        $points = Get-SageMakerMetric -Namespace Custom/Queues -Dimension @{ Queue = 'orders' } -MetricName Depth -StartTime $T.AddMinutes(-10) -EndTime $T
        $points.Value | Should -Be 7
        $points.Dimensions['Queue'] | Should -Be 'orders'
        $listed = Get-SageMakerMetric -Namespace Custom/Queues -Dimension @{ Queue = 'refunds' } -StartTime $T.AddMinutes(-10) -EndTime $T
        $listed.Value | Should -Be 9
    }

    It 'returns whole series with -AsSeries' {
        $series = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization, GPUUtilization -StartTime $T.AddMinutes(-5) -EndTime $T -AsSeries
        $series.Count | Should -Be 8
        $series | ForEach-Object { $_.Count | Should -Be 300; $_.Timestamps.Count | Should -Be 300 }
        $series[0].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Metrics.MetricSeries'
    }
}

Describe 'Periods and retention' {
    It 'Auto picks <Expected> s for a range starting <Label> ago' -ForEach @(
        @{ Label = '30 minutes'; Job = 'demo-train-resnet50'; Back = [TimeSpan]::FromMinutes(30); Length = [TimeSpan]::FromMinutes(5); Expected = 1 }
        @{ Label = '5 hours'; Job = 'tier-job'; Back = [TimeSpan]::FromHours(5); Length = [TimeSpan]::FromHours(1); Expected = 60 }
        @{ Label = '20 days'; Job = 'tier-job'; Back = [TimeSpan]::FromDays(20); Length = [TimeSpan]::FromHours(2); Expected = 300 }
        @{ Label = '100 days'; Job = 'tier-job'; Back = [TimeSpan]::FromDays(100); Length = [TimeSpan]::FromDays(1); Expected = 3600 }
    ) {
        $start = $T - $Back
        $points = @(Get-SageMakerMetric -TrainingJobName $Job -MetricName CPUUtilization -StartTime $start -EndTime ($start + $Length) | Where-Object Host -eq 'algo-1')
        # CloudWatch rounds the start down to the period, so the bucket holding the start is included.
        $floored = $start.AddTicks(-($start.Ticks % ($Expected * [TimeSpan]::TicksPerSecond)))
        $points.Count | Should -Be ([math]::Ceiling((($start + $Length) - $floored).TotalSeconds / $Expected))
        $points.Period | Sort-Object -Unique | Should -Be $Expected
        ($points[1].Timestamp - $points[0].Timestamp).TotalSeconds | Should -Be $Expected
    }

    It 'refuses an explicit period finer than what is retained, naming the finest valid one' {
        $err = $null
        try { Get-SageMakerMetric -TrainingJobName tier-job -StartTime $T.AddDays(-20) -EndTime $T.AddDays(-19) -Period 60 -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'PeriodNotRetained,*'
        $err.Exception.Message | Should -Match 'finest valid period is 300 seconds'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses 1-second data older than 3 hours and malformed periods' {
        { Get-SageMakerMetric -TrainingJobName tier-job -StartTime $T.AddHours(-5) -EndTime $T.AddHours(-4) -Period 1 -ErrorAction Stop } |
            Should -Throw -ErrorId 'PeriodNotRetained,*'
        { Get-SageMakerMetric -TrainingJobName tier-job -Since 1h -Period 45 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPeriod,*'
    }

    It 'accepts periods as spans' {
        $start = $T.AddHours(-5)
        $points = Get-SageMakerMetric -TrainingJobName tier-job -StartTime $start -EndTime $T.AddHours(-4) -Period 5m
        $points.Count | Should -Be $(if ($start.Minute % 5) { 13 } else { 12 })
        $points.Period | Sort-Object -Unique | Should -Be 300
    }
}

Describe 'Statistics' {
    It 'reads percentiles of endpoint latency, several at once' {
        $points = Get-SageMakerMetric -EndpointName demo-churn-endpoint -VariantName Primary -MetricName ModelLatency -Statistic p50, p99, Average -Since 1h
        $points.Statistic | Sort-Object -Unique | Should -Be @('Average', 'p50', 'p99')
        $points.Unit | Sort-Object -Unique | Should -Be 'Microseconds'
        foreach ($g in ($points | Group-Object Timestamp)) {
            $p50 = ($g.Group | Where-Object Statistic -eq 'p50').Value
            $p99 = ($g.Group | Where-Object Statistic -eq 'p99').Value
            $p99 | Should -BeGreaterOrEqual $p50
        }
    }
}

Describe 'Pipeline binding' {
    It 'binds objects with TrainingJobName, plain strings, and objects with EndpointName and VariantName' {
        $fromObject = [pscustomobject]@{ TrainingJobName = 'demo-train-resnet50' } | Get-SageMakerMetric -MetricName DiskUtilization -StartTime $T.AddMinutes(-2) -EndTime $T
        $fromString = 'demo-train-resnet50' | Get-SageMakerMetric -MetricName DiskUtilization -StartTime $T.AddMinutes(-2) -EndTime $T
        $fromObject.Count | Should -Be 480
        ($fromObject | ForEach-Object { Key $_ }) | Should -Be ($fromString | ForEach-Object { Key $_ })
        $endpoint = [pscustomobject]@{ EndpointName = 'demo-churn-endpoint'; VariantName = 'Pipeline' } | Get-SageMakerMetric -MetricName Invocations -Since 10m
        $endpoint.VariantName | Sort-Object -Unique | Should -Be 'Pipeline'
        $jobs = @([pscustomobject]@{ ProcessingJobName = 'demo-preprocess' }, [pscustomobject]@{ TrainingJobName = 'demo-train-resnet50' })
        $found = $jobs | Find-SageMakerMetric
        $found.ResourceName | Sort-Object -Unique | Should -Be @('demo-preprocess', 'demo-train-resnet50')
    }
}

Describe 'Paging and limits' {
    BeforeAll {
        $end = [DateTime]::UtcNow.AddSeconds(90)
        # 120 hosts x 5 metrics = 600 series (more than 500 queries per call) and 600 ListMetrics entries (2 pages).
        Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{ jobName = 'wide-job'; hosts = 120; seconds = 1800; resolution = 60; end = $T.ToString('o') } | Out-Null
        # 6 hosts x 5 metrics x 1 h at 1 s = 108,000 points: more than one call can return.
        Set-TestEmulatorClock -Real | Out-Null
        Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{ jobName = 'deep-job'; hosts = 6; seconds = 3600; resolution = 1; end = $end.ToString('o') } | Out-Null
        $script:deepStart = $end.AddHours(-1)
        $script:deepEnd = $end
    }
    AfterAll { Set-TestEmulatorClock -Freeze $T | Out-Null }

    It 'reads more than 500 series and lists more than one page of metrics' {
        Reset-TestEmulatorRequestCount | Out-Null
        (Find-SageMakerMetric -TrainingJobName wide-job).Count | Should -Be 600
        (Get-TestEmulatorRequestCount -Operation monitoring.ListMetrics) | Should -BeGreaterThan 1
        Reset-TestEmulatorRequestCount | Out-Null
        $points = Get-SageMakerMetric -TrainingJobName wide-job -StartTime $T.AddMinutes(-30) -EndTime $T -Period 60
        $points.Count | Should -Be (600 * 30)
        (Get-TestEmulatorRequestCount -Operation monitoring.GetMetricData) | Should -Be 2
    }

    It 'splits a workload larger than one call and loses or repeats nothing' {
        Reset-TestEmulatorRequestCount | Out-Null
        $points = Get-SageMakerMetric -TrainingJobName deep-job -StartTime $deepStart -EndTime $deepEnd
        $points.Count | Should -Be 108000
        (Get-TestEmulatorRequestCount -Operation monitoring.GetMetricData) | Should -Be 2
        ($points | ForEach-Object { "$($_.Host)|$($_.MetricName)|$($_.Timestamp.Ticks)" } | Sort-Object -Unique).Count | Should -Be 108000
    }

    It 'stops cleanly when the rest of the pipeline has enough (Select-Object -First), the next call already on its way' {
        Reset-TestEmulatorRequestCount | Out-Null
        $few = @(Get-SageMakerMetric -TrainingJobName deep-job -StartTime $deepStart -EndTime $deepEnd | Select-Object -First 3)
        $few.Count | Should -Be 3
        $few[0].Timestamp | Should -BeLessThan $few[1].Timestamp
        (Get-TestEmulatorRequestCount -Operation monitoring.GetMetricData) | Should -BeLessOrEqual 2
        # The session is left fit for the next read.
        (Get-SageMakerMetric -TrainingJobName deep-job -StartTime $deepStart -EndTime $deepStart.AddMinutes(1) -MetricName CPUUtilization).Count | Should -BeGreaterThan 0
    }

    It 'gives the same result with throttling and 5xx at 30%' {
        $clean = Get-SageMakerMetric -TrainingJobName deep-job -StartTime $deepStart -EndTime $deepEnd -MetricName CPUUtilization, GPUUtilization |
            ForEach-Object { Key $_ } | Sort-Object
        Set-TestEmulatorFault -Service monitoring -Operation '*' -ThrottleRate 0.3 -ErrorRate 0.3 -Seed 11 | Out-Null
        try {
            $faulty = Get-SageMakerMetric -TrainingJobName deep-job -StartTime $deepStart -EndTime $deepEnd -MetricName CPUUtilization, GPUUtilization |
                ForEach-Object { Key $_ } | Sort-Object
            $injected = (Get-TestEmulatorFault).injected.PSObject.Properties | Measure-Object Value -Sum
            $injected.Sum | Should -BeGreaterThan 0
        }
        finally { Clear-TestEmulatorFault | Out-Null }
        $faulty.Count | Should -Be 43200
        $faulty | Should -Be $clean
    }
}

Describe 'Find-SageMakerMetric' {
    It 'lists the metrics of each host, filtered by wildcard' {
        $found = Find-SageMakerMetric -TrainingJobName demo-train-resnet50
        $found.Count | Should -Be 20
        $found[0].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Metrics.MetricInfo'
        (Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPU*).MetricName | Sort-Object -Unique | Should -Be @('GPUMemoryUtilization', 'GPUUtilization')
        (Find-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName ContainerLatency).Host | Sort-Object | Should -Be @('container-1', 'container-2')
    }
}

Describe 'Warnings' {
    It 'a resource neither CloudWatch nor SageMaker knows is an error with what was searched and similar names' {
        $points = Get-SageMakerMetric -TrainingJobName demo-train-resnet5 -Since 1h -ErrorVariable e -ErrorAction SilentlyContinue
        $points | Should -BeNullOrEmpty
        "$e" | Should -Match '/aws/sagemaker/TrainingJobs'
        "$e" | Should -Match 'Host=demo-train-resnet5/\*'
        "$e" | Should -Match 'demo-train-resnet50'
    }

    It 'warns about a metric name that does not exist and suggests close ones' {
        $null = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilisation -Since 5m -WarningVariable w -WarningAction SilentlyContinue
        "$w" | Should -Match 'GPUUtilization'
    }
}

Describe 'Watch-SageMakerMetric' {
    BeforeAll { Set-TestEmulatorClock -Real | Out-Null }
    AfterAll { Set-TestEmulatorClock -Freeze $T | Out-Null }

    It 'writes each point once, including one that arrives late' {
        $now = [DateTime]::UtcNow
        $minute = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc)
        Put-Data 'Custom/Watch' 'Depth' @{ Queue = 'late' } @{ $minute.AddMinutes(-4) = 4; $minute.AddMinutes(-2) = 2; $minute.AddMinutes(-1) = 1 }
        # Minute -3 arrives while the watch runs: put once the watch has made its first read (no fixed sleep).
        $late = $minute.AddMinutes(-3)
        Reset-TestEmulatorRequestCount | Out-Null
        $job = Start-ThreadJob -ScriptBlock {
            param($Url, $Stamp)
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            do {
                $reads = (Invoke-RestMethod -Uri "$Url/_emulator/requests" -NoProxy).operations.'monitoring.GetMetricData'
                if ($reads -ge 1) { break }
                Start-Sleep -Milliseconds 50
            } while ([DateTime]::UtcNow -lt $deadline)
            $datum = '[{"MetricName":"Depth","Dimensions":[{"Name":"Queue","Value":"late"}],"Timestamp":"' + $Stamp + '","Value":3}]'
            & aws cloudwatch put-metric-data --namespace Custom/Watch --metric-data $datum --endpoint-url $Url --region us-east-1 2>&1
            "reads before the late point: $reads"
        } -ArgumentList $env:AWS_ENDPOINT_URL, $late.ToString('yyyy-MM-ddTHH:mm:ssZ')
        try {
            # Stops at the 4th point written; -Until only bounds the run if the late point never shows up.
            $points = Watch-SageMakerMetric -Namespace Custom/Watch -Dimension @{ Queue = 'late' } -MetricName Depth -Period 60 -Interval 1s -Since 6m -Count 4 -Until ([DateTime]::UtcNow.AddSeconds(90))
        }
        finally { $log = $job | Receive-Job -Wait -AutoRemoveJob }
        "$log" | Should -Match 'reads before the late point: [1-9]'
        $stamps = $points | ForEach-Object { $_.Timestamp }
        $stamps.Count | Should -Be 4
        ($stamps | Sort-Object -Unique).Count | Should -Be 4
        $stamps | Should -Contain $late
        ($points | Where-Object Timestamp -eq $late).Value | Should -Be 3
        # It was written after the points that were there from the start.
        $points[-1].Timestamp.UtcDateTime | Should -Be $late
    }

    It 'stops after -Count points' {
        $now = [DateTime]::UtcNow
        $minute = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc)
        Put-Data 'Custom/Watch' 'Depth' @{ Queue = 'count' } @{ $minute.AddMinutes(-4) = 4; $minute.AddMinutes(-3) = 3; $minute.AddMinutes(-2) = 2 }
        $points = Watch-SageMakerMetric -Namespace Custom/Watch -Dimension @{ Queue = 'count' } -MetricName Depth -Period 60 -Since 10m -Count 2
        $points.Count | Should -Be 2
    }
}

Describe 'Bad input and missing configuration' {
    It 'names the parameter and the value of a malformed duration or period' {
        $err = $null
        try { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since banana -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'InvalidDuration,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.TargetObject | Should -Be 'banana'
        $err.Exception.Message | Should -BeLike "*-Since 'banana'*"
        { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since 1h -Period soon -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPeriod,*'
        { Watch-SageMakerMetric -TrainingJobName demo-train-resnet50 -Interval never -Count 1 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDuration,*'
    }

    It 'says how to set a region when none is configured, before any call is made' {
        $null = Reset-TestEmulatorRequestCount
        $result = Invoke-TestPwsh -Script @"
Remove-Item Env:AWS_REGION, Env:AWS_DEFAULT_REGION, Env:AWS_PROFILE, Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
`$env:AWS_CONFIG_FILE = Join-Path ([IO.Path]::GetTempPath()) 'smm-no-such-config'
`$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path ([IO.Path]::GetTempPath()) 'smm-no-such-credentials'
`$env:AWS_EC2_METADATA_DISABLED = 'true'
Import-Module '$(Get-TestModulePath)'
try { Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -Since 1h -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId; 'MSG=' + `$_.Exception.Message }
"@
        $result.Output | Should -BeLike '*ID=AwsConfigurationMissing,*'
        $result.Output | Should -BeLike '*MSG=No AWS region is configured. Pass -Region*'
        Get-TestEmulatorRequestCount | Should -Be 0
    }
}
