# Pipelines between the module's cmdlets against the emulator's demo world: found metrics into Get-/Watch-/Export-
# SageMakerMetric, log streams into Get-SageMakerLogEvent and Invoke-SageMakerLogQuery, rules into their target and
# state cmdlets, and every help example that pipes one module cmdlet into another, run as written.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed demo

    function Get-PointKey { param($Point) '{0}|{1}|{2}|{3}|{4:o}|{5}' -f $Point.ResourceName, $Point.Host, $Point.VariantName, $Point.MetricName, $Point.Timestamp.UtcDateTime, $Point.Statistic }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Found metrics pipe into the metric cmdlets' {
    BeforeAll {
        $script:end = [DateTime]::UtcNow.AddMinutes(-2)
        $script:end = [DateTime]::new($end.Ticks - $end.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc)
    }

    It 'binds each found metric to -Metric of Get-SageMakerMetric, not to -TrainingJobName' {
        $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization)
        $found.Count | Should -Be 4
        $piped = @($found | Get-SageMakerMetric -StartTime $end.AddMinutes(-3) -EndTime $end -ErrorAction Stop)
        $direct = @(Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -StartTime $end.AddMinutes(-3) -EndTime $end)
        $direct.Count | Should -BeGreaterThan 0
        @($piped | ForEach-Object { Get-PointKey $_ } | Sort-Object) | Should -Be @($direct | ForEach-Object { Get-PointKey $_ } | Sort-Object)
    }

    It 'reads only the metrics piped in, with their own dimensions' {
        $one = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization, CPUUtilization | Where-Object Host -EQ algo-3)
        $one.Count | Should -Be 2
        $points = @($one | Get-SageMakerMetric -StartTime $end.AddMinutes(-2) -EndTime $end)
        @($points.Host | Sort-Object -Unique) | Should -Be @('algo-3')
        @($points.MetricName | Sort-Object -Unique) | Should -Be @('CPUUtilization', 'GPUUtilization')
    }

    It 'reads metrics of several resources, each with its own series' {
        $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization) + @(Find-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName Invocations)
        $points = @($found | Get-SageMakerMetric -StartTime $end.AddMinutes(-5) -EndTime $end)
        @($points.ResourceName | Sort-Object -Unique) | Should -Be @('demo-churn-endpoint', 'demo-train-resnet50')
    }

    It 'pipes found metrics into Watch-SageMakerMetric' {
        $watched = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization | Where-Object Host -EQ algo-2 |
            Watch-SageMakerMetric -Since 2m -Count 3 -Interval 1s -ErrorAction Stop)
        $watched.Count | Should -Be 3
        @($watched.Host | Sort-Object -Unique) | Should -Be @('algo-2')
    }

    It 'refuses to watch the metrics of several resources at once' {
        $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization) + @(Find-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName Invocations)
        $err = { $found | Watch-SageMakerMetric -Count 1 -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'MetricsOfSeveralResources,*'
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'pipes found metrics into Export-SageMakerMetric and archives only those' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("smm-chains-" + [Guid]::NewGuid().ToString('n'))
        try {
            $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPU* | Where-Object Host -EQ algo-1)
            $found.Count | Should -Be 2
            $summary = $found | Export-SageMakerMetric -Path $folder -Since 10m -SettleDelay 0s -Format Csv -ErrorAction Stop
            $summary.Series | Should -Be 2
            $rows = @(Get-ChildItem -LiteralPath $folder -Recurse -Filter *.csv.gz | ForEach-Object {
                    $gzip = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($_.FullName), [IO.Compression.CompressionMode]::Decompress)
                    $reader = [IO.StreamReader]::new($gzip)
                    try { $reader.ReadToEnd() | ConvertFrom-Csv } finally { $reader.Dispose() }
                })
            $rows.Count | Should -Be $summary.Datapoints
            ($rows[0].PSObject.Properties.Name -match '^(host|metric)$').Count | Should -Be 2
            @($rows.host | Sort-Object -Unique) | Should -Be @('algo-1')
            @($rows.metric | Sort-Object -Unique) | Should -Be @('GPUMemoryUtilization', 'GPUUtilization')
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Describe 'Log streams pipe into the log cmdlets' {
    It 'reads exactly the piped streams with Get-SageMakerLogEvent, from their own first event' {
        $streams = @(Get-SageMakerLogStream -TrainingJobName demo-train-resnet50 | Where-Object Host -In algo-1, algo-3)
        $streams.Count | Should -Be 2
        $events = @($streams | Get-SageMakerLogEvent -ErrorAction Stop)
        $events.Count | Should -BeGreaterThan 0
        @($events.LogStreamName | Sort-Object -Unique) | Should -Be @($streams.LogStreamName | Sort-Object)
        $direct = @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -HostName algo-1, algo-3)
        $events.Count | Should -Be $direct.Count
        for ($i = 1; $i -lt $events.Count; $i++) { $events[$i - 1].Timestamp | Should -BeLessOrEqual $events[$i].Timestamp }
    }

    It 'reads a piped endpoint stream without an empty -VariantName' {
        $stream = Get-SageMakerLogStream -EndpointName demo-churn-endpoint | Where-Object ContainerName -EQ container-2 | Select-Object -First 1
        $events = @($stream | Get-SageMakerLogEvent -Since 1d -ErrorAction Stop)
        $events.Count | Should -BeGreaterThan 0
        @($events.LogStreamName | Sort-Object -Unique) | Should -Be @($stream.LogStreamName)
    }

    It 'narrows Invoke-SageMakerLogQuery to the piped streams' {
        $streams = @(Get-SageMakerLogStream -TrainingJobName demo-train-resnet50 | Where-Object Host -EQ algo-2)
        $rows = @($streams | Invoke-SageMakerLogQuery -Query 'stats count(*) as events by @logStream' -Since 30d -ErrorAction Stop)
        @($rows.'@logStream') | Should -Be @($streams.LogStreamName)
        $expected = @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -HostName algo-2 -Since 30d).Count
        [long]$rows[0].events | Should -Be $expected
    }
}

Describe 'Rules pipe into their cmdlets' {
    BeforeEach {
        Reset-TestEmulator -Seed demo | Out-Null
    }

    It 'gets, adds and removes targets of a piped rule' {
        @(Get-SageMakerEventRule demo-training-failed | Get-SageMakerEventRuleTarget).Id | Should -Be @('notify-oncall')
        Get-SageMakerEventRule demo-training-failed | Add-SageMakerEventRuleTarget -Arn 'arn:aws:sqs:us-east-1:123456789012:chains' -Id chains -ErrorAction Stop
        @(Get-SageMakerEventRuleTarget demo-training-failed).Id | Sort-Object | Should -Be @('chains', 'notify-oncall')
        Get-SageMakerEventRule demo-training-failed | Remove-SageMakerEventRuleTarget -Id chains -Force -ErrorAction Stop
        @(Get-SageMakerEventRuleTarget demo-training-failed).Id | Should -Be @('notify-oncall')
    }

    It 'disables, enables, changes and removes piped rules' {
        Get-SageMakerEventRule demo-training-failed | Disable-SageMakerEventRule -ErrorAction Stop
        (Get-SageMakerEventRule demo-training-failed).State | Should -Be 'DISABLED'
        Get-SageMakerEventRule demo-training-failed | Enable-SageMakerEventRule -ErrorAction Stop
        (Get-SageMakerEventRule demo-training-failed).State | Should -Be 'ENABLED'
        Get-SageMakerEventRule demo-training-failed | Set-SageMakerEventRule -Description 'changed through the pipeline' -ErrorAction Stop
        (Get-SageMakerEventRule demo-training-failed).Description | Should -Be 'changed through the pipeline'
        Get-SageMakerEventRule demo-endpoint-changes | Remove-SageMakerEventRule -Force -ErrorAction Stop
        @(Get-SageMakerEventRule).Name | Should -Not -Contain 'demo-endpoint-changes'
    }
}

Describe 'Help examples that pipe between module cmdlets' {
    BeforeDiscovery {
        # Every ```powershell block of docs/help/*.md in which one module cmdlet's output is piped (possibly through
        # Where-Object/Select-Object) into another module cmdlet; new examples are covered without a change here.
        $helpFolder = Join-Path (Split-Path (Split-Path $PSScriptRoot)) 'docs/help'
        $script:examples = foreach ($file in Get-ChildItem -LiteralPath $helpFolder -Filter '*-SageMaker*.md') {
            $text = Get-Content -LiteralPath $file.FullName -Raw
            $blocks = @([regex]::Matches($text, '```powershell\r?\n([\s\S]*?)```') | ForEach-Object { $_.Groups[1].Value })
            for ($i = 0; $i -lt $blocks.Count; $i++) {
                $flat = $blocks[$i] -replace '\|\s*\r?\n\s*', '| '
                $segments = $flat -split '\|'
                $pipes = $false
                for ($j = 1; $j -lt $segments.Count; $j++) {
                    $before = ($segments[0..($j - 1)] -join '|')
                    if ($segments[$j] -match '^\s*\w+-SageMaker\w+' -and $before -match '\w+-SageMaker\w+') { $pipes = $true }
                }
                if ($pipes) {
                    # Earlier blocks of the page that set a variable this example uses run first, as for a reader
                    # following the page.
                    $used = @([regex]::Matches($blocks[$i], '\$(\w+)') | ForEach-Object { $_.Groups[1].Value })
                    $before = @(for ($k = 0; $k -lt $i; $k++) {
                            $sets = @([regex]::Matches($blocks[$k], '(?m)^\s*\$(\w+)\s*=') | ForEach-Object { $_.Groups[1].Value })
                            if (@($sets | Where-Object { $used -contains $_ }).Count -gt 0) { $blocks[$k] }
                        })
                    @{ Page = $file.BaseName; Index = $i; Code = $blocks[$i]; Before = $before }
                }
            }
        }
    }

    BeforeAll {
        # Runs code in a fresh runspace with the module imported; long-running examples (Watch, -Follow) count as
        # running when they wrote no error within the time limit.
        function Invoke-Example {
            param([string[]] $Before, [string] $Code, [int] $Seconds = 30)
            $state = [initialsessionstate]::CreateDefault2()
            $state.ImportPSModule($modulePath)
            $runspace = [runspacefactory]::CreateRunspace($state)
            $runspace.Open()
            $folder = Join-Path ([IO.Path]::GetTempPath()) ("smm-example-" + [Guid]::NewGuid().ToString('n'))
            New-Item -ItemType Directory -Path $folder | Out-Null
            try {
                $runspace.SessionStateProxy.Path.SetLocation($folder) | Out-Null
                # Earlier examples of the page first, as a reader following the page would have run them.
                foreach ($b in $Before) {
                    $ps = [powershell]::Create(); $ps.Runspace = $runspace
                    $handle = $ps.AddScript($b).AddCommand('Out-Null').BeginInvoke()
                    if (-not $handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(20))) { $ps.Stop() }
                    $ps.Dispose()
                }
                $ps = [powershell]::Create(); $ps.Runspace = $runspace
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $handle = $ps.AddScript($Code).AddCommand('Out-String').BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                $finished = $handle.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds($Seconds))
                if (-not $finished) { $ps.Stop() }
                $errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" })
                if ($finished -and $ps.InvocationStateInfo.Reason) { $errors += "$($ps.InvocationStateInfo.Reason)" }
                [pscustomobject]@{ Finished = $finished; Errors = $errors; Output = ($output -join '') }
            }
            finally {
                $runspace.Dispose()
                Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
            }
        }
    }

    It 'finds the piped examples, Find-SageMakerMetric''s included' {
        $examples.Count | Should -BeGreaterOrEqual 10
        @($examples | Where-Object Page -EQ 'Find-SageMakerMetric' | Where-Object Code -Match '\|\s*Get-SageMakerMetric').Count | Should -Be 1
    }

    It '<Page> example <Index> runs as written' -ForEach $examples {
        Reset-TestEmulator -Seed demo | Out-Null
        $result = Invoke-Example -Before $Before -Code $Code
        $result.Errors | Should -BeNullOrEmpty -Because "the example`n$Code`nmust run without errors"
        if ($result.Finished -and $Code -notmatch '-WhatIf|-Force|Out-Null|Export-Csv|Disable-|Enable-|Add-|Remove-') {
            $result.Output.Trim() | Should -Not -BeNullOrEmpty -Because "the example`n$Code`nmust write something"
        }
    }
}
