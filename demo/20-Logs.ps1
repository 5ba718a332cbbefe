# CloudWatch Logs for SageMaker: where each resource writes, every host merged in time order, narrowing, filter
# patterns and Logs Insights. build.ps1 demo has imported the module and pointed AWS_ENDPOINT_URL at the demo world.

Write-Host '== Log streams of demo-train-resnet50 (one per host), newest first'
$utc = 'yyyy-MM-dd HH:mm:ss'
Get-SageMakerLogStream -TrainingJobName demo-train-resnet50 | Format-Table Source,
    @{ n = 'Epoch (UTC)'; e = { $_.Epoch.UtcDateTime.ToString($utc) } },
    @{ n = 'FirstEventTime (UTC)'; e = { $_.FirstEventTime.UtcDateTime.ToString($utc) } },
    @{ n = 'LastEventTime (UTC)'; e = { $_.LastEventTime.UtcDateTime.ToString($utc) } } -AutoSize | Out-Host

Write-Host '== The first lines of all four hosts, merged in time order'
Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 | Select-Object -First 8 | Out-Host

Write-Host '== Errors and warnings (filter pattern evaluated by CloudWatch Logs)'
Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -FilterPattern '?ERROR ?WARNING' | Select-Object -First 6 | Out-Host

Write-Host '== Only host algo-3, the one with the NCCL error'
Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -Host algo-3 -FilterPattern ERROR | Out-Host

Write-Host '== The endpoint demo-churn-endpoint: variants, instances and pipeline containers'
Get-SageMakerLogStream -EndpointName demo-churn-endpoint | Format-Table VariantName, InstanceId, ContainerName, LastEventTime -AutoSize | Out-Host

Write-Host '== Slow requests (JSON filter pattern) on the endpoint in the last day'
Get-SageMakerLogEvent -EndpointName demo-churn-endpoint -Since 1d -FilterPattern '{ $.latencyMs > 700 }' | Select-Object -First 5 | Out-Host

Write-Host '== The notebook lifecycle script that failed'
Get-SageMakerLogEvent -NotebookInstanceName demo-notebook -LifecycleConfigHook LifecycleConfigOnStart -Since 7d | Select-Object -Last 4 | Out-Host

Write-Host '== Logs Insights: lines per host of the training job,'
Write-Host '   and the error lines with their time as DateTime'
Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'stats count(*) as lines by @logStream | sort @logStream asc' | Format-Table -AutoSize | Out-Host
Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'fields @timestamp, @logStream, @message | filter @message like /ERROR|WARNING/ | sort @timestamp asc | limit 3' |
    Format-List '@timestamp', '@logStream', '@message' | Out-Host

Write-Host '== Endpoint latency by hour, typed numbers ready for Measure-Object'
$hours = Invoke-SageMakerLogQuery -EndpointName demo-churn-endpoint -Since 1d -Query 'filter ispresent(latencyMs) | stats avg(latencyMs) as avgMs, max(latencyMs) as maxMs by bin(1h)'
$hours | Sort-Object 'bin(1h)' | Select-Object -Last 4 | Format-Table -AutoSize | Out-Host
Write-Host ("Worst hourly maximum: {0} ms" -f ($hours | Measure-Object maxMs -Maximum).Maximum)
