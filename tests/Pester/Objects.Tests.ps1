# Every output type through Export-Csv and ConvertTo-Json against the emulator's demo world: no .NET type names,
# timestamps that carry UTC, enums as names, readable dimensions and series, nothing internal.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo

    # What a .NET type name looks like in text: a namespace-qualified name, an array or a generic type.
    $script:TypeName = 'System\.[A-Z]|SageMakerMonitoring\.Core|\w\[\]|`\d'
    $script:IsoUtc = '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|\+00:00)$'
    $script:CsvUtc = '^\d\d/\d\d/\d{4} \d\d:\d\d:\d\d \+00:00$'

    # The rows Export-Csv writes (through a file, as users do) and the objects ConvertTo-Json writes, read back.
    function ConvertTo-CsvRow {
        param([object[]] $InputObject)
        $file = Join-Path ([IO.Path]::GetTempPath()) ("smm-objects-" + [Guid]::NewGuid().ToString('n') + '.csv')
        try {
            $InputObject | Export-Csv -LiteralPath $file -NoTypeInformation
            [pscustomobject]@{ Text = Get-Content -LiteralPath $file -Raw; Rows = @(Import-Csv -LiteralPath $file) }
        }
        finally {
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
    }

    function Assert-CleanExport {
        param([object[]] $InputObject, [string[]] $Time = @(), [hashtable] $Expected = @{}, [string[]] $Internal = @(), [int] $Depth = 2)
        $csv = ConvertTo-CsvRow $InputObject
        $csv.Text | Should -Not -Match $TypeName
        $jsonText = $InputObject | ConvertTo-Json -Depth $Depth -WarningAction SilentlyContinue
        $jsonText | Should -Not -Match $TypeName
        $json = @($jsonText | ConvertFrom-Json -DateKind String)
        $columns = $csv.Rows[0].PSObject.Properties.Name
        foreach ($name in $Internal) {
            $columns | Should -Not -Contain $name
            $json[0].PSObject.Properties.Name | Should -Not -Contain $name
        }
        foreach ($name in $Time) {
            $columns | Should -Contain $name
            foreach ($row in $csv.Rows) { if ($row.$name) { $row.$name | Should -Match $CsvUtc } }
            foreach ($o in $json) { if ($null -ne $o.$name) { $o.$name | Should -Match $IsoUtc } }
        }
        foreach ($name in $Expected.Keys) {
            $csv.Rows[0].$name | Should -Be $Expected[$name]['Csv']
            $json[0].$name | Should -Be $Expected[$name]['Json']
        }
        [pscustomobject]@{ Csv = $csv.Rows; Json = $json }
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Metric objects' {
    It 'writes datapoints with a UTC time, the resource type''s name and dimensions as text' {
        $points = @(Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -Since 2m | Select-Object -First 5)
        $out = Assert-CleanExport $points -Time Timestamp -Internal Series -Expected @{
            ResourceType = @{ Csv = 'TrainingJob'; Json = 'TrainingJob' }
        }
        $out.Csv[0].Dimensions | Should -Be "Host=demo-train-resnet50/$($points[0].Host)"
        $out.Json[0].Dimensions.Host | Should -Be "demo-train-resnet50/$($points[0].Host)"
        [double]$out.Csv[0].Value | Should -Be $points[0].Value
        # The time written is the time read: the same instant, at UTC.
        [DateTimeOffset]::Parse($out.Json[0].Timestamp, [cultureinfo]::InvariantCulture) | Should -Be $points[0].Timestamp
        $points[0].Timestamp.Offset | Should -Be ([TimeSpan]::Zero)
        $points[0].Dimensions['Host'] | Should -Be "demo-train-resnet50/$($points[0].Host)"
    }

    It 'writes -AsSeries timestamps and values as readable lists' {
        $series = @(Get-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName Invocations -Statistic Sum -Since 10m -AsSeries)
        $out = Assert-CleanExport $series -Internal Descriptor, TimestampArray, ValueArray -Expected @{ ResourceType = @{ Csv = 'Endpoint'; Json = 'Endpoint' } }
        $s = $series[0]
        $out.Csv[0].Values | Should -Be (($s.Values | ForEach-Object { $_.ToString('R', [cultureinfo]::InvariantCulture) }) -join ';')
        $out.Csv[0].Timestamps -split ';' | ForEach-Object { $_ | Should -Match '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$' }
        @($out.Json[0].Values).Count | Should -Be $s.Count
        @($out.Json[0].Timestamps) | ForEach-Object { $_ | Should -Match $IsoUtc }
        $out.Csv[0].Dimensions | Should -Match '^EndpointName=demo-churn-endpoint;VariantName=\w+$'
    }

    It 'writes found metrics with their statistics and dimensions as text and no CloudWatch identity' {
        $found = @(Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization)
        $out = Assert-CleanExport $found -Internal Identity, Definition -Expected @{ ResourceType = @{ Csv = 'TrainingJob'; Json = 'TrainingJob' } }
        $out.Csv[0].Statistics | Should -Be ($found[0].Statistics -join ';')
        $out.Csv[0].Statistics | Should -Match 'Average'
        $out.Csv[0].Dimensions | Should -BeLike 'Host=demo-train-resnet50/algo-*'
    }
}

Describe 'Log objects' {
    It 'writes events with UTC times and no stream internals' {
        $events = @(Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 | Select-Object -First 5)
        $out = Assert-CleanExport $events -Time Timestamp, IngestionTime -Internal Stream, Layout, SourceColorIndex
        $out.Csv[0].Message | Should -Be $events[0].Message
        $out.Csv[0].Source | Should -Be $events[0].Source
    }

    It 'writes streams with UTC times and their name parts flat' {
        $streams = @(Get-SageMakerLogStream -TrainingJobName demo-train-resnet50)
        $out = Assert-CleanExport $streams -Time LastEventTime, FirstEventTime, CreationTime -Internal Name, Layout, LatestActivity
        $out.Csv[0].Host | Should -Match '^algo-\d$'
        $out.Csv[0].LogStreamName | Should -BeLike 'demo-train-resnet50/algo-*'
    }

    It 'writes Logs Insights rows with UTC times' {
        $rows = @(Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'fields @timestamp, @message | limit 3' -Since 30d)
        $rows.Count | Should -Be 3
        Assert-CleanExport $rows -Time '@timestamp' | Out-Null
    }
}

Describe 'Event objects' {
    It 'writes rules with event types, targets and the pattern as text' {
        $rules = @(Get-SageMakerEventRule)
        $out = Assert-CleanExport $rules
        $failed = $out.Csv | Where-Object Name -EQ 'demo-training-failed'
        $failed.EventTypes | Should -Be 'TrainingJobStateChange'
        $failed.Targets | Should -BeLike 'notify-oncall -> arn:aws:sns:*'
        ($failed.Pattern | ConvertFrom-Json).detail.TrainingJobStatus | Should -Be 'Failed'
        # Deeper JSON keeps the structure.
        $deep = $rules | ConvertTo-Json -Depth 6 | ConvertFrom-Json | Where-Object Name -EQ 'demo-training-failed'
        $deep.Pattern.detail.TrainingJobStatus | Should -Be 'Failed'
        $deep.Targets[0].Id | Should -Be 'notify-oncall'
    }

    It 'writes targets with their input paths map as text' {
        Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Arn 'arn:aws:sqs:us-east-1:123456789012:objects-test' -Id objects-test `
            -InputTransformer @{ InputPathsMap = @{ job = '$.detail.TrainingJobName'; status = '$.detail.TrainingJobStatus' }; InputTemplate = '"<job> is <status>"' } | Out-Null
        try {
            $targets = @(Get-SageMakerEventRuleTarget -RuleName demo-training-failed)
            $out = Assert-CleanExport $targets
            ($out.Csv | Where-Object Id -EQ objects-test).InputPathsMap | Should -Be 'job=$.detail.TrainingJobName;status=$.detail.TrainingJobStatus'
            ($out.Json | Where-Object Id -EQ objects-test).InputPathsMap.job | Should -Be '$.detail.TrainingJobName'
        }
        finally {
            Remove-SageMakerEventRuleTarget -RuleName demo-training-failed -Id objects-test -Force
        }
    }

    It 'writes sample events and pattern test results with UTC times' {
        $samples = @(New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed, Completed)
        Assert-CleanExport $samples -Time Time | Out-Null
        $results = @($samples | Test-SageMakerEventPattern -EventPattern '{"detail":{"TrainingJobStatus":["Failed"]}}' -Detailed)
        $out = Assert-CleanExport $results
        @($out.Csv.IsMatch) | Should -Be @('True', 'False')
    }
}

Describe 'Export objects' {
    It 'writes the export summary with the format''s name, UTC times and the duration in seconds' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ("smm-objects-" + [Guid]::NewGuid().ToString('n'))
        try {
            $summary = Export-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Path $folder -Since 10m -SettleDelay 0s -Format Csv
            $out = Assert-CleanExport $summary -Time ExportedFrom, ExportedThrough -Expected @{ Format = @{ Csv = 'Csv'; Json = 'Csv' } }
            [double]$out.Csv[0].DurationSeconds | Should -BeGreaterThan 0
            $out.Json[0].DurationSeconds | Should -BeOfType [double]
            $out.Csv[0].Datapoints | Should -Be "$($summary.Datapoints)"
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'writes a gap with the resource type''s name and UTC times' {
        $gap = (Get-TestModuleType SageMakerMonitoring.Core.Archive.ArchiveGap)::new('k', 'TrainingJob', 'demo-train-resnet50', 'algo-1', $null, 'CPUUtilization', 'Average',
            [DateTime]::new(2026, 11, 30, 8, 0, 0, [DateTimeKind]::Utc), [DateTime]::new(2026, 11, 30, 9, 0, 0, [DateTimeKind]::Utc), 1, 60,
            [DateTime]::new(2026, 12, 1, 0, 0, 0, [DateTimeKind]::Utc))
        Assert-CleanExport $gap -Time Start, End, Recorded -Expected @{ ResourceType = @{ Csv = 'TrainingJob'; Json = 'TrainingJob' } } | Out-Null
    }
}

Describe 'Findings objects' {
    It 'writes utilization statistics flat, with numbers and no .NET types' {
        $stats = @(Measure-SageMakerUtilization -TrainingJobName demo-train-resnet50 -Source CloudWatch -Since 15m)
        $out = Assert-CleanExport $stats -Expected @{ Source = @{ Csv = 'CloudWatch'; Json = 'CloudWatch' } }
        $out.Csv[0].Host | Should -Be $stats[0].Host
        [double]::Parse($out.Csv[0].P95, [cultureinfo]::InvariantCulture) | Should -Be $stats[0].P95
        $out.Json[0].SampleCount | Should -Be $stats[0].SampleCount
    }

    It 'writes findings with the severity by name, the window at UTC and the thresholds as text' {
        $findings = @(Get-SageMakerUtilizationFinding -TrainingJobName demo-train-resnet50 -Source CloudWatch -Since 15m)
        $f = $findings[0]
        $out = Assert-CleanExport $findings -Time WindowStart, WindowEnd -Internal SeverityLevel, UtcWindowStart, UtcWindowEnd, ParameterValues -Expected @{
            Severity = @{ Csv = "$($f.Severity)"; Json = "$($f.Severity)" }
        }
        $f.Severity | Should -BeOfType [string]
        $f.Severity | Should -BeIn 'None', 'Info', 'Warning', 'Critical', 'Unknown'
        $f.WindowStart.Offset | Should -Be ([TimeSpan]::Zero)
        $out.Csv[0].Parameters | Should -Match '^(\w+=[\d.E+-]+)(;\w+=[\d.E+-]+)*$'
        foreach ($pair in $out.Csv[0].Parameters -split ';') {
            $name, $value = $pair -split '=', 2
            $out.Json[0].Parameters.$name | Should -Be $value
        }
    }
}
