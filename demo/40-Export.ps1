# Archiving metrics on a schedule: export a training job's 1-second metrics into a folder, run again (only what is new
# is added), and look at the archive the way a query engine sees it.

$archive = Join-Path ([IO.Path]::GetTempPath()) ('sagemaker-metrics-archive-' + [Guid]::NewGuid().ToString('n').Substring(0, 8))
$end = [DateTime]::UtcNow.AddMinutes(-10)
Write-Host "Export-SageMakerMetric -All -Path $archive -Since 30m"
$summary = Export-SageMakerMetric -All -Path $archive -Since 30m -EndTime $end
$summary | Format-List | Out-Host

Write-Host 'What the next run would do, asked with -WhatIf (nothing is written):'
Export-SageMakerMetric -All -Path $archive -EndTime $end.AddMinutes(5) -WhatIf

Write-Host 'A second run a few minutes later adds only the new minutes:'
Export-SageMakerMetric -All -Path $archive -EndTime $end.AddMinutes(5) | Format-List Datapoints, Files, ExportedThrough | Out-Host

Write-Host 'The archive (Hive partitions, gzip JSON Lines):'
Get-ChildItem -LiteralPath $archive -Recurse -File | Select-Object -First 8 |
    ForEach-Object { '  {0} ({1:N0} bytes)' -f $_.FullName.Substring($archive.Length + 1), $_.Length } | Out-Host

$first = Get-ChildItem -LiteralPath $archive -Recurse -File -Filter 'part-*.jsonl.gz' | Select-Object -First 1
if ($first) {
    $reader = [IO.StreamReader]::new([IO.Compression.GZipStream]::new([IO.File]::OpenRead($first.FullName), [IO.Compression.CompressionMode]::Decompress))
    Write-Host 'One row:'
    Write-Host ('  ' + $reader.ReadLine())
    $reader.Dispose()
}
Remove-Item -LiteralPath $archive -Recurse -Force
