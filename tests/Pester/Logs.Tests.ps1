# The log cmdlets against the emulator: where SageMaker writes (every resource type), merge order, narrowing, filter
# patterns, empty pages with tokens, Follow (exactly once, ends with the job, stops on Ctrl+C), Logs Insights (typed
# fields, progress, splitting beyond the row cap, StopQuery on cancel and timeout, the concurrency limit), thread jobs,
# the default view, and results under 30% throttling/5xx identical to the fault-free run.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed demo
    # The aws CLI treats AWS_PROFILE="" as a profile named "": drop the empty AWS_* variables for it.
    Get-ChildItem env:AWS_* | Where-Object { [string]::IsNullOrEmpty($_.Value) } | ForEach-Object { Remove-Item -LiteralPath "env:$($_.Name)" }
    $script:Group = '/aws/sagemaker/TrainingJobs'
    $script:SyntheticStart = [DateTime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)

    function Add-SyntheticJob {
        param([string] $Job, [int] $Streams, [int] $PerStream, [int] $IntervalMs = 10, [DateTime] $Start = $script:SyntheticStart)
        Invoke-TestEmulatorControl -Service logs -Action synthetic -Body @{
            jobName = $Job; streams = $Streams; eventsPerStream = $PerStream; intervalMs = $IntervalMs; start = $Start.ToString('o')
        } | Out-Null
    }

    function Add-LogEvent {
        param([string] $Group, [string] $Stream, [DateTime] $At, [string[]] $Message)
        $events = @(for ($i = 0; $i -lt $Message.Count; $i++) { @{ timestamp = $At.AddMilliseconds($i).ToUniversalTime().ToString('o'); message = $Message[$i] } })
        Invoke-TestEmulatorControl -Service logs -Action append -Body @{ logGroupName = $Group; logStreamName = $Stream; events = $events } | Out-Null
    }

    function Set-TrainingJob {
        param([string] $Name, [string] $Status, [DateTime] $Created, [Nullable[DateTime]] $End)
        $body = @{ type = 'TrainingJob'; name = $Name; status = $Status; creationTime = $Created.ToUniversalTime().ToString('o'); startTime = $Created.ToUniversalTime().ToString('o') }
        if ($End) { $body.endTime = ([DateTime]$End).ToUniversalTime().ToString('o') }
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body $body | Out-Null
    }

    function Set-LogsConfig {
        param([int] $MaxConcurrentQueries = 30, [int] $QueryRunMilliseconds = 300, [int] $ScanBudget = 100000)
        Invoke-TestEmulatorControl -Service logs -Action config -Body @{ maxConcurrentQueries = $MaxConcurrentQueries; queryRunMilliseconds = $QueryRunMilliseconds; scanBudget = $ScanBudget } | Out-Null
    }

    function Get-QueryStatus {
        # DescribeQueries through the aws CLI (a different client than the module's).
        param([string] $LogGroupName = $script:Group)
        $json = aws logs describe-queries --log-group-name $LogGroupName --region $env:AWS_REGION --endpoint-url $env:AWS_ENDPOINT_URL --output json
        ($json | ConvertFrom-Json).queries
    }

    function Test-TimeOrder {
        param([object[]] $Events)
        for ($i = 1; $i -lt $Events.Count; $i++) { if ($Events[$i - 1].Timestamp -gt $Events[$i].Timestamp) { return $false } }
        return $true
    }

    # A PowerShell instance in this process running one script with the staged module loaded.
    function New-ModulePowerShell {
        param([string] $Script)
        $ps = [PowerShell]::Create()
        [void]$ps.AddScript("Import-Module '$($script:modulePath)'`n$Script")
        $ps
    }

    function Wait-Until {
        param([scriptblock] $Condition, [int] $TimeoutSeconds = 60)
        $watch = [Diagnostics.Stopwatch]::StartNew()
        while (-not (& $Condition)) {
            if ($watch.Elapsed.TotalSeconds -gt $TimeoutSeconds) { throw "Timed out waiting for: $Condition" }
            Start-Sleep -Milliseconds 50
        }
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Where SageMaker writes: every resource type' {
    BeforeAll {
        Reset-TestEmulator -Seed demo | Out-Null
        $now = [DateTime]::UtcNow.AddMinutes(-30)
        Add-LogEvent '/aws/sagemaker/studio' 'd-abc123/alice/JupyterServer/default' $now 'jupyter server started'
        Add-LogEvent '/aws/sagemaker/studio' 'd-abc123/alice/KernelGateway/ds-kernel-1/LifecycleConfigOnStart' $now 'lcc ran'
        Add-LogEvent '/aws/sagemaker/studio' 'd-abc123/my-space/JupyterLab/default' $now 'space app started'
        Add-LogEvent '/aws/sagemaker/studio' 'd-abc123/alice2/JupyterServer/default' $now 'someone else'
        Add-LogEvent '/aws/sagemaker/LabelingJobs' 'lab-1' $now 'labeling 1'
        Add-LogEvent '/aws/sagemaker/LabelingJobs' 'lab-10' $now 'labeling 10'
        Add-LogEvent '/aws/sagemaker/InferenceRecommendationsJobs' 'ir-1/execution' $now 'recommender running'
        Add-LogEvent '/aws/sagemaker/InferenceRecommendationsJobs' 'ir-1/Endpoint/ir-ep-1' $now 'benchmark endpoint'
        Add-LogEvent '/aws/sagemaker/InferenceRecommendationsJobs' 'ir-1/CompilationJob/neo-1' $now 'compiled'
        Add-LogEvent '/aws/sagemaker/TransformJobs' 'tx-pipe/i-0aaa111-1764300000/data-log' $now 'data log line'
        Add-LogEvent '/aws/sagemaker/TransformJobs' 'tx-pipe/i-0aaa111-1764300000/container-2' $now 'second container'
        Add-LogEvent '/aws/sagemaker/Endpoints/async-ep' 'AllTraffic/i-0bbb222/data-log' $now 'inference id 42 done'
        Add-LogEvent '/aws/sagemaker/Endpoints/async-ep' 'AllTraffic/i-0bbb222' $now 'model loaded'
    }

    It 'training job: one stream per host algo-N with its epoch, newest first' {
        $streams = @(Get-SageMakerLogStream -TrainingJobName demo-train-resnet50)
        $streams.Count | Should -Be 4
        @($streams.Host | Sort-Object) | Should -Be @('algo-1', 'algo-2', 'algo-3', 'algo-4')
        $streams | ForEach-Object { $_.Epoch | Should -BeOfType [DateTimeOffset]; $_.Epoch.Offset | Should -Be ([TimeSpan]::Zero); $_.ResourceName | Should -Be 'demo-train-resnet50' }
        $streams[0].LogGroupName | Should -Be '/aws/sagemaker/TrainingJobs'
        for ($i = 1; $i -lt $streams.Count; $i++) { $streams[$i - 1].LastEventTime | Should -BeGreaterOrEqual $streams[$i].LastEventTime }
        $events = @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -Since 3h)
        @($events.Host | Sort-Object -Unique) | Should -Be @('algo-1', 'algo-2', 'algo-3', 'algo-4')
        $events[0].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Logs.LogEvent'
    }

    It 'processing job: hosts of the job' {
        @(Get-SageMakerLogStream -ProcessingJobName demo-preprocess).Host | Sort-Object | Should -Be @('algo-1', 'algo-2')
    }

    It 'transform job: instance id with epoch, data-log and pipeline container streams' {
        $demo = @(Get-SageMakerLogStream -TransformJobName demo-batch-score)
        $demo.InstanceId | Should -Be 'i-0fedcba9876543210'
        $demo.Host | Should -Be 'i-0fedcba9876543210'
        $demo.Epoch | Should -Not -BeNullOrEmpty
        $pipe = @(Get-SageMakerLogStream -TransformJobName tx-pipe)
        ($pipe | Where-Object IsDataLog).LogStreamName | Should -Be 'tx-pipe/i-0aaa111-1764300000/data-log'
        ($pipe | Where-Object ContainerName -eq 'container-2').InstanceId | Should -Be 'i-0aaa111'
    }

    It 'endpoint: variant and instance, containers of an inference pipeline, async data-log' {
        $streams = @(Get-SageMakerLogStream -EndpointName demo-churn-endpoint)
        $streams.Count | Should -Be 4
        @($streams | Where-Object VariantName -eq 'Primary').InstanceId | Sort-Object | Should -Be @('i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002')
        @($streams | Where-Object VariantName -eq 'Pipeline').ContainerName | Sort-Object | Should -Be @('container-1', 'container-2')
        @(Get-SageMakerLogStream -EndpointName demo-churn-endpoint -VariantName Primary).Count | Should -Be 2
        $events = @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -VariantName Pipeline -ContainerName container-2 -Since 1d)
        $events.Count | Should -BeGreaterThan 0
        @($events.LogStreamName | Sort-Object -Unique) | Should -Be @('Pipeline/i-0a1b2c3d4e5f60003/container-2')
        $events[0].ResourceName | Should -Be 'demo-churn-endpoint'
        $events[0].VariantName | Should -Be 'Pipeline'
        $async = @(Get-SageMakerLogStream -EndpointName async-ep)
        ($async | Where-Object IsDataLog).InstanceId | Should -Be 'i-0bbb222'
    }

    It 'notebook instance: lifecycle hook and jupyter.log streams' {
        $streams = @(Get-SageMakerLogStream -NotebookInstanceName demo-notebook)
        ($streams | Where-Object LifecycleConfigHook).LifecycleConfigHook | Should -Be 'LifecycleConfigOnStart'
        $streams.Source | Should -Contain 'jupyter.log'
        $lcc = @(Get-SageMakerLogEvent -NotebookInstanceName demo-notebook -LifecycleConfigHook LifecycleConfigOnStart -Since 7d)
        $lcc.Count | Should -BeGreaterThan 0
        @($lcc.LogStreamName | Sort-Object -Unique) | Should -Be @('demo-notebook/LifecycleConfigOnStart')
    }

    It 'Studio apps: user profile, space and lifecycle streams of one domain user' {
        $alice = @(Get-SageMakerLogStream -DomainId d-abc123 -UserProfileName alice)
        $alice.Count | Should -Be 2
        ($alice | Where-Object LifecycleConfigHook).LogStreamName | Should -Be 'd-abc123/alice/KernelGateway/ds-kernel-1/LifecycleConfigOnStart'
        $space = @(Get-SageMakerLogStream -DomainId d-abc123 -SpaceName my-space -AppType JupyterLab)
        $space.StudioSpaceName | Should -Be 'my-space'
        @(Get-SageMakerLogEvent -DomainId d-abc123 -UserProfileName alice -AppType JupyterServer -AppName default -Since 2h).Message | Should -Be 'jupyter server started'
    }

    It 'labeling job: the stream is the job, and lab-1 does not select lab-10' {
        @(Get-SageMakerLogStream -LabelingJobName lab-1).LogStreamName | Should -Be 'lab-1'
        @(Get-SageMakerLogEvent -LabelingJobName lab-1 -Since 2h).Message | Should -Be 'labeling 1'
    }

    It 'inference recommendation job: execution, endpoint and compilation streams' {
        $streams = @(Get-SageMakerLogStream -InferenceRecommendationsJobName ir-1)
        @($streams.Source | Sort-Object) | Should -Be @('CompilationJob/neo-1', 'Endpoint/ir-ep-1', 'execution')
        $streams.ResourceName | Sort-Object -Unique | Should -Be 'ir-1'
    }

    It 'explicit log group with a stream prefix' {
        $streams = @(Get-SageMakerLogStream -LogGroupName /aws/sagemaker/TrainingJobs -LogStreamNamePrefix demo-train-resnet50/algo-3)
        $streams.Host | Should -Be 'algo-3'
    }

    It 'an unknown job is TrainingJobNotFound; an unknown explicit group is LogGroupNotFound' {
        { Get-SageMakerLogEvent -TrainingJobName no-such-job -ErrorAction Stop } | Should -Throw -ErrorId 'TrainingJobNotFound,SageMakerMonitoring.Commands.GetSageMakerLogEventCommand'
        { Get-SageMakerLogEvent -LogGroupName /no/such/group -Since 1h -ErrorAction Stop } | Should -Throw -ErrorId 'LogGroupNotFound,SageMakerMonitoring.Commands.GetSageMakerLogEventCommand'
    }

    It 'reads durations as typed: 1d is a day, 2h two hours, 90s ninety seconds, and a date means since then' {
        $day = @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since 1d).Count
        $twoHours = @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since 2h).Count
        $sinceDate = @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since ([DateTime]::UtcNow.AddHours(-2))).Count
        $twoHours | Should -BeGreaterThan 0
        $day | Should -BeGreaterThan ($twoHours * 5)
        [Math]::Abs($sinceDate - $twoHours) | Should -BeLessOrEqual 2
        { Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since 'soon' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDuration,SageMakerMonitoring.Commands.GetSageMakerLogEventCommand'
    }

    It 'pipes job names and objects with a TrainingJobName property' {
        $byValue = @('demo-train-resnet50' | Get-SageMakerLogStream)
        $byProperty = @([pscustomobject]@{ TrainingJobName = 'demo-train-resnet50' } | Get-SageMakerLogStream)
        $byValue.Count | Should -Be 4
        $byProperty.Count | Should -Be 4
    }
}

Describe 'Get-SageMakerLogEvent reading' {
    BeforeAll {
        Reset-TestEmulator -Seed demo | Out-Null
    }

    It 'merges every host in timestamp order with a stable order for ties' {
        Add-SyntheticJob -Job merge-16 -Streams 16 -PerStream 500 -IntervalMs 10
        $events = @(Get-SageMakerLogEvent -TrainingJobName merge-16 -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        $events.Count | Should -Be 8000
        Test-TimeOrder $events | Should -BeTrue
        @($events.Host | Sort-Object -Unique).Count | Should -Be 16
        $again = @(Get-SageMakerLogEvent -TrainingJobName merge-16 -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        ($again.EventId -join ',') | Should -Be ($events.EventId -join ',')
    }

    It 'reads more than 100 selected streams in several FilterLogEvents calls and merges them' {
        Add-SyntheticJob -Job merge-wide -Streams 130 -PerStream 20 -IntervalMs 7
        Reset-TestEmulatorRequestCount | Out-Null
        $narrowed = @(Get-SageMakerLogEvent -TrainingJobName merge-wide -Host 'algo-*' -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        Get-TestEmulatorRequestCount -Operation logs.FilterLogEvents | Should -BeGreaterOrEqual 2
        $narrowed.Count | Should -Be 2600
        Test-TimeOrder $narrowed | Should -BeTrue
        $all = @(Get-SageMakerLogEvent -TrainingJobName merge-wide -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        (@($narrowed.EventId | Sort-Object) -join ',') | Should -Be (@($all.EventId | Sort-Object) -join ',')
        $again = @(Get-SageMakerLogEvent -TrainingJobName merge-wide -Host 'algo-*' -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        ($again.EventId -join ',') | Should -Be ($narrowed.EventId -join ',')
    }

    It 'narrows by host, in both the bare and the job/host form' {
        $events = @(Get-SageMakerLogEvent -TrainingJobName merge-16 -Host algo-2, merge-16/algo-11 -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1))
        $events.Count | Should -Be 1000
        @($events.Host | Sort-Object -Unique) | Should -Be @('algo-11', 'algo-2')
    }

    It 'applies filter patterns on the service: <Name>' -ForEach @(
        @{ Name = 'a term'; Pattern = 'ERROR'; Expect = { param($e) $e.Message -match 'ERROR' }; Min = 1 }
        @{ Name = 'a quoted phrase'; Pattern = '"NCCL timeout"'; Expect = { param($e) $e.Message -match 'NCCL timeout' -and $e.Host -eq 'algo-3' }; Min = 1 }
        @{ Name = 'a JSON condition'; Pattern = '{ $.latencyMs > 500 }'; Expect = { param($e) ($e.Message | ConvertFrom-Json).latencyMs -gt 500 }; Min = 1; Endpoint = $true }
    ) {
        $events = if ($Endpoint) { @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -FilterPattern $Pattern -Since 1d) }
                  else { @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -FilterPattern $Pattern) }
        $events.Count | Should -BeGreaterOrEqual $Min
        foreach ($e in $events) { & $Expect $e | Should -BeTrue }
        if ($Endpoint) {
            $unfiltered = @(Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since 1d)
            $events.Count | Should -BeLessThan $unfiltered.Count
        }
    }

    It 'stops reading as soon as the rest of the pipeline has enough (Select-Object -First)' {
        Add-SyntheticJob -Job first-few -Streams 4 -PerStream 50000 -IntervalMs 10
        Reset-TestEmulatorRequestCount | Out-Null
        $few = @(Get-SageMakerLogEvent -TrainingJobName first-few -StartTime $SyntheticStart -EndTime $SyntheticStart.AddDays(1) | Select-Object -First 5)
        $few.Count | Should -Be 5
        Test-TimeOrder $few | Should -BeTrue
        # 200,000 events are 20 full pages; stopping early reads the first page and at most the one asked for ahead.
        Get-TestEmulatorRequestCount -Operation logs.FilterLogEvents | Should -BeLessOrEqual 2
    }

    It 'keeps reading through empty pages that carry a token' {
        Add-SyntheticJob -Job sparse -Streams 2 -PerStream 60000 -IntervalMs 10
        Set-LogsConfig -ScanBudget 5000
        try {
            $verbose = $null
            $events = @(Get-SageMakerLogEvent -TrainingJobName sparse -FilterPattern NCCL -StartTime $SyntheticStart -EndTime $SyntheticStart.AddDays(1) -Verbose 4>&1 |
                Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
            $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
            $events.Count | Should -Be 2
            $summary = $verbose | Where-Object { $_ -match 'empty page' } | Select-Object -Last 1
            $summary | Should -Match '\((\d+) empty page'
            [int]($summary -replace '.*\((\d+) empty page.*', '$1') | Should -BeGreaterThan 5
        }
        finally { Set-LogsConfig }
    }

    It "a job's default range is its own lifetime" {
        # demo-preprocess ran from T-5h to T-4h20m: older than any look-back default, yet found without a range.
        $events = @(Get-SageMakerLogEvent -ProcessingJobName demo-preprocess)
        $events.Count | Should -BeGreaterThan 10
        ($events | Measure-Object Timestamp -Minimum).Minimum | Should -BeLessThan ([DateTime]::UtcNow.AddHours(-4))
        @(Get-SageMakerLogEvent -ProcessingJobName demo-preprocess -Since 1h).Count | Should -Be 0
    }

    It 'prints one line per event: time, host, message; hosts coloured only when ANSI is rendered' {
        $plain = New-ModulePowerShell "`$PSStyle.OutputRendering = 'PlainText'; Get-SageMakerLogEvent -TrainingJobName merge-16 -Host algo-1, algo-2 -StartTime '$($SyntheticStart.ToString('o'))' -EndTime '$($SyntheticStart.AddSeconds(1).ToString('o'))' | Out-String -Width 200"
        $text = ($plain.Invoke() -join '')
        $plain.Dispose()
        $lines = @($text -split "`r?`n" | Where-Object { $_ -ne '' })
        $lines.Count | Should -Be 200
        $lines | ForEach-Object { $_ | Should -Match '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} algo-[12] \S' }
        $text | Should -Not -Match ([char]27)

        $ansi = New-ModulePowerShell "`$PSStyle.OutputRendering = 'Ansi'; Get-SageMakerLogEvent -TrainingJobName merge-16 -Host algo-1, algo-2 -StartTime '$($SyntheticStart.ToString('o'))' -EndTime '$($SyntheticStart.AddMilliseconds(20).ToString('o'))' | Out-String -Width 200"
        $coloured = @(($ansi.Invoke() -join '') -split "`r?`n" | Where-Object { $_ -ne '' })
        $ansi.Dispose()
        $colours = @($coloured | ForEach-Object { if ($_ -match ' (\x1b\[[0-9;]*m)algo-(\d)') { "$($Matches[2])=$($Matches[1])" } } | Sort-Object -Unique)
        $colours.Count | Should -Be 2 -Because 'each host has one colour'
        ($colours[0] -split '=')[1] | Should -Not -Be ($colours[1] -split '=')[1]
    }
}

Describe 'Get-SageMakerLogEvent -Follow' {
    BeforeAll {
        Reset-TestEmulator -Seed demo | Out-Null
    }

    It 'emits new events exactly once and ends by itself when the job ends' {
        $now = [DateTime]::UtcNow
        $created = $now.AddMinutes(-10)
        Set-TrainingJob -Name follow-job -Status InProgress -Created $created
        $epoch = [DateTimeOffset]::new($created).ToUnixTimeSeconds()
        $s1 = "follow-job/algo-1-$epoch"
        $s2 = "follow-job/algo-2-$epoch"
        Add-LogEvent $Group $s1 $now.AddMinutes(-5) 'a1', 'a2'
        Add-LogEvent $Group $s2 $now.AddMinutes(-5) 'b1'

        $job = Start-ThreadJob -ScriptBlock {
            Import-Module $using:modulePath
            Get-SageMakerLogEvent -TrainingJobName follow-job -Follow -PollInterval 0.3
        }
        try {
            $received = [Collections.Generic.List[object]]::new()
            Wait-Until { $received.AddRange(@(Receive-Job $job)); $received.Count -ge 3 }
            Add-LogEvent $Group $s1 $now.AddMinutes(-1) 'a3'
            Add-LogEvent $Group $s2 $now.AddSeconds(-30) 'b2', 'b3'
            Wait-Until { $received.AddRange(@(Receive-Job $job)); $received.Count -ge 6 }
            # Several more polls over the same overlap window (counted at the emulator, not timed).
            $polls = Get-TestEmulatorRequestCount -Operation logs.FilterLogEvents
            Wait-Until { (Get-TestEmulatorRequestCount -Operation logs.FilterLogEvents) -ge $polls + 3 }
            $received.AddRange(@(Receive-Job $job))
            $received.Count | Should -Be 6
            $job.State | Should -Be 'Running'

            Add-LogEvent $Group $s1 $now 'a-last'
            Set-TrainingJob -Name follow-job -Status Completed -Created $created -End $now
            Wait-Job $job -Timeout 60 | Out-Null
            $job.State | Should -Be 'Completed'
            $received.AddRange(@(Receive-Job $job))
        }
        finally { Remove-Job $job -Force }
        @($received.Message | Sort-Object) | Should -Be @('a-last', 'a1', 'a2', 'a3', 'b1', 'b2', 'b3')
        @($received.EventId | Sort-Object -Unique).Count | Should -Be 7
    }

    It 'stops on Ctrl+C (PowerShell.Stop) without waiting for the next poll' {
        Add-LogEvent $Group 'follow-ctrlc/algo-1-1764000000' ([DateTime]::UtcNow.AddMinutes(-1)) 'one'
        $ps = New-ModulePowerShell 'Get-SageMakerLogEvent -LogGroupName /aws/sagemaker/TrainingJobs -LogStreamNamePrefix follow-ctrlc/ -Since 10m -Follow -PollInterval 1m'
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        try {
            Wait-Until { $output.Count -ge 1 }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            # The poll interval is a minute: returning well before it proves the stop reached the waiting follower.
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 15
            Write-Host "    Stop took $([int]$watch.Elapsed.TotalMilliseconds) ms"
        }
        finally { $ps.Dispose() }
        $output[0].Message | Should -Be 'one'
    }
}

Describe 'Invoke-SageMakerLogQuery' {
    BeforeAll {
        Reset-TestEmulator -Seed demo | Out-Null
        Set-LogsConfig
    }
    AfterEach { Set-LogsConfig }

    It 'returns typed fields: @timestamp as a UTC DateTimeOffset, numbers as numbers' {
        Add-SyntheticJob -Job q-typed -Streams 2 -PerStream 3000 -IntervalMs 100
        $rows = @(Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1) -Query 'fields @timestamp, @logStream, latencyMs | filter @message like /latencyMs/ | sort @timestamp asc')
        $rows.Count | Should -Be 6
        $rows | ForEach-Object {
            $_.'@timestamp' | Should -BeOfType [DateTimeOffset]
            $_.'@timestamp'.Offset | Should -Be ([TimeSpan]::Zero)
            $_.latencyMs | Should -BeOfType [long]
            $_.'@logStream' | Should -BeLike 'q-typed/algo-*'
        }
        $rows[0].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.LogQueryRow'
        $stats = @(Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1) -Query 'stats count(*) as n by @logStream')
        $stats.Count | Should -Be 2
        $stats | ForEach-Object { $_.n | Should -Be 3000 }
    }

    It 'narrows a shared log group to the resource and its hosts' {
        $rows = @(Invoke-SageMakerLogQuery -TrainingJobName q-typed -Host algo-2 -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1) -Query 'stats count(*) as n by @logStream')
        $rows.Count | Should -Be 1
        $rows[0].'@logStream' | Should -BeLike 'q-typed/algo-2-*'
    }

    It 'shows progress with records matched, records scanned and bytes scanned' {
        $ps = New-ModulePowerShell "Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime '$($SyntheticStart.ToString('o'))' -EndTime '$($SyntheticStart.AddHours(1).ToString('o'))' -Query 'fields @message | limit 5'"
        $rows = $ps.Invoke()
        $progress = @($ps.Streams.Progress)
        $ps.Dispose()
        $rows.Count | Should -Be 5
        $statuses = @($progress | Where-Object { $_.StatusDescription -match 'records matched' })
        $statuses.Count | Should -BeGreaterThan 0
        $statuses[-1].StatusDescription | Should -Match 'Complete: [\d,]+ records matched, [\d,]+ scanned, [\d.]+ [KMG]?B scanned'
        $progress[-1].RecordType | Should -Be 'Completed'
    }

    It 'splits a result beyond the 10,000-row cap by time so every row comes back, and says so' {
        Add-SyntheticJob -Job q-split -Streams 2 -PerStream 12000 -IntervalMs 100
        $all = Invoke-SageMakerLogQuery -TrainingJobName q-split -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(2) -Query 'fields @timestamp, @logStream, @message' -Verbose 4>&1
        $rows = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $rows.Count | Should -Be 24000
        @($rows | ForEach-Object { "$($_.'@logStream')|$($_.'@timestamp'.Ticks)" } | Sort-Object -Unique).Count | Should -Be 24000
        ($verbose -match 'splitting the range').Count | Should -BeGreaterThan 0
    }

    It 'waits out the concurrent-query limit instead of failing' {
        Add-SyntheticJob -Job q-limit -Streams 1 -PerStream 50 -IntervalMs 1000
        Set-LogsConfig -MaxConcurrentQueries 1 -QueryRunMilliseconds 6000
        $start = [DateTimeOffset]::new($SyntheticStart).ToUnixTimeSeconds()
        aws logs start-query --log-group-name $Group --start-time $start --end-time ($start + 3600) --query-string 'fields @message' --region $env:AWS_REGION --endpoint-url $env:AWS_ENDPOINT_URL --output json | Out-Null
        $LASTEXITCODE | Should -Be 0
        $all = Invoke-SageMakerLogQuery -TrainingJobName q-limit -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1) -Query 'fields @message' -Verbose 4>&1
        @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }).Count | Should -Be 50
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'concurrent Logs Insights query limit' }).Count | Should -BeGreaterThan 0
    }

    It 'stops the query on the service when the user presses Ctrl+C' {
        Set-LogsConfig -QueryRunMilliseconds 120000
        Reset-TestEmulatorRequestCount | Out-Null
        $ps = New-ModulePowerShell "Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime '$($SyntheticStart.ToString('o'))' -EndTime '$($SyntheticStart.AddHours(1).ToString('o'))' -Query 'fields @message | filter @message like /ctrl-c/'"
        $async = $ps.BeginInvoke()
        try {
            Wait-Until { @($ps.Streams.Progress | Where-Object { $_.StatusDescription -match '^(Running|Scheduled)' }).Count -gt 0 }
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $ps.Dispose() }
        Get-TestEmulatorRequestCount -Operation logs.StopQuery | Should -Be 1
        $queries = @(Get-QueryStatus | Where-Object { $_.queryString -match 'ctrl-c' })
        ($queries | ForEach-Object status) -join ',' | Should -Be 'Cancelled'
    }

    It 'stops the query on the service when -Timeout runs out' {
        Set-LogsConfig -QueryRunMilliseconds 120000
        { Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime $SyntheticStart -EndTime $SyntheticStart.AddHours(1) -Query 'fields @message | filter @message like /timeout-case/' -Timeout 3s -ErrorAction Stop } |
            Should -Throw -ErrorId 'QueryTimedOut,SageMakerMonitoring.Commands.InvokeSageMakerLogQueryCommand'
        $queries = @(Get-QueryStatus | Where-Object { $_.queryString -match 'timeout-case' })
        ($queries | ForEach-Object status) -join ',' | Should -Be 'Cancelled'
    }

    It 'works under Start-ThreadJob' {
        $from = $SyntheticStart
        $to = $SyntheticStart.AddHours(1)
        $job = Start-ThreadJob -ScriptBlock {
            Import-Module $using:modulePath
            Invoke-SageMakerLogQuery -TrainingJobName q-typed -StartTime $using:from -EndTime $using:to -Query 'stats count(*) as n'
        }
        $rows = @($job | Receive-Job -Wait -AutoRemoveJob)
        $rows.Count | Should -Be 1
        $rows[0].n | Should -Be 6000
        $rows[0].n | Should -BeOfType [long]
    }
}

Describe 'Under 30% throttling and 5xx answers' {
    BeforeAll {
        Reset-TestEmulator -Seed demo | Out-Null
        Add-SyntheticJob -Job faulty -Streams 6 -PerStream 8000 -IntervalMs 25
        $range = @{ StartTime = $SyntheticStart; EndTime = $SyntheticStart.AddHours(2) }
        $clean = @{
            Prefix  = (@(Get-SageMakerLogEvent -TrainingJobName faulty @range).EventId -join ',')
            Named   = (@(Get-SageMakerLogEvent -TrainingJobName faulty -Host algo-1, algo-3, algo-5 @range).EventId -join ',')
            Filter  = (@(Get-SageMakerLogEvent -TrainingJobName faulty -FilterPattern WARNING @range).EventId -join ',')
            Streams = (@(Get-SageMakerLogStream -TrainingJobName faulty).LogStreamName -join ',')
            Query   = (@(Invoke-SageMakerLogQuery -TrainingJobName faulty @range -Query 'stats count(*) as n by @logStream | sort @logStream asc') | ForEach-Object { "$($_.'@logStream')=$($_.n)" }) -join ','
        }
        Set-TestEmulatorFault -Rule @(
            @{ service = 'logs'; operation = '*'; throttleRate = 0.15; errorRate = 0.15; latencyMs = 0; dropRate = 0.0 }
            @{ service = 'sagemaker'; operation = '*'; throttleRate = 0.15; errorRate = 0.15; latencyMs = 0; dropRate = 0.0 }
        ) -Seed 7 | Out-Null
    }
    AfterAll { Clear-TestEmulatorFault | Out-Null }

    It 'gives the same results as the fault-free run' {
        (@(Get-SageMakerLogEvent -TrainingJobName faulty @range).EventId -join ',') | Should -Be $clean.Prefix
        (@(Get-SageMakerLogEvent -TrainingJobName faulty -Host algo-1, algo-3, algo-5 @range).EventId -join ',') | Should -Be $clean.Named
        (@(Get-SageMakerLogEvent -TrainingJobName faulty -FilterPattern WARNING @range).EventId -join ',') | Should -Be $clean.Filter
        (@(Get-SageMakerLogStream -TrainingJobName faulty).LogStreamName -join ',') | Should -Be $clean.Streams
        ((@(Invoke-SageMakerLogQuery -TrainingJobName faulty @range -Query 'stats count(*) as n by @logStream | sort @logStream asc') | ForEach-Object { "$($_.'@logStream')=$($_.n)" }) -join ',') | Should -Be $clean.Query
        $clean.Prefix.Split(',').Count | Should -Be 48000
    }

    It 'really injected faults' {
        $faults = Get-TestEmulatorFault
        ($faults | ConvertTo-Json -Depth 10) | Should -Match '"logs\.FilterLogEvents"'
    }
}
