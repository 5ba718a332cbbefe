# The default views against the emulator's demo world: every table shows its value columns within 80 columns with
# each header on one line (no label broken across lines), a console of 120 columns shows more columns, and the same
# holds for a scheduled script whose output is redirected to a file.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed demo

    # Renders objects as the console would at the given width and returns the non-empty lines.
    function Get-ViewLine {
        param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [int] $Width)
        @(($InputObject | Out-String -Width $Width) -split '\r?\n' | Where-Object { $_.Trim() })
    }

    # The header of a table: the line above the dashes; the labels are the words of the header line.
    function Get-TableHeader {
        param([string[]] $Line)
        $dashes = [Array]::FindIndex($Line, [Predicate[string]] { param($l) $l -match '^\s*-{2,}(\s+-+)*\s*$' })
        if ($dashes -lt 1) { throw "No table header in:`n$($Line -join "`n")" }
        [pscustomobject]@{ Index = $dashes; Labels = @($Line[$dashes - 1] -split '\s+' | Where-Object { $_ }); Line = $Line }
    }

    # Asserts the table at this width: lines fit, the header is one line (the line above it is not a header piece),
    # every expected label is whole, and the first row holds the expected values.
    function Assert-Table {
        param([object[]] $InputObject, [int] $Width, [string[]] $Label, [string[]] $Value, [string[]] $Absent = @())
        $lines = Get-ViewLine -InputObject $InputObject -Width $Width
        foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual $Width -Because "'$l' must fit $Width columns" }
        $header = Get-TableHeader $lines
        $header.Index | Should -Be 1 -Because "the header must be one line at $Width columns:`n$($lines -join "`n")"
        foreach ($l in $Label) { $header.Labels | Should -Contain $l -Because "column '$l' must show whole at $Width columns:`n$($lines -join "`n")" }
        foreach ($l in $Absent) { $header.Labels | Should -Not -Contain $l }
        $firstRow = $lines[$header.Index + 1]
        foreach ($v in $Value) { $firstRow | Should -Match ([regex]::Escape($v)) -Because "the first row must show '$v' at $Width columns:`n$($lines -join "`n")" }
    }

    # The view rounds values to fit their column: some number on the row must be the value to 3 significant decimals.
    function Assert-ShownValue {
        param([string[]] $Line, [double] $Value)
        $row = $Line[(Get-TableHeader $Line).Index + 1]
        $numbers = @([regex]::Matches($row, '(?<=\s)-?[\d.,]+(E[+-]?\d+)?(?=\s|$)') | ForEach-Object { [double]::Parse($_.Value, [cultureinfo]::CurrentCulture) })
        $tolerance = [math]::Max(0.0005, [math]::Abs($Value) * 0.005)
        @($numbers | Where-Object { [math]::Abs($_ - $Value) -le $tolerance }).Count | Should -BeGreaterThan 0 -Because "'$row' must show $Value"
    }

    $script:Invariant = [cultureinfo]::InvariantCulture
    Import-Module (Join-Path (Get-TestRepositoryRoot) 'tools/Processes.psm1') -Force
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Metric views' {
    BeforeAll {
        $script:points = @(Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUMemoryUtilization -Since 5m | Select-Object -First 3)
        $script:first = $points[0]
    }

    It 'shows time, host, metric, statistic, value and unit of a datapoint at 80 columns' {
        $first.Unit | Should -Be 'Percent'
        Assert-Table -InputObject $points -Width 80 -Label 'Host/Variant', 'MetricName', 'Statistic', 'Value', 'Unit' -Absent 'ResourceName' -Value @(
            $first.Timestamp.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', $Invariant), $first.Host, 'GPUMemoryUtilization', $first.Statistic, '%')
        Assert-ShownValue -Line (Get-ViewLine -InputObject $points -Width 80) -Value $first.Value
    }

    It 'adds the resource name at 120 columns' {
        Assert-Table -InputObject $points -Width 120 -Label 'Host/Variant', 'Value', 'Unit', 'ResourceName' -Value 'demo-train-resnet50'
    }

    It 'shows endpoint variants and their units the same way' {
        $e = @(Get-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName ModelLatency -Since 30m | Select-Object -First 2)
        $e[0].Unit | Should -Be 'Microseconds'
        Assert-Table -InputObject $e -Width 80 -Label 'Value', 'Unit' -Value $e[0].VariantName, 'us'
        Assert-ShownValue -Line (Get-ViewLine -InputObject $e -Width 80) -Value $e[0].Value
    }

    It 'shows what Watch-SageMakerMetric writes within 80 columns' {
        $watched = @(Watch-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 2m -Count 2 -Interval 1s)
        $watched.Count | Should -Be 2
        Assert-Table -InputObject $watched -Width 80 -Label 'MetricName', 'Value', 'Unit' -Value 'CPUUtilization', '%'
    }

    It 'shows a series (-AsSeries) with its count, last value and unit at 80 columns, and the resource at 120' {
        $series = @(Get-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName Invocations -Statistic Sum -Since 30m -AsSeries)
        Assert-Table -InputObject $series -Width 80 -Label 'MetricName', 'Statistic', 'Period', 'Count', 'Last', 'Unit' -Absent 'ResourceName' -Value 'Invocations', 'Sum', "$($series[0].Count)"
        Assert-ShownValue -Line (Get-ViewLine -InputObject $series -Width 80) -Value $series[0].Values[$series[0].Count - 1]
        Assert-Table -InputObject $series -Width 120 -Label 'Last', 'ResourceName' -Value 'demo-churn-endpoint'
    }

    It 'shows found metrics with their dimensions at 80 columns and the namespace at 120' {
        $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization)
        Assert-Table -InputObject $found -Width 80 -Label 'MetricName', 'Host/Variant', 'Unit', 'Dimensions' -Absent 'Namespace' -Value 'CPUUtilization', 'Host=demo-train-resnet50/algo-'
        Assert-Table -InputObject $found -Width 120 -Label 'Dimensions', 'Namespace' -Value '/aws/sagemaker/TrainingJobs'
    }
}

Describe 'Log views' {
    It 'shows a stream''s times, source and name at 80 columns' {
        $streams = @(Get-SageMakerLogStream -TrainingJobName demo-train-resnet50)
        $first = $streams[0]
        $first.LastEventTime | Should -Not -BeNullOrEmpty
        Assert-Table -InputObject $streams -Width 80 -Label 'LastEventTime', 'FirstEventTime', 'Source', 'LogStreamName' -Value @(
            $first.LastEventTime.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', $Invariant), $first.Source, 'demo-train-resnet50/')
    }

    It 'prints one event as time, source and message, wrapping only the message' {
        $events = @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 | Select-Object -First 5)
        $lines = Get-ViewLine -InputObject $events -Width 80
        foreach ($l in $lines) { $l.Length | Should -BeLessOrEqual 80 }
        $lines[0] | Should -BeLike ($events[0].Timestamp.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss.fff', $Invariant) + ' *' + $events[0].Source + ' *')
    }

    It 'shows the fields of a Logs Insights row whole at 80 columns' {
        $rows = @(Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'stats count(*) as events by @logStream' -Since 30d)
        $rows.Count | Should -BeGreaterThan 0
        $lines = Get-ViewLine -InputObject $rows -Width 80
        foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual 80 }
        ($lines -join "`n") | Should -Match "$($rows[0].events)"
    }
}

Describe 'Event views' {
    It 'shows rules with their state, targets and event types at 80 columns, and the description at 120' {
        $rules = @(Get-SageMakerEventRule)
        $rule = $rules[0]
        Assert-Table -InputObject $rules -Width 80 -Label 'Name', 'State', 'Targets', 'EventTypes' -Absent 'Description' -Value $rule.Name, $rule.State, $rule.EventTypes[0]
        Assert-Table -InputObject $rules -Width 120 -Label 'Targets', 'Description' -Value $rule.Description.Substring(0, 12)
    }

    It 'shows every rule''s name and target ids whole at 80 columns' {
        $rules = @(Get-SageMakerEventRule)
        $lines = Get-ViewLine -InputObject $rules -Width 80
        $rows = $lines | Select-Object -Skip ((Get-TableHeader $lines).Index + 1)
        foreach ($rule in $rules) {
            $targets = ($rule.Targets | ForEach-Object Id) -join ', '
            $targets | Should -Not -BeNullOrEmpty
            @($rows | Where-Object { $_ -match "^$([regex]::Escape($rule.Name))\s.*\s$([regex]::Escape($targets))\s" }).Count |
                Should -Be 1 -Because "rule '$($rule.Name)' and its targets '$targets' must show whole at 80 columns:`n$($lines -join "`n")"
        }
    }

    It 'shows targets with their rule, id, input and ARN at 80 columns' {
        $targets = @(Get-SageMakerEventRuleTarget -RuleName demo-training-failed)
        Assert-Table -InputObject $targets -Width 80 -Label 'RuleName', 'Id', 'Input', 'Arn' -Value 'demo-training-failed', $targets[0].Id, 'arn:aws:'
    }

    It 'shows pattern test results with the reason at 80 columns and the detail type at 120' {
        $results = @(New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed |
            Test-SageMakerEventPattern -EventPattern '{"detail":{"TrainingJobStatus":["Completed"]}}' -Detailed)
        Assert-Table -InputObject $results -Width 80 -Label 'IsMatch', 'Engine', 'FailedPath', 'Reason' -Absent 'DetailType' -Value 'False', 'Local', 'detail.TrainingJob', 'Failed'
        Assert-Table -InputObject $results -Width 120 -Label 'Reason', 'DetailType' -Value 'SageMaker Training Job State Change'
    }

    It 'shows sample events with type, status, time and resource at 80 columns, and the id at 120' {
        $samples = @(New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed -ResourceName demo-train-resnet50)
        Assert-Table -InputObject $samples -Width 80 -Label 'EventType', 'Status', 'Time', 'ResourceName' -Absent 'Id' -Value 'TrainingJobStateChange', 'Failed', 'demo-train-resnet50'
        Assert-Table -InputObject $samples -Width 120 -Label 'ResourceName', 'Id' -Value $samples[0].Id.Substring(0, 8)
    }
}

Describe 'Export views' {
    It 'lists the export summary within 80 columns' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("smm-views-" + [Guid]::NewGuid().ToString('n'))
        try {
            $summary = Export-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Path $folder -Since 10m -SettleDelay 0s
            $lines = Get-ViewLine -InputObject $summary -Width 80
            foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual 80 }
            ($lines -join "`n") | Should -Match "Datapoints\s+:\s+$($summary.Datapoints)"
            ($lines -join "`n") | Should -Match 'Duration\s+:\s+[\d.,]+ s'
            ($lines -join "`n") | Should -Match 'ExportedThrough\s+:\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'shows a gap''s resource, host, metric, span and resolutions at 80 columns' {
        $gap = (Get-TestModuleType SageMakerMonitoring.Core.Archive.ArchiveGap)::new('k', 'TrainingJob', 'demo-train-resnet50', 'algo-1', $null, 'CPUUtilization', 'Average',
            [DateTime]::new(2026, 11, 30, 8, 0, 0, [DateTimeKind]::Utc), [DateTime]::new(2026, 11, 30, 9, 0, 0, [DateTimeKind]::Utc), 1, 60,
            [DateTime]::new(2026, 12, 1, 0, 0, 0, [DateTimeKind]::Utc))
        Assert-Table -InputObject $gap -Width 80 -Label 'Resource', 'Host', 'Metric', 'Lost/Kept' -Absent 'Statistic' -Value 'demo-train-resnet50', 'algo-1', 'CPUUtilization', '11-30 08:00', '1s/60s'
        Assert-Table -InputObject $gap -Width 120 -Label 'Lost/Kept', 'Statistic' -Value 'Average'
    }
}

Describe 'Findings views' {
    BeforeAll {
        $script:stats = @(Measure-SageMakerUtilization -TrainingJobName demo-train-resnet50 -Source CloudWatch -Since 15m)
        $script:findings = @(Get-SageMakerUtilizationFinding -TrainingJobName demo-train-resnet50 -Source CloudWatch -Since 15m)
    }

    It 'shows per-host statistics with their percentiles and samples at 80 and 120 columns' {
        $first = $stats[0]
        foreach ($width in 80, 120) {
            Assert-Table -InputObject $stats -Width $width -Label 'Host', 'Device', 'MetricName', 'Min', 'P50', 'P95', 'P99', 'Max', 'Samples' -Value @(
                $first.Host, $first.MetricName, "$($first.SampleCount)")
        }
        Assert-ShownValue -Line (Get-ViewLine -InputObject $stats -Width 80) -Value ([math]::Round($first.P95, 1))
    }

    It 'shows each finding''s rule, host, verdict and evidence at 80 and 120 columns' {
        $first = $findings[0]
        foreach ($width in 80, 120) {
            Assert-Table -InputObject $findings -Width $width -Label 'Rule', 'Host', 'Device', 'Hit', 'Evidence' -Value $first.Rule, $first.Host
        }
    }

    It 'shows every endpoint finding''s rule and variant whole at 80 columns' {
        $endpointFindings = @(Get-SageMakerUtilizationFinding -EndpointName demo-churn-endpoint -Since 1d)
        $endpointFindings.Count | Should -BeGreaterThan 0
        $lines = Get-ViewLine -InputObject $endpointFindings -Width 80
        foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $rows = @($lines | Select-Object -Skip ((Get-TableHeader $lines).Index + 1))
        $rows.Count | Should -Be $endpointFindings.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i] | Should -Match "^$([regex]::Escape($endpointFindings[$i].Rule))\s+$([regex]::Escape($endpointFindings[$i].Host))\s" -Because "the rule and variant must show whole at 80 columns:`n$($lines -join "`n")"
        }
    }

    It 'lists one finding within 80 columns with its window at UTC and its thresholds' {
        $first = $findings[0]
        $lines = Get-ViewLine -InputObject ($first | Format-List) -Width 80
        foreach ($l in $lines) { $l.TrimEnd().Length | Should -BeLessOrEqual 80 }
        $text = $lines -join "`n"
        $text | Should -Match "Rule\s+:\s+$($first.Rule)"
        $text | Should -Match ([regex]::Escape($first.WindowStart.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss', $Invariant)))
        $text | Should -Match "Severity\s+:\s+$($first.Severity)"
    }
}

Describe 'Views in a scheduled script' {
    It 'keeps the value columns when the output is redirected to a file' {
        $out = Join-Path ([IO.Path]::GetTempPath()) ("smm-views-" + [Guid]::NewGuid().ToString('n') + '.log')
        $script = Join-Path ([IO.Path]::GetTempPath()) ("smm-views-" + [Guid]::NewGuid().ToString('n') + '.ps1')
        Set-Content -LiteralPath $script -Encoding utf8 -Value @"
Import-Module '$modulePath'
Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUMemoryUtilization -Since 5m | Select-Object -First 3 | Out-Default
Get-SageMakerEventRule | Out-Default
"@
        try {
            $commandLine = Get-PwshCommandLine
            $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script)
            & $commandLine[0] @arguments > $out 2>&1
            $LASTEXITCODE | Should -Be 0
            # Colour codes, if the child's PowerShell writes them, are not part of the layout.
            $lines = @(Get-Content -LiteralPath $out | ForEach-Object { $_ -replace "`e\[[\d;]*m", '' } | Where-Object { $_.Trim() })
            $metricHeader = @($lines | Where-Object { $_ -match '^Time \(UTC\)' })
            $metricHeader.Count | Should -Be 1 -Because ($lines -join "`n")
            $metricHeader[0] -split '\s+' | Should -Contain 'Value'
            $metricHeader[0] -split '\s+' | Should -Contain 'Unit'
            $ruleHeader = @($lines | Where-Object { $_ -match '^Name\s+State' })
            $ruleHeader[0] -split '\s+' | Should -Contain 'Targets'
            $lines | Where-Object { $_ -match '^\s*T\s*$|^\s*a\s*$' } | Should -BeNullOrEmpty -Because 'no header is printed one letter per line'
        }
        finally {
            Remove-Item -LiteralPath $out, $script -ErrorAction SilentlyContinue
        }
    }
}
