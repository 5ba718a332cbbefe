# Measure-SageMakerUtilization, Get-SageMakerUtilizationFinding and Get-SageMakerMetric -Source against the emulator.
# A two-host ml.p3.8xlarge job (4 GPUs, 32 vCPUs per host: the EC2 instance-type page) gets one healthy and one
# starved host, written through the AWS CLI: CloudWatch sums (GPU over 4 GPUs, CPU over 32 vCPUs) at 1 s, and Debugger
# system files in Debugger's layout. The expected findings follow from Debugger's documented rule semantics and defaults.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/ReportBrowser.psm1" -Force
    $HaveAws = Test-TestExternalTool aws
    $HaveBrowser = $HaveAws -and [bool](Get-TestChromium)
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:HaveAws = Test-TestExternalTool aws
    $emulator = Start-TestEmulator -Seed empty
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc).AddMinutes(-1)
    Set-TestEmulatorClock -Freeze $T | Out-Null
    $script:Start = $T.AddMinutes(-30)
    $script:End = $T.AddMinutes(-10)
    $script:Job = 'findings-job'

    function Invoke-Aws {
        param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
        Remove-Item Env:AWS_PROFILE, Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
        # The CLI gzips large PutMetricData bodies unless told not to; the emulator reads them plain.
        $env:AWS_DISABLE_REQUEST_COMPRESSION = 'true'
        $out = & aws @Arguments --endpoint-url $env:AWS_ENDPOINT_URL --region us-east-1 --output json 2>&1
        if ($LASTEXITCODE -ne 0) { throw "aws $Arguments failed: $out" }
        $out
    }

    Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{
        type = 'TrainingJob'; name = $Job; status = 'Completed'; creationTime = $Start.AddMinutes(-2).ToString('o')
        startTime = $Start.ToString('o'); endTime = $End.ToString('o'); instanceType = 'ml.p3.8xlarge'; instanceCount = 2
        profilerConfig = @{ S3OutputPath = 's3://findings-bucket/prof'; ProfilingIntervalInMilliseconds = 500 }
    } | Out-Null
    Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{
        type = 'TrainingJob'; name = 'no-profiler-job'; status = 'Completed'; startTime = $Start.ToString('o'); endTime = $End.ToString('o')
        instanceType = 'ml.p3.8xlarge'; instanceCount = 1
    } | Out-Null

    if ($HaveAws) {
        # CloudWatch: 1,200 one-second points per host and metric (sums over the host's devices).
        #   algo-1 healthy: GPUs 80/90 % alternating (sum 320/360), GPU memory 60 % (240), CPU 40 % (1,280)
        #   algo-2 starved: GPUs 5 % (20), GPU memory 30 % (120), CPU 95 % (3,040)
        $levels = @{
            'algo-1' = @{ GPUUtilization = { param($k) if ($k % 2) { 360 } else { 320 } }; GPUMemoryUtilization = { 240 }; CPUUtilization = { 1280 } }
            'algo-2' = @{ GPUUtilization = { 20 }; GPUMemoryUtilization = { 120 }; CPUUtilization = { 3040 } }
        }
        $file = Join-Path ([IO.Path]::GetTempPath()) ("findings-metrics-$PID.json")
        foreach ($hostName in $levels.Keys) {
            foreach ($metric in $levels[$hostName].Keys) {
                for ($chunk = 0; $chunk -lt 2; $chunk++) {
                    $data = for ($k = $chunk * 600; $k -lt ($chunk + 1) * 600; $k++) {
                        @{ MetricName = $metric; Timestamp = $Start.AddSeconds($k).ToString('yyyy-MM-ddTHH:mm:ssZ'); Value = (& $levels[$hostName][$metric] $k)
                            StorageResolution = 1; Unit = 'Percent'; Dimensions = @(@{ Name = 'Host'; Value = "$Job/$hostName" }) }
                    }
                    [IO.File]::WriteAllText($file, (ConvertTo-Json -InputObject @($data) -Depth 5 -Compress))
                    Invoke-Aws cloudwatch put-metric-data --namespace /aws/sagemaker/TrainingJobs --metric-data "file://$file" | Out-Null
                }
            }
        }
        Remove-Item $file

        # Debugger system files: 20 one-minute files per host, 120 samples each (500 ms), 4 GPUs and 2 cores.
        #   algo-1: every GPU 85/95 %, memory 50 %, cores 40 %, I/O wait 1 %
        #   algo-2: gpu0/gpu1 80/90 %, gpu2/gpu3 2/4 % (idle), memory 50 %, cores 95 %, I/O wait 1 %
        $root = Join-Path ([IO.Path]::GetTempPath()) ("findings-debugger-$PID")
        $script:SeededLines = 0
        $epoch = [DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)
        for ($m = 0; $m -lt 20; $m++) {
            $minute = $Start.AddMinutes($m)
            $minuteEpoch = [long]($minute - $epoch).TotalSeconds
            foreach ($node in 'algo-1', 'algo-2') {
                $sb = [Text.StringBuilder]::new()
                for ($k = 0; $k -lt 120; $k++) {
                    $ts = ($minuteEpoch + $k * 0.5).ToString('0.0##', [cultureinfo]::InvariantCulture)
                    for ($g = 0; $g -lt 4; $g++) {
                        $gpu = if ($node -eq 'algo-1') { 85 + 10 * ($k % 2) } elseif ($g -lt 2) { 80 + 10 * ($k % 2) } else { 2 + 2 * ($k % 2) }
                        [void]$sb.Append("{`"Type`":`"gpu`",`"Name`":`"gpu$g`",`"Dimension`":`"GPUUtilization`",`"Value`":$gpu,`"NodeId`":`"$node`",`"Timestamp`":$ts}`n")
                        [void]$sb.Append("{`"Type`":`"gpu`",`"Name`":`"gpu$g`",`"Dimension`":`"GPUMemoryUtilization`",`"Value`":50,`"NodeId`":`"$node`",`"Timestamp`":$ts}`n")
                    }
                    $cpu = if ($node -eq 'algo-1') { 40 } else { 95 }
                    for ($c = 0; $c -lt 2; $c++) {
                        [void]$sb.Append("{`"Type`":`"cpu`",`"Name`":`"cpu$c`",`"Dimension`":`"CPUUtilization`",`"Value`":$cpu,`"NodeId`":`"$node`",`"Timestamp`":$ts}`n")
                        [void]$sb.Append("{`"Type`":`"cpu`",`"Name`":`"cpu$c`",`"Dimension`":`"I/OWaitPercentage`",`"Value`":1,`"NodeId`":`"$node`",`"Timestamp`":$ts}`n")
                    }
                    [void]$sb.Append("{`"Type`":`"memory`",`"Dimension`":`"MemoryUsedPercent`",`"Value`":45,`"NodeId`":`"$node`",`"Timestamp`":$ts}`n")
                    $script:SeededLines += 13
                }
                $dir = Join-Path $root ("{0}/profiler-output/system/incremental/{1:yyyyMMddHH}" -f $Job, $minute)
                [void](New-Item -ItemType Directory -Force -Path $dir)
                [IO.File]::WriteAllText((Join-Path $dir "$minuteEpoch.$node.json"), $sb.ToString())
            }
        }
        Invoke-Aws s3api create-bucket --bucket findings-bucket | Out-Null
        Invoke-Aws s3 cp $root s3://findings-bucket/prof/ --recursive --only-show-errors | Out-Null
        Remove-Item $root -Recurse -Force
    }

    function Triggered($findings) {
        @($findings | Where-Object Triggered | ForEach-Object { '{0} {1} {2}' -f $_.Rule, $_.Host, $_.Device } | Sort-Object)
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'DescribeTrainingJob as the module reads it' {
    It 'returns ResourceConfig, ProfilerConfig and ProfilingStatus in botocore''s shapes' -Skip:(-not $HaveAws) {
        $job = Invoke-Aws sagemaker describe-training-job --training-job-name $Job | ConvertFrom-Json
        $job.ResourceConfig.InstanceType | Should -Be 'ml.p3.8xlarge'
        $job.ResourceConfig.InstanceCount | Should -Be 2
        $job.ProfilerConfig.S3OutputPath | Should -Be 's3://findings-bucket/prof'
        $job.ProfilerConfig.ProfilingIntervalInMilliseconds | Should -Be 500
        $job.ProfilingStatus | Should -Be 'Enabled'
    }
}

Describe 'Findings from CloudWatch' {
    It 'finds exactly the starved host''s low GPU use and CPU bottleneck' -Skip:(-not $HaveAws) {
        $findings = Get-SageMakerUtilizationFinding -TrainingJobName $Job -Source CloudWatch
        Triggered $findings | Should -Be @('CPUBottleneck algo-2 ', 'LowGPUUtilization algo-2 ')
        $findings | ForEach-Object { $_.Source } | Sort-Object -Unique | Should -Be 'CloudWatch'
        # Per-GPU and I/O rules say they were not evaluated, and why.
        $skipped = $findings | Where-Object { -not $_.Evaluated }
        ($skipped | ForEach-Object { "$($_.Rule) $($_.Host)" } | Sort-Object) | Should -Be @('IOBottleneck algo-1', 'IOBottleneck algo-2', 'LoadBalancing algo-1', 'LoadBalancing algo-2')
        $skipped | ForEach-Object { $_.Evidence | Should -Match '^Not evaluated: ' }
        $low = $findings | Where-Object { $_.Rule -eq 'LowGPUUtilization' -and $_.Host -eq 'algo-2' }
        $low.Value | Should -Be 5
        $low.Evidence | Should -Match 'p95 5\.0 % < 70(\.0)? %'
        $low.Recommendation | Should -Not -BeNullOrEmpty
        $low.Parameters['ThresholdP95'] | Should -Be 70
    }

    It 'measures per-device statistics from CloudWatch''s sums' -Skip:(-not $HaveAws) {
        $stats = Measure-SageMakerUtilization -TrainingJobName $Job -Source CloudWatch
        $gpu1 = $stats | Where-Object { $_.Host -eq 'algo-1' -and $_.MetricName -eq 'GPUUtilization' }
        ($gpu1.Min, $gpu1.P50, $gpu1.Max, $gpu1.SampleCount, $gpu1.DeviceCount) | Should -Be @(80, 85, 90, 1200, 4)
        $cpu2 = $stats | Where-Object { $_.Host -eq 'algo-2' -and $_.MetricName -eq 'CPUUtilization' }
        ($cpu2.P95, $cpu2.DeviceCount, $cpu2.InstanceType) | Should -Be @(95, 32, 'ml.p3.8xlarge')
    }

    It 'lets every threshold be changed' -Skip:(-not $HaveAws) {
        $findings = Get-SageMakerUtilizationFinding -TrainingJobName $Job -Source CloudWatch -Rule LowGPUUtilization -GpuThresholdP95 91
        Triggered $findings | Should -Be @('LowGPUUtilization algo-1 ', 'LowGPUUtilization algo-2 ')
    }
}

Describe 'Findings from Debugger system data' {
    It 'finds per-GPU low use, the CPU bottleneck and the load imbalance' -Skip:(-not $HaveAws) {
        $findings = Get-SageMakerUtilizationFinding -TrainingJobName $Job
        Triggered $findings | Should -Be @('CPUBottleneck algo-2 ', 'LoadBalancing algo-2 gpu0,gpu2', 'LowGPUUtilization algo-2 gpu2', 'LowGPUUtilization algo-2 gpu3')
        $findings | Where-Object { -not $_.Evaluated } | Should -BeNullOrEmpty
        $findings | ForEach-Object { $_.Source } | Sort-Object -Unique | Should -Be 'Debugger'
        ($findings | Where-Object Rule -eq 'LowGPUUtilization').Count | Should -Be 8
        $balance = $findings | Where-Object { $_.Rule -eq 'LoadBalancing' -and $_.Host -eq 'algo-2' }
        # Disjoint histograms: the distance is sqrt(ln 2).
        $balance.Value | Should -BeGreaterThan 0.83
        $balance.Value | Should -BeLessThan 0.833
    }

    It 'returns every seeded sample once with -Source Debugger' -Skip:(-not $HaveAws) {
        $seen = [Collections.Generic.HashSet[string]]::new()
        $count = 0
        Get-SageMakerMetric -TrainingJobName $Job -Source Debugger | ForEach-Object {
            $count++
            [void]$seen.Add(('{0}|{1}|{2}|{3:o}' -f $_.Host, $_.Device, $_.MetricName, $_.Timestamp))
            if ($count -eq 1) { $script:firstPoint = $_ }
        }
        $count | Should -Be $SeededLines
        $seen.Count | Should -Be $SeededLines
        $firstPoint.Period | Should -Be 0.5
        $firstPoint.PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Metrics.MetricDatapoint'
        # The default table names the device with the host, within 80 columns.
        $lines = @(($firstPoint | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() })
        foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $lines[2] | Should -Match ([regex]::Escape("$($firstPoint.Host)/$($firstPoint.Device) "))
    }

    It 'measures every GPU and core' -Skip:(-not $HaveAws) {
        $stats = Measure-SageMakerUtilization -TrainingJobName $Job -Source Debugger
        $idle = $stats | Where-Object { $_.Host -eq 'algo-2' -and $_.MetricName -eq 'GPUUtilization' -and $_.Device -eq 'gpu3' }
        ($idle.Min, $idle.Max, $idle.SampleCount) | Should -Be @(2, 4, 2400)
        ($stats | Where-Object MetricName -eq 'I/OWaitPercentage').Count | Should -Be 4
    }
}

Describe 'Export-SageMakerReport in a headless browser' {
    BeforeAll {
        Import-Module "$PSScriptRoot/ReportBrowser.psm1" -Force
        $script:Chromium = Get-TestChromium
        $script:ReportDir = Join-Path ([IO.Path]::GetTempPath()) ("findings-report-$PID")
        [void](New-Item -ItemType Directory -Force -Path $ReportDir)
    }
    AfterAll { Remove-Item $ReportDir -Recurse -Force -ErrorAction SilentlyContinue }

    It 'loads offline without console errors, draws every chart and lists the findings (<Source>)' -Skip:(-not $HaveBrowser) -ForEach @(
        @{ Source = 'Debugger'; ChartCount = 8 }   # 2 hosts x (CPU, GPU, GPU memory) + 2 box plots
        @{ Source = 'CloudWatch'; ChartCount = 8 }
    ) {
        $path = Join-Path $ReportDir "report-$Source.html"
        $file = Export-SageMakerReport -TrainingJobName $Job -Source $Source -Path $path
        $file.FullName | Should -Be $path
        $html = Get-Content -Raw $path
        $html | Should -Not -Match '(src|href)\s*=\s*"(https?:)?//'
        $html | Should -Match "Content-Security-Policy"

        $dom = Invoke-TestChromium -Chromium $Chromium -File $path -Arguments '--dump-dom'
        $dom.ExitCode | Should -Be 0
        # Console messages (script errors, blocked loads) are logged as CONSOLE lines; the page must have none.
        ($dom.Err -split "`n" | Where-Object { $_ -match 'CONSOLE|Uncaught|Refused to' }) | Should -BeNullOrEmpty
        $doc = [xml]::new()
        $body = [regex]::Match($dom.Out, '(?s)<body[^>]*>').Value
        $body | Should -Match "data-charts-drawn=`"$ChartCount`""
        $svgs = [regex]::Matches($dom.Out, '<svg class="chart"[^>]*data-drawn="(\w+)"[^>]*data-rect="([\d,]+)"')
        $svgs.Count | Should -Be $ChartCount
        $svgs | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique | Should -Be 'yes'

        # The findings table holds what Get-SageMakerUtilizationFinding returns.
        $expected = Get-SageMakerUtilizationFinding -TrainingJobName $Job -Source $Source |
            ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Rule, $_.Host, $_.Device, $_.Triggered.ToString().ToLowerInvariant() } | Sort-Object
        $rows = [regex]::Matches($dom.Out, '<tr class="[^"]*" data-rule="([^"]*)" data-host="([^"]*)" data-device="([^"]*)" data-triggered="(\w+)"') |
            ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.Groups[1].Value, $_.Groups[2].Value, [Net.WebUtility]::HtmlDecode($_.Groups[3].Value), $_.Groups[4].Value } | Sort-Object
        $rows | Should -Be $expected

        # Every chart's area of a screenshot holds coloured ink (lines or boxes), not just axes.
        $png = Join-Path $ReportDir "report-$Source.png"
        $shot = Invoke-TestChromium -Chromium $Chromium -File $path -Arguments "--screenshot=$png"
        Test-Path $png | Should -BeTrue
        $image = [TestPngImage]::Read($png)
        foreach ($m in $svgs) {
            $r = $m.Groups[2].Value -split ',' | ForEach-Object { [int]$_ }
            ($r[1] + $r[3]) | Should -BeLessOrEqual $image.Height
            $image.CountInk($r[0], $r[1], $r[2], $r[3]) | Should -BeGreaterThan 50
        }
    }

    It 'refuses a folder that does not exist and writes nothing with -WhatIf' {
        { Export-SageMakerReport -TrainingJobName $Job -Path (Join-Path $ReportDir 'missing/r.html') -ErrorAction Stop } | Should -Throw -ErrorId 'ReportFolderNotFound,*'
        $path = Join-Path $ReportDir 'whatif.html'
        Export-SageMakerReport -TrainingJobName $Job -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
    }
}

Describe 'Get-SageMakerMetric -Source Auto' {
    It 'reads CloudWatch while it keeps 1-second data, Debugger files once the range is older' -Skip:(-not $HaveAws) {
        $recent = Get-SageMakerMetric -TrainingJobName $Job -Source Auto -MetricName GPUUtilization
        $recent.Count | Should -Be 2400
        ($recent | ForEach-Object Period | Sort-Object -Unique) | Should -Be 1
        ($recent | Where-Object Device) | Should -BeNullOrEmpty

        $oldStart = $T.AddHours(-5)
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{
            type = 'TrainingJob'; name = 'old-job'; status = 'Completed'; creationTime = $oldStart.ToString('o'); startTime = $oldStart.ToString('o'); endTime = $oldStart.AddMinutes(10).ToString('o')
            instanceType = 'ml.p3.8xlarge'; instanceCount = 1; profilerConfig = @{ S3OutputPath = 's3://findings-bucket/old'; ProfilingIntervalInMilliseconds = 1000 }
        } | Out-Null
        Invoke-TestEmulatorControl -Service s3 -Action debugger-system -Body @{
            bucket = 'findings-bucket'; prefix = 'old'; jobName = 'old-job'; intervalMs = 1000; gpus = 2; cpus = 0
            start = $oldStart.ToString('o'); end = $oldStart.AddMinutes(10).ToString('o'); hosts = @(@{ gpu = 50 })
        } | Out-Null
        $old = Get-SageMakerMetric -TrainingJobName old-job -Source Auto -MetricName GPUUtilization
        # 10 minutes at 1 s for 2 GPUs: CloudWatch keeps only 1-minute data that old.
        $old.Count | Should -Be 1200
        ($old | ForEach-Object Device | Sort-Object -Unique) | Should -Be @('gpu0', 'gpu1')
        ($old | ForEach-Object Period | Sort-Object -Unique) | Should -Be 1
    }
}

Describe 'Endpoint findings' {
    # The demo world's endpoint: the shape of the answer (one finding per rule and variant). Values against seeded
    # numbers are checked in EndpointFindings.Tests.ps1.
    It 'answers every endpoint rule per variant, with the instance type from the endpoint configuration' {
        Add-TestEmulatorSeed -Seed demo | Out-Null
        $findings = Get-SageMakerUtilizationFinding -EndpointName demo-churn-endpoint -Since 2h -WarningAction SilentlyContinue
        ($findings | ForEach-Object { "$($_.Rule) $($_.Host)" } | Sort-Object) | Should -Be @(
            'EndpointErrorRate Pipeline', 'EndpointErrorRate Primary', 'EndpointLowUtilization Pipeline', 'EndpointLowUtilization Primary',
            'EndpointModelLatency Pipeline', 'EndpointModelLatency Primary')
        $findings | Where-Object { -not $_.Evaluated } | ForEach-Object { $_.Evidence | Should -Match '^Not evaluated: .+' }
        # Both variants run on ml.m5.large (demo-churn-config), so CPU divides per vCPU without -InstanceType.
        ($findings | Where-Object Rule -eq 'EndpointLowUtilization' | ForEach-Object Evaluated | Sort-Object -Unique) | Should -Be $true
        ($findings | Where-Object Rule -eq 'EndpointLowUtilization' | ForEach-Object Evidence) | ForEach-Object { $_ | Should -Match 'ml\.m5\.large' }
        { Get-SageMakerUtilizationFinding -EndpointName demo-churn-endpoint -InstanceType ml.z9.huge -ErrorAction Stop } | Should -Throw -ErrorId 'InstanceTypeNotKnown,*'
    }
}

Describe 'Errors' {
    It 'refuses -Source Debugger with metrics piped from Find-SageMakerMetric' -Skip:(-not $HaveAws) {
        { Find-SageMakerMetric -TrainingJobName $Job -MetricName GPUUtilization | Get-SageMakerMetric -Source Debugger -ErrorAction Stop } |
            Should -Throw -ErrorId 'MetricInputNeedsCloudWatch,*'
    }

    It 'names an unknown rule' {
        { Get-SageMakerUtilizationFinding -TrainingJobName $Job -Rule NoSuchRule -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownRule,SageMakerMonitoring.Commands.GetSageMakerUtilizationFindingCommand'
    }

    It 'says when a job has no Debugger data' {
        $err = { Get-SageMakerUtilizationFinding -TrainingJobName no-profiler-job -Source Debugger -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'DebuggerDataNotAvailable,*'
        $err.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err.TargetObject | Should -Be 'no-profiler-job'
        { Get-SageMakerMetric -TrainingJobName no-profiler-job -Source Debugger -ErrorAction Stop } | Should -Throw -ErrorId 'DebuggerDataNotAvailable,*'
    }

    It 'falls back to CloudWatch when the profiler output cannot be read (Auto)' -Skip:(-not $HaveAws) {
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{
            type = 'TrainingJob'; name = 'gone-bucket-job'; status = 'Completed'; startTime = $Start.ToString('o'); endTime = $End.ToString('o')
            instanceType = 'ml.p3.8xlarge'; instanceCount = 1; profilerConfig = @{ S3OutputPath = 's3://no-such-bucket-here/prof' }
        } | Out-Null
        $f = Get-SageMakerUtilizationFinding -TrainingJobName gone-bucket-job -Rule LowGPUUtilization -WarningVariable warned -WarningAction SilentlyContinue
        # The job has no CloudWatch data either: no findings, and both warnings say where was looked.
        $f | Should -BeNullOrEmpty
        ($warned -join ' ') | Should -Match 'NoSuchBucket.*reading CloudWatch instead'
        ($warned -join ' ') | Should -Match "No datapoints for TrainingJob .gone-bucket-job"
        { Get-SageMakerUtilizationFinding -TrainingJobName gone-bucket-job -Source Debugger -ErrorAction Stop } | Should -Throw -ErrorId 'NoSuchBucket,*'
    }

    It 'completes -Rule by resource kind' {
        $line = 'Get-SageMakerUtilizationFinding -EndpointName e -Rule Endpoint'
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Be @('EndpointLowUtilization', 'EndpointModelLatency', 'EndpointErrorRate')
        $line = 'Get-SageMakerUtilizationFinding -TrainingJobName j -Rule Lo'
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Be @('LowGPUUtilization', 'LoadBalancing')
    }
}
