# Export-SageMakerMetric against the emulator: local and S3 archives, errors on the error stream, the lock, the
# scheduled example run as a scheduler runs it, and an export killed at many random moments. The emulator's clock is
# frozen a minute before the test starts and every workload ends there: no test waits on or depends on the wall clock
# (ExportSafety.Tests.ps1 kills exports at chosen steps).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Join-Path (Get-TestRepositoryRoot) 'tools/Processes.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $emulator = Start-TestEmulator -Seed empty
    $metrics = @('CPUUtilization', 'MemoryUtilization', 'GPUUtilization', 'GPUMemoryUtilization', 'DiskUtilization')
    # A minute-aligned instant a minute before now: the emulator stands still there and every workload ends there.
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc).AddMinutes(-1)
    Set-TestEmulatorClock -Freeze $T | Out-Null

    function New-Workload([string] $Job, [int] $Hosts, [int] $Seconds, [string[]] $Metric = $metrics) {
        $end = $T.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")
        Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{ jobName = $Job; hosts = $Hosts; seconds = $Seconds; metrics = $Metric; end = $end } | Out-Null
    }

    function New-ArchiveFolder {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('smm-export-' + [Guid]::NewGuid().ToString('n').Substring(0, 12))
        New-Item -ItemType Directory -Path $path | Out-Null
        $script:archiveFolders.Add($path)
        $path
    }
    $script:archiveFolders = [Collections.Generic.List[string]]::new()

    # Every row of a local archive, in file order.
    function Get-ArchiveRow([string] $Path) {
        foreach ($file in Get-ChildItem -LiteralPath $Path -Recurse -File -Filter 'part-*.jsonl.gz') {
            $stream = [IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress)
            $reader = [IO.StreamReader]::new($stream)
            try {
                # The writer encodes a datapoint the same way every time, so a line is the row's identity.
                while ($null -ne ($line = $reader.ReadLine())) { $line }
            }
            finally { $reader.Dispose() }
        }
    }

    $pwsh = Get-PwshCommandLine
}

AfterAll {
    Stop-TestEmulator
    foreach ($folder in $script:archiveFolders) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Export-SageMakerMetric' {
    It 'archives a training job into Hive partitions and writes one summary' {
        New-Workload -Job 'pester-local' -Hosts 2 -Seconds 3600 -Metric 'CPUUtilization', 'GPUUtilization'
        $folder = New-ArchiveFolder
        $end = $T.AddMinutes(-10)
        $output = @(Export-SageMakerMetric -TrainingJobName pester-local -Path $folder -Since 30m -EndTime $end)

        $output.Count | Should -Be 1
        $summary = $output[0]
        $summary.PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Archive.ArchiveExportSummary'
        $summary.Series | Should -Be 4
        $summary.Datapoints | Should -Be (4 * 30 * 60)
        $summary.GapCount | Should -Be 0
        $rows = @(Get-ArchiveRow $folder)
        $rows.Count | Should -Be $summary.Datapoints
        @($rows | Sort-Object -Unique).Count | Should -Be $rows.Count
        Test-Path (Join-Path $folder '_checkpoint.json') | Should -BeTrue
        $partition = Join-Path $folder 'namespace=%2Faws%2Fsagemaker%2FTrainingJobs' 'resource=pester-local'
        Test-Path -LiteralPath $partition | Should -BeTrue

        # Nothing new: the next run adds nothing.
        (Export-SageMakerMetric -TrainingJobName pester-local -Path $folder -EndTime $end).Datapoints | Should -Be 0
        ($summary | Out-String) | Should -Match 'Datapoints\s*:\s*7200'
    }

    It 'archives to an S3 prefix' {
        New-Workload -Job 'pester-s3' -Hosts 1 -Seconds 3600 -Metric 'CPUUtilization'
        Invoke-TestEmulatorControl -Service s3 -Action create-bucket -Body @{ name = 'pester-archive' } | Out-Null
        $summary = Export-SageMakerMetric -TrainingJobName pester-s3 -Path s3://pester-archive/prod/metrics -Since 20m -EndTime $T.AddMinutes(-5)
        $summary.Destination | Should -Be 's3://pester-archive/prod/metrics/'
        $summary.Datapoints | Should -Be (20 * 60)
        $buckets = Invoke-TestEmulatorControl -Service s3 -Action buckets
        ($buckets.buckets | Where-Object name -EQ 'pester-archive').objects | Should -Be ($summary.Files + 1) # data files + checkpoint; the lock is gone
    }

    It 'fails on the error stream with ArchiveLocked when another run holds the archive' {
        New-Workload -Job 'pester-lock' -Hosts 1 -Seconds 600 -Metric 'CPUUtilization'
        $folder = New-ArchiveFolder
        $held = [IO.File]::Open((Join-Path $folder '_export.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $failure = $null
            try { $null = Export-SageMakerMetric -TrainingJobName pester-lock -Path $folder -LockTimeout 1s }
            catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike 'ArchiveLocked*'
            $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
            $failure.TargetObject | Should -BeLike "$folder*"

            # In a script: the error goes to the error stream, $? turns false, nothing is written to the output.
            $script = "Import-Module '$modulePath'; `$r = Export-SageMakerMetric -TrainingJobName pester-lock -Path '$folder' -LockTimeout 1s; 'succeeded=' + `$?; 'empty=' + (`$null -eq `$r)"
            $child = Invoke-TestPwsh -Script $script
            $child.Output | Should -Match 'succeeded=False'
            $child.Output | Should -Match 'empty=True'
            $child.Output | Should -Match 'Another export is writing to this archive'
            Test-Path (Join-Path $folder '_checkpoint.json') | Should -BeFalse
        }
        finally { $held.Dispose() }
        (Export-SageMakerMetric -TrainingJobName pester-lock -Path $folder -Since 5m -EndTime $T.AddMinutes(-1)).Datapoints | Should -Be (5 * 60)
    }

    It 'has help with examples' {
        $help = Get-Help Export-SageMakerMetric -Full
        $help.Synopsis | Should -Match 'Archives'
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe 'examples/Export-Hourly.ps1 run as a scheduler runs it' {
    It 'exits 0 twice in fresh non-interactive processes and grows the archive without repeating rows' {
        New-Workload -Job 'pester-hourly' -Hosts 2 -Seconds 1800 -Metric 'CPUUtilization', 'DiskUtilization'
        $folder = New-ArchiveFolder
        $script = Join-Path (Get-TestRepositoryRoot) 'examples/Export-Hourly.ps1'
        $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script, '-Path', $folder, '-ModulePath', $modulePath)

        # The first run leaves the last 10 minutes for later (its settle delay); the second one takes them. The data
        # ends at the frozen emulator's now, so both know the same rows whenever they run: nothing waits.
        $first = & $pwsh[0] @arguments -SettleDelay 10m 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($first -join "`n")
        ($first -join "`n") | Should -Match 'exported \d+ datapoints'
        $afterFirst = @(Get-ArchiveRow $folder)
        $afterFirst.Count | Should -BeGreaterThan 0

        $second = & $pwsh[0] @arguments -SettleDelay 0 2>&1 | ForEach-Object { "$_" }
        $LASTEXITCODE | Should -Be 0 -Because ($second -join "`n")
        $rows = @(Get-ArchiveRow $folder)
        $rows.Count | Should -BeGreaterOrEqual ($afterFirst.Count + 4 * 8 * 60) -Because 'the second run adds at least the 8 minutes before the frozen now'
        @($rows | Sort-Object -Unique).Count | Should -Be $rows.Count
        # Every row of this workload (the -All archive holds the other tests' jobs too), once.
        @($rows | Where-Object { $_.Contains('"r":"pester-hourly"') }).Count | Should -Be (4 * 30 * 60)
    }

    It 'exits 1 with the error on stderr when the archive stays locked' {
        $folder = New-ArchiveFolder
        $held = [IO.File]::Open((Join-Path $folder '_export.lock'), 'OpenOrCreate', 'ReadWrite', 'None')
        try {
            $script = Join-Path (Get-TestRepositoryRoot) 'examples/Export-Hourly.ps1'
            $arguments = @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-File', $script, '-Path', $folder, '-ModulePath', $modulePath, '-LockTimeout', '1s')
            $output = & $pwsh[0] @arguments 2>&1 | ForEach-Object { "$_" }
            $LASTEXITCODE | Should -Be 1
            ($output -join "`n") | Should -Match 'Another export is writing to this archive'
        }
        finally { $held.Dispose() }
    }
}

Describe 'An export killed at random moments' {
    It 'ends, after a rerun, with exactly the rows of an uninterrupted run' {
        $jobs = 'pester-kill-a', 'pester-kill-b', 'pester-kill-c'
        foreach ($job in $jobs) { New-Workload -Job $job -Hosts 2 -Seconds 10800 -Metric 'CPUUtilization', 'GPUUtilization', 'DiskUtilization' }
        $firstEnd = $T.AddMinutes(-110)
        $finalEnd = $T.AddMinutes(-5)
        $iso = { param($t) $t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") }

        # The uninterrupted archive: a first run, then one run to the end.
        $expectedFolder = New-ArchiveFolder
        $null = $jobs | Export-SageMakerMetric -Path $expectedFolder -Since 10m -EndTime $firstEnd
        $null = $jobs | Export-SageMakerMetric -Path $expectedFolder -EndTime $finalEnd
        $expected = @(Get-ArchiveRow $expectedFolder | Sort-Object)
        $expected.Count | Should -Be (18 * 115 * 60)

        # The same first run in a child process, timed; then 25 runs, each a few minutes further, killed at random.
        Set-TestEmulatorFault -Service monitoring -Operation '*' -LatencyMs 150 -Seed 3
        $folder = New-ArchiveFolder
        $startChild = {
            param([DateTime] $End, [string] $Since)
            $command = "Import-Module '$modulePath'; `$null = '$($jobs -join "','")' | Export-SageMakerMetric -Path '$folder' -Since $Since -EndTime '$(& $iso $End)' -LockTimeout 1m -ErrorAction Stop"
            $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
            foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $command)) { $info.ArgumentList.Add($a) }
            $info.UseShellExecute = $false
            $info.RedirectStandardOutput = $true
            $info.RedirectStandardError = $true
            $process = [Diagnostics.Process]::Start($info)
            $null = $process.StandardOutput.ReadToEndAsync()
            $null = $process.StandardError.ReadToEndAsync()
            $process
        }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = & $startChild $firstEnd '10m'
        $first.WaitForExit()
        $first.ExitCode | Should -Be 0
        $duration = $watch.Elapsed.TotalMilliseconds

        $random = [Random]::new(20261128)
        $kills = 0
        $failed = @()
        $steps = 12
        for ($i = 1; $i -le $steps; $i++) {
            $end = $firstEnd.AddTicks(($finalEnd - $firstEnd).Ticks * $i / ($steps + 1))
            $watch.Restart()
            $process = & $startChild $end '10m'
            # A random moment within the shortest run seen so far (process start included), so most runs are cut.
            if (-not $process.WaitForExit([int]($duration * (0.3 + 0.7 * $random.NextDouble())))) {
                $process.Kill($true)
                $process.WaitForExit()
                $kills++
            }
            else {
                if ($process.ExitCode -ne 0) { $failed += "run $i exited $($process.ExitCode)" }
                $duration = [Math]::Min($duration, $watch.Elapsed.TotalMilliseconds)
            }
            $process.Dispose()
        }
        $failed | Should -BeNullOrEmpty
        $kills | Should -BeGreaterOrEqual 5 -Because 'most runs must be cut short for the test to mean anything'

        Clear-TestEmulatorFault
        $null = $jobs | Export-SageMakerMetric -Path $folder -EndTime $finalEnd
        $rows = @(Get-ArchiveRow $folder | Sort-Object)
        $rows.Count | Should -Be $expected.Count
        @(Compare-Object $expected $rows -SyncWindow 0).Count | Should -Be 0
        @(Get-ChildItem -LiteralPath $folder -Recurse -File -Filter '*.tmp' -Force).Count | Should -Be 0
        (Get-Content -Raw (Join-Path $folder '_checkpoint.json') | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'pending'
    }
}
