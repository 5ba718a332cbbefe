# Export-SageMakerMetric when things go wrong: real pwsh exports killed (SIGKILL) at every step of a commit through the
# module's fault seam and completed by the next run; read-only destinations and subfolders, a path that is a file,
# absurd paths and S3 prefixes, a full disk (a 1 MB tmpfs); -WhatIf; progress as a percentage of the time range; a
# 300-character Host under -All. The emulator's clock is frozen: nothing waits on the wall clock.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Join-Path (Get-TestRepositoryRoot) 'tools/Processes.psm1') -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $emulator = Start-TestEmulator -Seed empty
    $pwsh = Get-PwshCommandLine

    # A minute-aligned instant a minute before now: the emulator stands still there, the module's clock runs on.
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc).AddMinutes(-1)
    Set-TestEmulatorClock -Freeze $T | Out-Null
    $script:iso = { param([DateTime] $t) $t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") }

    function New-Workload([string] $Job, [int] $Hosts, [int] $Seconds, [string[]] $Metric = @('CPUUtilization'), [DateTime] $End = $T, [int] $Resolution = 1) {
        Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{
            jobName = $Job; hosts = $Hosts; seconds = $Seconds; metrics = $Metric; end = (& $iso $End); resolution = $Resolution
        } | Out-Null
    }

    $script:folders = [Collections.Generic.List[string]]::new()
    function New-ArchiveFolder {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('smm-safety-' + [Guid]::NewGuid().ToString('n').Substring(0, 12))
        New-Item -ItemType Directory -Path $path | Out-Null
        $script:folders.Add($path)
        $path
    }

    # Every row of a local archive, sorted (a line is a row's identity: the writer encodes a datapoint one way).
    function Get-ArchiveRow([string] $Path) {
        $rows = foreach ($file in Get-ChildItem -LiteralPath $Path -Recurse -File -Filter 'part-*.gz') {
            $reader = [IO.StreamReader]::new([IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress))
            try { while ($null -ne ($line = $reader.ReadLine())) { $line } } finally { $reader.Dispose() }
        }
        @($rows | Sort-Object)
    }

    function Get-DataFile([string] $Path) {
        @(Get-ChildItem -LiteralPath $Path -Recurse -File -Filter 'part-*.gz' | ForEach-Object { [IO.Path]::GetRelativePath($Path, $_.FullName) } | Sort-Object)
    }

    # Runs an export in a fresh pwsh with the fault seam set to kill the process at -KillAt (0: no kill).
    function Invoke-ChildExport([string] $Arguments, [int] $KillAt) {
        $command = "Import-Module '$modulePath'; `$null = Export-SageMakerMetric $Arguments -ErrorAction Stop"
        $info = [Diagnostics.ProcessStartInfo]::new($pwsh[0])
        foreach ($a in @($pwsh | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $command)) { $info.ArgumentList.Add($a) }
        $info.UseShellExecute = $false
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        if ($KillAt -gt 0) { $info.Environment['SAGEMAKERMONITORING_TEST_ARCHIVE_KILL_AT_STEP'] = "$KillAt" }
        $process = [Diagnostics.Process]::Start($info)
        $out = $process.StandardOutput.ReadToEndAsync()
        $err = $process.StandardError.ReadToEndAsync()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $out.Result + $err.Result }
    }

    # Kills a real export at step 1, 1 + Stride, … until a run gets through (the xunit sweeps take every step); after each kill a normal run must give the
    # archive of an uninterrupted run. Returns how many kills were made.
    function Invoke-KillSweep([string] $Arguments, [scriptblock] $Setup, [int] $Stride = 1) {
        $expectedFolder = New-ArchiveFolder
        if ($Setup) { & $Setup $expectedFolder }
        Invoke-Expression "`$null = Export-SageMakerMetric $($Arguments -f $expectedFolder)"
        $expected = Get-ArchiveRow $expectedFolder
        $expectedFiles = Get-DataFile $expectedFolder
        $expected.Count | Should -BeGreaterThan 0

        $kills = 0
        for ($step = 1; $step -le 80; $step += $Stride) {
            $folder = New-ArchiveFolder
            if ($Setup) { & $Setup $folder }
            $child = Invoke-ChildExport -Arguments ($Arguments -f $folder) -KillAt $step
            if ($child.ExitCode -eq 0) { break }
            $child.Output | Should -Match "Killed at archive step $step " -Because "run $step ended with $($child.ExitCode): $($child.Output)"
            $kills++
            Invoke-Expression "`$null = Export-SageMakerMetric $($Arguments -f $folder)"
            $rows = Get-ArchiveRow $folder
            $rows.Count | Should -Be $expected.Count -Because "a kill at step $step"
            @(Compare-Object $expected $rows -SyncWindow 0).Count | Should -Be 0 -Because "a kill at step $step"
            Get-DataFile $folder | Should -Be $expectedFiles -Because "a kill at step $step"
            @(Get-ChildItem -LiteralPath $folder -Recurse -File -Force -Filter '*.tmp').Count | Should -Be 0 -Because "a kill at step $step"
            (Get-Content -Raw (Join-Path $folder '_checkpoint.json') | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'pending'
        }
        $kills
    }

    $script:isRoot = $IsLinux -and ((id -u) -eq '0')
    $script:mounts = [Collections.Generic.List[string]]::new()
    function Mount-Tmpfs([string] $Path, [string] $Options) {
        & mount -t tmpfs -o $Options tmpfs $Path
        if ($LASTEXITCODE -ne 0) { throw "mount -o $Options $Path failed" }
        $script:mounts.Insert(0, $Path)
    }
}

AfterAll {
    foreach ($m in $script:mounts) { & umount -l $m 2>$null }
    Stop-TestEmulator
    foreach ($folder in $script:folders) { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'A real export killed at every step of a commit' {
    It 'completes a first run of a new archive killed anywhere, with the rows and files of an uninterrupted run' {
        New-Workload -Job 'sweep-first' -Hosts 2 -Seconds 7200
        $kills = Invoke-KillSweep -Arguments "-TrainingJobName sweep-first -Path '{0}' -Since 70m -EndTime '$(& $iso $T.AddMinutes(-5))'"
        $kills | Should -BeGreaterOrEqual 12
    }

    It 'completes a run across midnight killed anywhere' {
        # 1-minute data either side of the latest UTC midnight that is more than 3 h 30 min old (CloudWatch keeps it at 1 minute).
        $midnight = $T.AddHours(-4.5).Date
        New-Workload -Job 'sweep-day' -Hosts 1 -Seconds 7200 -End $midnight.AddHours(1) -Resolution 60
        $kills = Invoke-KillSweep -Arguments "-TrainingJobName sweep-day -Path '{0}' -Since 2h -EndTime '$(& $iso $midnight.AddHours(1))'" -Stride 2
        $kills | Should -BeGreaterOrEqual 6
        $folder = $script:folders[$script:folders.Count - 1]
        (Get-DataFile $folder) -join "`n" | Should -Match ('date=' + $midnight.ToString('yyyy-MM-dd'))
        (Get-DataFile $folder) -join "`n" | Should -Match ('date=' + $midnight.AddDays(-1).ToString('yyyy-MM-dd'))
    }
}

Describe 'A real S3 export killed at chosen steps' {
    It 'is completed at once by the next run on this machine (the dead run''s lease is taken over) with the rows of an uninterrupted run' {
        if (-not (Test-TestExternalTool aws)) { Set-ItResult -Skipped -Because 'the AWS CLI is not installed'; return }
        New-Workload -Job 'sweep-s3' -Hosts 2 -Seconds 7200
        Invoke-TestEmulatorControl -Service s3 -Action create-bucket -Body @{ name = 'kills' } | Out-Null
        $arguments = "-TrainingJobName sweep-s3 -Path 's3://kills/{0}' -Since 70m -EndTime '$(& $iso $T.AddMinutes(-5))' -LockTimeout 5s"
        # The AWS CLI copies a prefix down, so the rows are compared as for a local archive.
        function Get-S3Archive([string] $Prefix) {
            Remove-Item Env:AWS_PROFILE, Env:AWS_DEFAULT_PROFILE -ErrorAction SilentlyContinue
            $local = New-ArchiveFolder
            $out = & aws s3 cp --recursive "s3://kills/$Prefix" $local --endpoint-url $env:AWS_ENDPOINT_URL --region us-east-1 2>&1
            if ($LASTEXITCODE -ne 0) { throw "aws s3 cp failed: $out" }
            $local
        }
        Invoke-Expression "`$null = Export-SageMakerMetric $($arguments -f 'expected')"
        $expectedFolder = Get-S3Archive 'expected'
        $expected = Get-ArchiveRow $expectedFolder
        $expected.Count | Should -Be (2 * 70 * 60)
        Test-Path (Join-Path $expectedFolder '_export.lock') | Should -BeFalse

        $kills = 0
        for ($step = 1; $step -le 60; $step += 3) {
            $prefix = "step$step"
            $child = Invoke-ChildExport -Arguments ($arguments -f $prefix) -KillAt $step
            if ($child.ExitCode -eq 0) { break }
            $child.Output | Should -Match "Killed at archive step $step "
            $kills++
            $watch = [Diagnostics.Stopwatch]::StartNew()
            Invoke-Expression "`$null = Export-SageMakerMetric $($arguments -f $prefix) -WarningVariable taken -WarningAction SilentlyContinue"
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5 -Because 'the killed run''s lease must not be waited out'
            $folder = Get-S3Archive $prefix
            $rows = Get-ArchiveRow $folder
            @(Compare-Object $expected $rows -SyncWindow 0).Count | Should -Be 0 -Because "a kill at step $step"
            Get-DataFile $folder | Should -Be (Get-DataFile $expectedFolder) -Because "a kill at step $step"
            Test-Path (Join-Path $folder '_export.lock') | Should -BeFalse
            (Get-Content -Raw (Join-Path $folder '_checkpoint.json') | ConvertFrom-Json).PSObject.Properties.Name | Should -Not -Contain 'pending'
        }
        $kills | Should -BeGreaterOrEqual 3
    }
}

Describe 'Destinations that cannot be written' {
    It 'fails at once with ArchivePathNotWritable on a read-only folder, not after a lock wait' {
        New-Workload -Job 'ro-job' -Hosts 1 -Seconds 1800
        $folder = New-ArchiveFolder
        if ($isRoot) { Mount-Tmpfs $folder 'ro,size=1m' } else { chmod 555 $folder }
        foreach ($path in $folder, (Join-Path $folder 'inside')) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $failure = $null
            try { $null = Export-SageMakerMetric -TrainingJobName ro-job -Path $path -LockTimeout 60s -Since 10m -ErrorAction Stop } catch { $failure = $_ }
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $failure.FullyQualifiedErrorId | Should -BeLike 'ArchivePathNotWritable,*'
            $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
            $failure.ErrorDetails.RecommendedAction | Should -Match 'write access'
        }
    }

    It 'fails with ArchivePathNotWritable when a partition folder is read-only, and the next run completes' {
        New-Workload -Job 'rosub-job' -Hosts 1 -Seconds 7200
        $folder = New-ArchiveFolder
        $null = Export-SageMakerMetric -TrainingJobName rosub-job -Path $folder -Since 30m -EndTime $T.AddMinutes(-40)
        $sub = (Get-ChildItem -LiteralPath $folder -Recurse -Directory -Filter 'date=*')[0].FullName
        if ($isRoot) {
            & mount --bind $sub $sub; $script:mounts.Insert(0, $sub)
            & mount -o remount,bind,ro $sub
        }
        else { chmod 555 $sub }
        $failure = $null
        try { $null = Export-SageMakerMetric -TrainingJobName rosub-job -Path $folder -EndTime $T.AddMinutes(-5) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ArchivePathNotWritable,*'
        $failure.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failure.Exception.GetType().Name | Should -Be 'MonitoringException'

        if ($isRoot) { & umount $sub; $script:mounts.Remove($sub) | Out-Null } else { chmod 755 $sub }
        $null = Export-SageMakerMetric -TrainingJobName rosub-job -Path $folder -EndTime $T.AddMinutes(-5)
        $rows = Get-ArchiveRow $folder
        $rows.Count | Should -Be (65 * 60)
        @($rows | Sort-Object -Unique).Count | Should -Be $rows.Count
    }

    It 'reports a full disk as ArchiveDiskFull and leaves no temporary file' {
        if (-not $isRoot) { Set-ItResult -Skipped -Because 'mounting a 1 MB tmpfs needs root'; return }
        New-Workload -Job 'full-job' -Hosts 8 -Seconds 7200 -Metric 'CPUUtilization', 'GPUUtilization', 'MemoryUtilization'
        $folder = New-ArchiveFolder
        Mount-Tmpfs $folder 'size=1m'
        $failure = $null
        try { $null = Export-SageMakerMetric -TrainingJobName full-job -Path $folder -Since 2h -EndTime $T.AddMinutes(-5) -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'ArchiveDiskFull,*'
        $failure.CategoryInfo.Category | Should -Be 'WriteError'
        @(Get-ChildItem -LiteralPath $folder -Recurse -File -Force -Filter '*.tmp').Count | Should -Be 0
    }

    It 'refuses a path that is a file, absurd paths and unsafe S3 prefixes before any call' {
        $file = Join-Path (New-ArchiveFolder) 'a-file.txt'
        Set-Content -LiteralPath $file -Value 'x'
        Reset-TestEmulatorRequestCount | Out-Null
        $cases = @(
            @{ Path = $file; Id = 'ArchivePathIsFile'; Category = 'InvalidArgument' }
            @{ Path = (Join-Path $file 'below'); Id = 'ArchivePathIsFile'; Category = 'InvalidArgument' }
            @{ Path = ('/tmp/' + 'x' * 100000); Id = 'InvalidArchivePath'; Category = 'InvalidArgument' }
            @{ Path = "/tmp/a`0b"; Id = 'InvalidArchivePath'; Category = 'InvalidArgument' }
            @{ Path = 's3://bucket/a/../b'; Id = 'InvalidArchivePath'; Category = 'InvalidArgument' }
            @{ Path = 's3://bucket/a//b'; Id = 'InvalidArchivePath'; Category = 'InvalidArgument' }
        )
        foreach ($case in $cases) {
            $failure = $null
            try { $null = Export-SageMakerMetric -TrainingJobName any-job -Path $case.Path -ErrorAction Stop } catch { $failure = $_ }
            $failure.FullyQualifiedErrorId | Should -BeLike "$($case.Id),*" -Because $case.Path.Substring(0, [Math]::Min(40, $case.Path.Length))
            $failure.CategoryInfo.Category | Should -Be $case.Category
            $failure.Exception.GetType().Name | Should -Be 'MonitoringException'
        }
        # Bad paths are refused before the metrics are even looked up.
        Get-TestEmulatorRequestCount | Should -Be 0
    }
}

Describe 'Export-SageMakerMetric -WhatIf and progress' {
    It 'says what it would export and writes nothing, creates no folder and takes no lock' {
        New-Workload -Job 'whatif-job' -Hosts 2 -Seconds 3600
        $folder = Join-Path (New-ArchiveFolder) 'new-archive'
        $end = $T.AddMinutes(-5)
        $script = "`$PSStyle.OutputRendering = 'PlainText'; Import-Module '$modulePath'; Export-SageMakerMetric -TrainingJobName whatif-job -Path '$folder' -Since 30m -EndTime '$(& $iso $end)' -WhatIf"
        $child = Invoke-TestPwsh -Script $script
        $child.ExitCode | Should -Be 0
        $child.Output | Should -Match 'What if: Performing the operation "export 2 series \(CPUUtilization Average of whatif-job algo-1, CPUUtilization Average of whatif-job algo-2\)'
        $child.Output | Should -Match ([regex]::Escape("from $(& $iso $end.AddMinutes(-30)) to $(& $iso $end)"))
        $child.Output | Should -Match ([regex]::Escape("on target `"$folder`""))
        Test-Path -LiteralPath $folder | Should -BeFalse

        # On S3: no PutObject, no DeleteObject (the lock is an object too).
        Invoke-TestEmulatorControl -Service s3 -Action create-bucket -Body @{ name = 'whatif-archive' } | Out-Null
        Reset-TestEmulatorRequestCount | Out-Null
        Export-SageMakerMetric -TrainingJobName whatif-job -Path s3://whatif-archive/p -Since 30m -EndTime $end -WhatIf
        Get-TestEmulatorRequestCount -Operation PutObject | Should -Be 0
        Get-TestEmulatorRequestCount -Operation DeleteObject | Should -Be 0
    }

    It 'shows progress as the share of the time range done' {
        New-Workload -Job 'progress-job' -Hosts 1 -Seconds 21600
        $folder = New-ArchiveFolder
        $ps = [PowerShell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($modulePath).AddStatement()
            $null = $ps.AddCommand('Export-SageMakerMetric').AddParameter('TrainingJobName', 'progress-job').AddParameter('Path', $folder).AddParameter('Since', '6h').AddParameter('EndTime', $T.AddMinutes(-5))
            $null = $ps.Invoke()
            $ps.HadErrors | Should -BeFalse -Because ($ps.Streams.Error | Out-String)
            $records = @($ps.Streams.Progress | Where-Object Activity -EQ 'Exporting SageMaker metrics')
        }
        finally { $ps.Dispose() }
        $working = @($records | Where-Object RecordType -EQ 'Processing')
        $working.Count | Should -BeGreaterThan 3
        $working[0].PercentComplete | Should -Be 0
        $percents = @($working.PercentComplete)
        for ($i = 1; $i -lt $percents.Count; $i++) { $percents[$i] | Should -BeGreaterOrEqual $percents[$i - 1] }
        $percents[-1] | Should -BeGreaterThan 50
        $percents[-1] | Should -BeLessThan 100
        $records[-1].RecordType | Should -Be 'Completed'
    }
}

Describe 'A 300-character Host under -All' {
    It 'archives the series with a bounded folder name and the full name in every row' {
        Reset-TestEmulator -Seed empty | Out-Null
        Set-TestEmulatorClock -Freeze $T | Out-Null
        $job = 'long-' + ('h' * 288)
        New-Workload -Job $job -Hosts 1 -Seconds 1800
        New-Workload -Job 'short-job' -Hosts 1 -Seconds 1800
        $folder = New-ArchiveFolder
        $summary = Export-SageMakerMetric -All -Path $folder -Since 20m -EndTime $T.AddMinutes(-5) -WarningVariable warnings
        $summary.Series | Should -Be 2
        $warnings | Should -BeNullOrEmpty
        $rows = @(Get-ArchiveRow $folder | ForEach-Object { $_ | ConvertFrom-Json })
        $rows.Count | Should -Be (2 * 20 * 60)
        @($rows | Where-Object { $_.r -eq $job -and $_.d.Host -eq "$job/algo-1" }).Count | Should -Be (20 * 60)
        Get-ChildItem -LiteralPath $folder -Recurse | ForEach-Object { $_.Name.Length | Should -BeLessOrEqual 80 }
    }
}
