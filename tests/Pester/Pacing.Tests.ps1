# Quota-aware pacing against the emulator enforcing AWS's default quotas: a burst of parallel cmdlets in one session stays
# under the account's quotas together (the emulator's counters show no throttled request), while the same burst without
# pacing is throttled — so the test can tell the difference.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $emulator = Start-TestEmulator -Seed demo

    function Get-QuotaCounts {
        (Invoke-TestEmulatorRoute -Method GET -Route quotas).counts
    }

    function Invoke-Burst([string] $Quotas) {
        # Four runspaces of one process, 30 Find-SageMakerMetric each (one ListMetrics call apiece, 25 per second allowed).
        Invoke-TestEmulatorRoute -Method POST -Route quotas -Body @{ mode = 'aws'; resetCounts = $true } | Out-Null
        $result = Invoke-TestPwsh -Script @"
`$env:SAGEMAKER_MONITORING_QUOTAS = '$Quotas'
`$env:AWS_MAX_ATTEMPTS = '10'
Import-Module '$(Get-TestModulePath)'
`$watch = [Diagnostics.Stopwatch]::StartNew()
1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
    Import-Module '$(Get-TestModulePath)'
    foreach (`$i in 1..30) { Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -ErrorAction Stop | Out-Null }
}
'seconds=' + `$watch.Elapsed.TotalSeconds
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $counts = Get-QuotaCounts
        $key = '123456789012/us-east-1/monitoring.ListMetrics'
        [pscustomobject]@{
            Admitted = [int]$counts.$key.admitted
            Throttled = [int]$counts.$key.throttled
            Seconds = [double](($result.Output -split "`n" | Where-Object { $_ -like 'seconds=*' }) -replace 'seconds=', '')
        }
    }
}

AfterAll {
    Invoke-TestEmulatorRoute -Method POST -Route quotas -Body @{ mode = 'off' } | Out-Null
    Stop-TestEmulator
}

Describe 'Pacing to the account''s quotas' {
    It 'keeps a burst of parallel cmdlets under the ListMetrics quota: no request is throttled' {
        $run = Invoke-Burst -Quotas 'aws'
        $run.Throttled | Should -Be 0
        $run.Admitted | Should -BeGreaterOrEqual 120
    }

    It 'is what makes the difference: the same burst unpaced is throttled' {
        $run = Invoke-Burst -Quotas 'off'
        $run.Throttled | Should -BeGreaterThan 0
    }
}
