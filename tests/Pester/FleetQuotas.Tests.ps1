# GetMetricData's data-points quota against the emulator enforcing AWS's default quotas (--quotas aws):
# - the emulator refuses a GetMetricData while the points bucket is in debt, and the AWS CLI (botocore, an independent
#   reader of the wire) reads that answer as the Throttling error;
# - the module's pacer keeps a burst of parallel Get-SageMakerMetric calls in one session under the points quota with
#   150 ms per call (the emulator's counters show no throttled request), while the same burst unpaced is throttled.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $HaveAws = Test-TestExternalTool aws
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module "$PSScriptRoot/../../tools/HermeticEnvironment.psm1"
    $emulator = Start-TestEmulator -Seed empty -ExtraArgument @('--quotas', 'aws')

    # The data's 3 hours end at the next minute boundary plus one, and the emulator's clock is frozen there: the module
    # (which checks 1-second periods against this machine's clock) and the emulator (whose "now" decides the quota tier
    # and retention) both see a range that starts within 3 hours for the next minute or two. Each test sets this up
    # again just before it reads (generating the series is cheap).
    function Set-DataWindow {
        $clock = [DateTime]::UtcNow
        $script:End = [DateTime]::new($clock.Year, $clock.Month, $clock.Day, $clock.Hour, $clock.Minute, 0, [DateTimeKind]::Utc).AddMinutes(2)
        $script:Start = $script:End.AddHours(-3)
        Set-TestEmulatorClock -Freeze $script:End | Out-Null
    }

    function Get-GetMetricDataCount {
        $counts = (Invoke-TestEmulatorRoute -Method GET -Route quotas).counts
        $entry = $counts.PSObject.Properties['123456789012/us-east-1/monitoring.GetMetricData']
        if ($entry) { $entry.Value } else { [pscustomobject]@{ admitted = 0; throttled = 0 } }
    }

    function Set-Quotas([hashtable] $Overrides = @{}) {
        Invoke-TestEmulatorRoute -Method POST -Route quotas -Body @{ mode = 'aws'; resetCounts = $true; overrides = $Overrides } | Out-Null
    }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'The emulator''s data-points quota, read by the AWS CLI' {
    It 'answers a GetMetricData made while the points bucket is in debt with the Throttling error' -Skip:(-not $HaveAws) {
        Set-DataWindow
        Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{ jobName = 'quota-cli'; hosts = 1; metrics = @('CPUUtilization'); seconds = 10800; resolution = 1; end = $script:End.ToString('o') } | Out-Null
        # 1,000 points per second: one answer of 10,000 points puts the bucket 9 seconds in debt.
        Set-Quotas @{ 'monitoring.GetMetricData.points' = 1000 }
        $queries = ConvertTo-Json -Compress -Depth 10 @(@{ Id = 'q'; MetricStat = @{ Metric = @{ Namespace = '/aws/sagemaker/TrainingJobs'; MetricName = 'CPUUtilization'
                        Dimensions = @(@{ Name = 'Host'; Value = 'quota-cli/algo-1' }) }; Period = 1; Stat = 'Average' } })
        $file = Join-Path ([IO.Path]::GetTempPath()) ("fleet-quotas-" + [Guid]::NewGuid().ToString('n') + '.json')
        Set-Content -LiteralPath $file -Value $queries -Encoding ascii
        $arguments = @('cloudwatch', 'get-metric-data', '--metric-data-queries', "file://$file", '--start-time', $script:End.AddSeconds(-10000).ToString('yyyy-MM-ddTHH:mm:ssZ'),
            '--end-time', $script:End.ToString('yyyy-MM-ddTHH:mm:ssZ'), '--query', 'length(MetricDataResults[0].Values)', '--output', 'text',
            '--endpoint-url', $env:AWS_ENDPOINT_URL, '--region', 'us-east-1')
        $savedAttempts = $env:AWS_MAX_ATTEMPTS; $savedMode = $env:AWS_RETRY_MODE
        try {
            # One attempt each: the CLI reports the first refusal instead of retrying it.
            $env:AWS_MAX_ATTEMPTS = '1'; $env:AWS_RETRY_MODE = 'standard'
            $first = & aws @arguments 2>&1
            $firstCode = $LASTEXITCODE
            $second = & aws @arguments 2>&1
            $secondCode = $LASTEXITCODE
        }
        finally {
            Set-EnvironmentValue AWS_MAX_ATTEMPTS $savedAttempts; Set-EnvironmentValue AWS_RETRY_MODE $savedMode
            Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        }
        $firstCode | Should -Be 0 -Because "$first"
        "$first".Trim() | Should -Be '10000'
        $secondCode | Should -Not -Be 0
        "$second" | Should -Match 'An error occurred \(Throttling\) when calling the GetMetricData operation'
        $count = Get-GetMetricDataCount
        $count.admitted | Should -Be 1
        $count.throttled | Should -Be 1
    }
}

Describe 'Pacing a burst of parallel GetMetricData calls to the data-points quota' {
    BeforeAll {
        # 8 jobs x 2 hosts x 5 metrics x 3 hours at 1 s = 864,000 points: about 5 s of the 180,000 points/s quota, read
        # by 8 runspaces at once, 2 GetMetricData calls each, every call answered after 150 ms.
        Invoke-TestEmulatorRoute -Method POST -Route faults -Body @{ seed = 1; rules = @(@{ service = 'monitoring'; operation = '*'; latencyMs = 150 }) } | Out-Null

        function Invoke-Burst([string] $Quotas) {
            Set-DataWindow
            foreach ($n in 1..8) {
                $job = 'fleet-q-{0:00}' -f $n
                Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{ jobName = $job; hosts = 2; seconds = 10800; resolution = 1; end = $script:End.ToString('o') } | Out-Null
                Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body @{ type = 'TrainingJob'; name = $job; status = 'Completed'
                    startTime = $script:Start.AddHours(-1).ToString('o'); endTime = $script:End.ToString('o') } | Out-Null
            }
            Set-Quotas
            $result = Invoke-TestPwsh -Environment @{ SAGEMAKER_MONITORING_QUOTAS = $Quotas; AWS_MAX_ATTEMPTS = '10' } -Script @"
`$start = [DateTime]::Parse('$($script:Start.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
`$end = [DateTime]::Parse('$($script:End.ToString('o'))', [Globalization.CultureInfo]::InvariantCulture, [Globalization.DateTimeStyles]::RoundtripKind)
`$points = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
    Import-Module '$(Get-TestModulePath)'
    `$c = 0
    Get-SageMakerMetric -TrainingJobName ('fleet-q-{0:00}' -f `$_) -StartTime `$using:start -EndTime `$using:end -Period 1 -AsSeries -ErrorAction Stop -WarningAction SilentlyContinue |
        ForEach-Object { `$c += `$_.Values.Count }
    `$c
}
'points=' + (`$points | Measure-Object -Sum).Sum
"@
            $count = Get-GetMetricDataCount
            [pscustomobject]@{
                ExitCode  = $result.ExitCode
                Output    = $result.Output
                Points    = [long](($result.Output -split "`n" | Where-Object { $_ -like 'points=*' } | Select-Object -Last 1) -replace 'points=', '')
                Admitted  = [long]$count.admitted
                Throttled = [long]$count.throttled
            }
        }
    }

    AfterAll {
        Invoke-TestEmulatorRoute -Method POST -Route faults -Body @{ rules = @() } | Out-Null
    }

    It 'reads every point with no GetMetricData refused over the quota' {
        $run = Invoke-Burst -Quotas 'aws'
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Points | Should -Be 864000
        $run.Throttled | Should -Be 0
        $run.Admitted | Should -BeGreaterOrEqual 16
    }

    It 'is what makes the difference: the same burst unpaced is refused over the quota' {
        $run = Invoke-Burst -Quotas 'off'
        $run.Throttled | Should -BeGreaterThan 0 -Because $run.Output
    }
}
