# Archiving metrics on a schedule: export a training job's 1-second metrics into a folder, run again (only what is new
# is added), and look at the archive the way a query engine sees it.

$archive = Join-Path ([IO.Path]::GetTempPath()) ('sagemaker-metrics-archive-' + [Guid]::NewGuid().ToString('n').Substring(0, 8))
$end = [DateTime]::UtcNow.AddMinutes(-10)
Write-Host "Export-SageMakerMetric -All -Since 30m ``"
Write-Host "    -Path $archive"
$summary = Export-SageMakerMetric -All -Path $archive -Since 30m -EndTime $end
$summary | Format-List | Out-Host

Write-Host 'What the next run would do, asked with -WhatIf (nothing is written):'
# Invoke-DemoWhatIf (demo/DemoText.psm1) prints the What-if line wrapped to the terminal's width.
Invoke-DemoWhatIf { param($Path, $EndTime) Export-SageMakerMetric -All -Path $Path -EndTime $EndTime -WhatIf } -ArgumentList $archive, $end.AddMinutes(5)

Write-Host 'A second run a few minutes later adds only the new minutes:'
Export-SageMakerMetric -All -Path $archive -EndTime $end.AddMinutes(5) | Format-List Datapoints, Files, ExportedThrough | Out-Host

Write-Host 'The archive (Hive partitions, gzip JSON Lines), one folder a line:'
$shown = @()
Get-ChildItem -LiteralPath $archive -Recurse -File | Select-Object -First 8 | ForEach-Object {
    $folders = @($_.FullName.Substring($archive.Length + 1).Split([IO.Path]::DirectorySeparatorChar) | Select-Object -SkipLast 1)
    $changed = $false
    for ($depth = 0; $depth -lt $folders.Count; $depth++) {
        $changed = $changed -or $depth -ge $shown.Count -or $shown[$depth] -ne $folders[$depth]
        if ($changed) { '  ' * ($depth + 1) + $folders[$depth] + '/' }
    }
    $shown = $folders
    '{0}{1} ({2:N0} bytes)' -f ('  ' * ($folders.Count + 1)), $_.Name, $_.Length
} | Out-Host

$first = Get-ChildItem -LiteralPath $archive -Recurse -File -Filter 'part-*.jsonl.gz' | Select-Object -First 1
if ($first) {
    $reader = [IO.StreamReader]::new([IO.Compression.GZipStream]::new([IO.File]::OpenRead($first.FullName), [IO.Compression.CompressionMode]::Decompress))
    Write-Host 'One row:'
    Write-DemoText -Json $reader.ReadLine() -FirstIndent 2
    $reader.Dispose()
}
Remove-Item -LiteralPath $archive -Recurse -Force
