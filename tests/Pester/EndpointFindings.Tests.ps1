# Get-SageMakerUtilizationFinding and Measure-SageMakerUtilization on endpoints, against numbers seeded into the emulator's
# CloudWatch through its datapoints control route (PutMetricData refuses AWS/ namespaces, as CloudWatch does).
# Each endpoint's variants and instance types come from its endpoint configuration (DescribeEndpointConfig); vCPU and GPU
# counts are the EC2 instance-type pages' (ml.m5.xlarge: 4 vCPUs; ml.m5.large: 2; ml.g4dn.12xlarge: 48 vCPUs, 4 GPUs).
# /aws/sagemaker/Endpoints sums CPUUtilization over an instance's vCPUs and GPUUtilization over its GPUs; every instance
# of a variant publishes into the variant's series (EndpointName, VariantName), so a minute holds one sample per instance.
# ModelLatency is in microseconds. Thresholds are the documented defaults of the endpoint rules: busiest-instance CPU
# (and GPU) p95 below 20 %, p99 ModelLatency above 1,000 ms, 5xx above 1 % and 4xx above 5 % of invocations.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Seed empty
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc)
    Set-TestEmulatorClock -Freeze $T | Out-Null
    $script:Start = $T.AddMinutes(-60)
    $script:Minutes = 60

    function Add-Endpoint([string] $Name, [object[]] $Variants) {
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{
            type = 'Endpoint'; name = $Name; endpointConfigName = "$Name-config"; creationTime = $Start.AddDays(-1).ToString('o'); variants = $Variants
        } | Out-Null
    }

    # One series: every minute of the hour holds $Samples (one number per instance).
    function New-Series([string] $Namespace, [string] $Metric, [string] $Endpoint, [string] $Variant, [string] $Unit, [double[]] $Samples) {
        $values = [Collections.Generic.List[object]]::new()
        for ($k = 0; $k -lt $Minutes; $k++) { $values.Add([double[]]$Samples) }
        @{ namespace = $Namespace; metricName = $Metric; unit = $Unit; start = $Start.ToString('yyyy-MM-ddTHH:mm:ssZ'); step = 60
            dimensions = @{ EndpointName = $Endpoint; VariantName = $Variant }; values = $values }
    }

    function Add-VariantMetrics {
        param([string] $Endpoint, [string] $Variant, [double[]] $Cpu, [double[]] $Gpu, [double] $LatencyUs, [double] $Invocations, [double] $Errors4xx, [double] $Errors5xx)
        $series = @(
            New-Series /aws/sagemaker/Endpoints CPUUtilization $Endpoint $Variant Percent $Cpu
            New-Series /aws/sagemaker/Endpoints MemoryUtilization $Endpoint $Variant Percent @($Cpu | ForEach-Object { 40 })
            New-Series /aws/sagemaker/Endpoints DiskUtilization $Endpoint $Variant Percent @($Cpu | ForEach-Object { 10 })
            New-Series AWS/SageMaker Invocations $Endpoint $Variant None @($Invocations)
            New-Series AWS/SageMaker Invocation4XXErrors $Endpoint $Variant None @($Errors4xx)
            New-Series AWS/SageMaker Invocation5XXErrors $Endpoint $Variant None @($Errors5xx)
            New-Series AWS/SageMaker ModelLatency $Endpoint $Variant Microseconds @($LatencyUs)
        )
        if ($Gpu) {
            $series += New-Series /aws/sagemaker/Endpoints GPUUtilization $Endpoint $Variant Percent $Gpu
            $series += New-Series /aws/sagemaker/Endpoints GPUMemoryUtilization $Endpoint $Variant Percent @($Gpu | ForEach-Object { 200 })
        }
        $answer = Invoke-TestEmulatorControl -Service monitoring -Action datapoints -Body @{ series = $series }
        if ($answer.series -ne $series.Count) { throw "Seeding $Endpoint/$Variant wrote $($answer.series) series." }
    }

    # ep-idle: two ml.m5.xlarge instances at 20 and 40 % summed over 4 vCPUs (5 and 10 % per vCPU): right-size.
    Add-Endpoint ep-idle @(@{ name = 'AllTraffic'; instanceType = 'ml.m5.xlarge'; instanceCount = 2 })
    Add-VariantMetrics ep-idle AllTraffic -Cpu 20, 40 -LatencyUs 50000 -Invocations 1000 -Errors4xx 10 -Errors5xx 0

    # ep-uneven: one instance at 8 (2 % per vCPU), one at 120 (30 %). Their average, 16 %, is below 20 %; the busy one is not.
    Add-Endpoint ep-uneven @(@{ name = 'AllTraffic'; instanceType = 'ml.m5.xlarge'; instanceCount = 2 })
    Add-VariantMetrics ep-uneven AllTraffic -Cpu 8, 120 -LatencyUs 50000 -Invocations 1000 -Errors4xx 0 -Errors5xx 0

    # ep-healthy: two ml.g4dn.12xlarge instances, CPU 480/1440 over 48 vCPUs (10/30 %), GPUs 320/300 over 4 (80/75 %);
    # latency, 4xx and 5xx just below their thresholds: 999.5 ms, 4.9 %, 0.9 %.
    Add-Endpoint ep-healthy @(@{ name = 'AllTraffic'; instanceType = 'ml.g4dn.12xlarge'; instanceCount = 2 })
    Add-VariantMetrics ep-healthy AllTraffic -Cpu 480, 1440 -Gpu 320, 300 -LatencyUs 999500 -Invocations 1000 -Errors4xx 49 -Errors5xx 9

    # ep-troubled: three ml.m5.xlarge variants at 50 % per vCPU, each just above one threshold:
    #   Slow 1,000.5 ms p99 latency; ServerErrors 11 of 1,000 invocations 5xx (1.1 %); ClientErrors 51 of 1,000 4xx (5.1 %).
    Add-Endpoint ep-troubled @(
        @{ name = 'Slow'; instanceType = 'ml.m5.xlarge' }, @{ name = 'ServerErrors'; instanceType = 'ml.m5.xlarge' }, @{ name = 'ClientErrors'; instanceType = 'ml.m5.xlarge' })
    Add-VariantMetrics ep-troubled Slow -Cpu 200 -LatencyUs 1000500 -Invocations 1000 -Errors4xx 0 -Errors5xx 0
    Add-VariantMetrics ep-troubled ServerErrors -Cpu 200 -LatencyUs 50000 -Invocations 1000 -Errors4xx 0 -Errors5xx 11
    Add-VariantMetrics ep-troubled ClientErrors -Cpu 200 -LatencyUs 50000 -Invocations 1000 -Errors4xx 51 -Errors5xx 0

    # ep-serverless: a serverless variant (no instance type; SageMaker publishes no CPU for it).
    Add-Endpoint ep-serverless @(@{ name = 'Sls'; serverless = @{ memorySizeInMB = 2048; maxConcurrency = 5 } })
    $sls = @(
        New-Series /aws/sagemaker/Endpoints MemoryUtilization ep-serverless Sls Percent @(30)
        New-Series AWS/SageMaker Invocations ep-serverless Sls None @(100)
        New-Series AWS/SageMaker Invocation4XXErrors ep-serverless Sls None @(0)
        New-Series AWS/SageMaker Invocation5XXErrors ep-serverless Sls None @(0)
        New-Series AWS/SageMaker ModelLatency ep-serverless Sls Microseconds @(80000)
    )
    Invoke-TestEmulatorControl -Service monitoring -Action datapoints -Body @{ series = $sls } | Out-Null

    function Find([string] $Endpoint, [hashtable] $Extra = @{}) {
        Get-SageMakerUtilizationFinding -EndpointName $Endpoint -StartTime $Start -EndTime $T @Extra
    }
    function Triggered($findings) {
        @($findings | Where-Object Triggered | ForEach-Object { '{0} {1}' -f $_.Rule, $_.Host } | Sort-Object)
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'The datapoints control route' {
    It 'writes into AWS/ namespaces, which PutMetricData refuses' {
        $series = @(@{ namespace = 'AWS/SageMaker'; metricName = 'Invocations'; dimensions = @{ EndpointName = 'route-check'; VariantName = 'v' }
                start = $Start.ToString('o'); values = @(1, @(2, 3), $null, 4) })
        $answer = Invoke-TestEmulatorControl -Service monitoring -Action datapoints -Body @{ series = $series }
        ($answer.series, $answer.datapoints) | Should -Be @(1, 4)
        $refused = try { Invoke-TestEmulatorControl -Service monitoring -Action datapoints -Body @{ series = @(@{ namespace = 'AWS/SageMaker'; metricName = 'X'; start = 'soon'; values = @(1) }) } }
        catch { $_.ErrorDetails.Message | ConvertFrom-Json }
        $refused.message | Should -BeLike '*start must be*'
    }
}

Describe 'Endpoint rules against seeded numbers' {
    It 'right-sizes an endpoint whose every instance is lightly loaded, from the instance type in its configuration' {
        $findings = Find ep-idle
        Triggered $findings | Should -Be @('EndpointLowUtilization AllTraffic')
        $low = $findings | Where-Object Rule -eq 'EndpointLowUtilization'
        $low.Value | Should -Be 10          # the busier instance: 40 % over 4 vCPUs
        $low.Severity | Should -Be 'Info'
        $low.Evidence | Should -Match 'ml\.m5\.xlarge'
        $low.Recommendation | Should -Not -BeNullOrEmpty
    }

    It 'does not right-size when one instance is busy, however idle the other' {
        $findings = Find ep-uneven
        Triggered $findings | Should -BeNullOrEmpty
        ($findings | Where-Object Rule -eq 'EndpointLowUtilization').Value | Should -Be 30
    }

    It 'keeps -InstanceType as an override of the configuration' {
        # ml.m5.large has 2 vCPUs: the busier instance is at 40 / 2 = 20 %, not below 20 %.
        $findings = Find ep-idle @{ InstanceType = 'ml.m5.large'; Rule = 'EndpointLowUtilization' }
        $findings.Triggered | Should -BeFalse
        $findings.Value | Should -Be 20
    }

    It 'finds latency and each error rate just above their thresholds, variant by variant' {
        $findings = Find ep-troubled
        Triggered $findings | Should -Be @('EndpointErrorRate ClientErrors', 'EndpointErrorRate ServerErrors', 'EndpointModelLatency Slow')
        $slow = $findings | Where-Object { $_.Rule -eq 'EndpointModelLatency' -and $_.Host -eq 'Slow' }
        $slow.Value | Should -Be 1000.5
        $slow.Evidence | Should -Match 'above 1000 ms in (\d+) of \1 periods'
        $server = $findings | Where-Object { $_.Rule -eq 'EndpointErrorRate' -and $_.Host -eq 'ServerErrors' }
        ($server.Severity, [math]::Round($server.Value, 9)) | Should -Be @('Critical', 1.1)
        $client = $findings | Where-Object { $_.Rule -eq 'EndpointErrorRate' -and $_.Host -eq 'ClientErrors' }
        ($client.Severity, [math]::Round($client.Value, 9)) | Should -Be @('Warning', 5.1)
        $client.Evidence | Should -Match '60,000 invocations'
    }

    It 'finds nothing on a healthy endpoint just below every threshold, and evaluates every rule' {
        $findings = Find ep-healthy
        @($findings).Count | Should -Be 3
        Triggered $findings | Should -BeNullOrEmpty
        $findings | ForEach-Object { $_.Evaluated | Should -BeTrue }
        ($findings | Where-Object Rule -eq 'EndpointModelLatency').Value | Should -Be 999.5
        [math]::Round(($findings | Where-Object Rule -eq 'EndpointErrorRate').Value, 9) | Should -Be 4.9
        # CPU p95 of the busier instance is 30 % per vCPU, GPU 80 % per GPU.
        ($findings | Where-Object Rule -eq 'EndpointLowUtilization').Evidence | Should -Match 'CPU p95 30(\.0)? % per vCPU, GPU p95 80(\.0)? % per GPU'
    }

    It 'says a serverless variant has no instance type to right-size' {
        $low = Find ep-serverless @{ Rule = 'EndpointLowUtilization' }
        $low.Evaluated | Should -BeFalse
        $low.Evidence | Should -Match '^Not evaluated: .*serverless'
    }
}

Describe 'Endpoint utilization per device' {
    It 'divides by the device counts of the configuration''s instance type' {
        $stats = Measure-SageMakerUtilization -EndpointName ep-healthy -StartTime $Start -EndTime $T
        $gpu = $stats | Where-Object MetricName -eq 'GPUUtilization'
        # Each minute's average over the two instances is (320 + 300) / 2 = 310, over 4 GPUs 77.5 %.
        ($gpu.Min, $gpu.Max, $gpu.SampleCount, $gpu.DeviceCount, $gpu.InstanceType) | Should -Be @(77.5, 77.5, 60, 4, 'ml.g4dn.12xlarge')
        $cpu = $stats | Where-Object MetricName -eq 'CPUUtilization'
        ($cpu.P50, $cpu.DeviceCount) | Should -Be @(20, 48)
    }
}
