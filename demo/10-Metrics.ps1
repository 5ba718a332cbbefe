# CloudWatch metrics by resource: name the job or endpoint, the module knows the namespace, dimensions and metric names.
# build.ps1 demo has imported the staged module and pointed AWS_ENDPOINT_URL at an emulator seeded with the demo world.

Write-Host '== What does the training job publish? (Find-SageMakerMetric)'
Find-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPU* | Format-Table | Out-Host

Write-Host '== GPU utilization per host, last 10 minutes at 1 minute (Get-SageMakerMetric)'
Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -Since 10m -Period 1m |
    Group-Object Host | ForEach-Object {
        [pscustomobject]@{ Host = $_.Name; 'Mean GPU %' = [math]::Round(($_.Group | Measure-Object Value -Average).Average, 1); Points = $_.Count }
    } | Format-Table -AutoSize | Out-Host
Write-Host 'algo-3 runs at about a quarter of the others: one under-used GPU.'
Write-Host ''

Write-Host '== The data-loader stall: GPU falls while CPU rises'
Write-Host '   (whole job at 5 minutes, -AsSeries)'
$series = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization, CPUUtilization -Period 5m -AsSeries |
    Where-Object Host -eq 'algo-1'
$gpu = $series | Where-Object MetricName -eq GPUUtilization
$cpu = $series | Where-Object MetricName -eq CPUUtilization
for ($i = 0; $i -lt $gpu.Count; $i++) {
    $bar = '#' * [int]($gpu.Values[$i] / 10)
    '{0:HH:mm}  GPU {1,6:N1}  CPU {2,7:N1}  {3}' -f $gpu.Timestamps[$i], $gpu.Values[$i], $cpu.Values[$i], $bar
}
Write-Host ''

Write-Host '== Endpoint latency percentiles per variant, last hour (microseconds)'
Get-SageMakerMetric -EndpointName demo-churn-endpoint -MetricName ModelLatency -Statistic p50, p99 -Since 1h -Period 5m |
    Group-Object VariantName, Statistic | ForEach-Object {
        [pscustomobject]@{ 'Variant, statistic' = $_.Name; Worst = [math]::Round(($_.Group | Measure-Object Value -Maximum).Maximum) }
    } | Format-Table -AutoSize | Out-Host

Write-Host '== Auto period follows CloudWatch retention;'
Write-Host '   too fine a period is a clear error, not an empty result'
try {
    Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -StartTime (Get-Date).AddDays(-20) -EndTime (Get-Date).AddDays(-19) -Period 60 -ErrorAction Stop
}
catch {
    Write-Host $_.FullyQualifiedErrorId
    Write-DemoText $_.Exception.Message -FirstIndent 2 -Indent 0
}
Write-Host ''

Write-Host '== A name that does not exist is an error (non-terminating)'
Write-Host '   with what was searched and what exists'
Get-SageMakerMetric -TrainingJobName demo-train-resnet5 -Since 1h -ErrorVariable failed -ErrorAction SilentlyContinue
Write-Host $failed[0].FullyQualifiedErrorId
Write-DemoText $failed[0].Exception.Message -FirstIndent 2 -Indent 0
Write-Host ''

Write-Host '== Watching live for 12 seconds (Watch-SageMakerMetric -Interval 5s)'
Watch-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 2m -Interval 5s -Until (Get-Date).AddSeconds(12) |
    Select-Object -Last 8 | Format-Table | Out-Host
