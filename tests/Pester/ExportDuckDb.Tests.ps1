# The archive reads as the README documents it in a real engine: DuckDB (the @duckdb/node-api npm package, installed by
# this file into out/tools/duckdb on first use) runs the README's own CREATE VIEW with hive_partitioning over an
# exported archive; row counts and per-host means must equal what the module exported, and the partition values must
# be the unescaped namespace and resource. Skipped only where node/npm cannot install the package, never under CI=true.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    Import-Module $modulePath -Force
    $emulator = Start-TestEmulator -Seed empty
    $now = [DateTime]::UtcNow
    $script:T = [DateTime]::new($now.Ticks - $now.Ticks % [TimeSpan]::TicksPerMinute, [DateTimeKind]::Utc).AddMinutes(-1)
    Set-TestEmulatorClock -Freeze $T | Out-Null

    # Installs @duckdb/node-api once into out/tools/duckdb; returns that folder, or the reason it cannot.
    function Install-DuckDb {
        $folder = Join-Path (Get-TestRepositoryRoot) 'out/tools/duckdb'
        if (-not (Test-Path -LiteralPath (Join-Path $folder 'node_modules/@duckdb/node-api/package.json'))) {
            foreach ($tool in 'node', 'npm') {
                if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { return "$tool is not installed" }
            }
            New-Item -ItemType Directory -Path $folder -Force | Out-Null
            $log = & npm install --prefix $folder '@duckdb/node-api@1.5.6-r.1' --no-audit --no-fund --no-save 2>&1
            if ($LASTEXITCODE -ne 0) { return "npm install @duckdb/node-api failed: $($log -join ' ')" }
        }
        Copy-Item -LiteralPath (Join-Path $PSScriptRoot 'Tools/duckdb-query.mjs') -Destination $folder -Force
        return [IO.DirectoryInfo]::new($folder)
    }
    $script:duck = Install-DuckDb
    if ($script:duck -isnot [IO.DirectoryInfo] -and $env:CI -eq 'true') { throw "DuckDB is required under CI=true: $script:duck" }

    function Invoke-DuckDb([string[]] $Statement) {
        $file = Join-Path ([IO.Path]::GetTempPath()) ('smm-duckdb-' + [Guid]::NewGuid().ToString('n') + '.json')
        ConvertTo-Json -InputObject @($Statement) | Set-Content -LiteralPath $file -Encoding utf8
        try {
            $out = & node (Join-Path $script:duck.FullName 'duckdb-query.mjs') $file 2>&1
            if ($LASTEXITCODE -ne 0) { throw "DuckDB failed: $($out -join "`n")" }
            ConvertFrom-Json -InputObject ($out -join '') -NoEnumerate
        }
        finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    }

    # The README's DuckDB block, as written there.
    $readme = Get-Content -Raw (Join-Path (Get-TestRepositoryRoot) 'README.md')
    $match = [regex]::Match($readme, '(?s)```sql\s*(?<sql>CREATE VIEW sagemaker_metrics AS.*?)```')
    $script:readmeSql = $match.Groups['sql'].Value
    $script:folder = Join-Path ([IO.Path]::GetTempPath()) ('smm-duckdb-' + [Guid]::NewGuid().ToString('n').Substring(0, 12))
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:folder -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'DuckDB reads an exported archive as the README says' {
    BeforeEach {
        if ($script:duck -isnot [IO.DirectoryInfo]) { Set-ItResult -Skipped -Because "DuckDB cannot be installed here: $script:duck" }
    }

    It 'the README has a DuckDB view over the archive with hive_partitioning' {
        $readmeSql | Should -Match "hive_partitioning = true"
        $readmeSql | Should -Match "'metrics-archive/\*\*/\*\.jsonl\.gz'"
    }

    It 'counts every exported row and gives the per-host means of the rows, filtering on the unescaped partition values' {
        $long = 'duck-' + ('l' * 120)
        foreach ($job in @{ n = 'duck-a'; h = 2 }, @{ n = 'duck-b'; h = 3 }, @{ n = $long; h = 1 }) {
            Invoke-TestEmulatorControl -Service monitoring -Action synthetic -Body @{
                jobName = $job.n; hosts = $job.h; seconds = 3600; metrics = @('CPUUtilization', 'GPUUtilization'); end = $T.ToString('o')
            } | Out-Null
        }
        $summary = 'duck-a', 'duck-b', $long | Export-SageMakerMetric -Path $script:folder -Since 20m -EndTime $T.AddMinutes(-5)
        $summary.Datapoints | Should -Be (6 * 2 * 20 * 60)

        # What was exported, read with .NET: count and mean per resource, host and metric.
        $rows = foreach ($file in Get-ChildItem -LiteralPath $script:folder -Recurse -File -Filter 'part-*.jsonl.gz') {
            $reader = [IO.StreamReader]::new([IO.Compression.GZipStream]::new([IO.File]::OpenRead($file.FullName), [IO.Compression.CompressionMode]::Decompress))
            try { while ($null -ne ($line = $reader.ReadLine())) { $line | ConvertFrom-Json } } finally { $reader.Dispose() }
        }
        $expected = @{}
        foreach ($g in $rows | Group-Object r, h, m) {
            $expected[$g.Name] = @{ n = $g.Count; mean = ($g.Group | Measure-Object v -Average).Average }
        }

        $view = $readmeSql.Replace('metrics-archive/**/*.jsonl.gz', (Join-Path $script:folder '**/*.jsonl.gz'))
        $result = Invoke-DuckDb @(
            $view
            "SELECT count(*) AS n FROM sagemaker_metrics"
            "SELECT r, h, m, count(*) AS n, avg(v) AS mean FROM sagemaker_metrics WHERE namespace = '/aws/sagemaker/TrainingJobs' GROUP BY ALL"
            "SELECT count(*) AS n FROM sagemaker_metrics WHERE namespace = '%2Faws%2Fsagemaker%2FTrainingJobs'"
            "SELECT h, avg(v) AS mean FROM sagemaker_metrics WHERE resource = 'duck-b' AND m = 'GPUUtilization' GROUP BY h ORDER BY h"
            "SELECT count(*) AS n, min(resource) AS folder FROM sagemaker_metrics WHERE r = '$long'"
        )
        [long]$result[1][0].n | Should -Be $summary.Datapoints
        $groups = @($result[2])
        $groups.Count | Should -Be $expected.Count
        foreach ($g in $groups) {
            $key = "$($g.r), $($g.h), $($g.m)"
            $expected.ContainsKey($key) | Should -BeTrue -Because $key
            [long]$g.n | Should -Be $expected[$key].n
            [double]$g.mean | Should -BeGreaterThan ($expected[$key].mean - 1e-9)
            [double]$g.mean | Should -BeLessThan ($expected[$key].mean + 1e-9)
        }
        # The escaped folder name is not the partition value: filtering on it finds nothing.
        [long]$result[3][0].n | Should -Be 0
        @($result[4]).h | Should -Be @('algo-1', 'algo-2', 'algo-3')
        # A long resource name: its folder is a bounded prefix and a hash; the row's r holds the full name.
        [long]$result[5][0].n | Should -Be (2 * 20 * 60)
        $result[5][0].folder | Should -Match '^duck-l+~[0-9a-f]{16}$'
    }
}
