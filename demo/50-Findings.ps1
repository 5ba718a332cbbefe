# Is this job wasting its GPUs, and why? The demo training job has Debugger system monitoring on (ProfilerConfig in
# DescribeTrainingJob); its per-GPU and per-core files are written into the emulator's S3 first, as a real job would
# have left them. Then: findings from CloudWatch alone, per-GPU findings from Debugger's data, an endpoint to
# right-size, and an HTML report.

$job = 'demo-train-resnet50'
$now = [DateTime]::UtcNow
$seed = @{
    bucket = 'demo-sagemaker-debugger'; prefix = 'profiler'; jobName = $job; intervalMs = 5000; gpus = 4; cpus = 32
    start = $now.AddHours(-2).ToString('o'); end = $now.ToString('o')
    hosts = @(
        @{ gpu = 88; gpuMemory = 62; cpu = 45; ioWait = 2 }                  # algo-1: busy
        @{ gpu = 84; gpuMemory = 60; cpu = 48; ioWait = 2 }                  # algo-2: busy
        @{ gpu = 6; gpuMemory = 25; cpu = 96; ioWait = 3; swing = 3 }        # algo-3: GPUs wait for the CPUs
        @{ gpu = @(92, 90, 8, 6); gpuMemory = 55; cpu = 40; ioWait = 2 }     # algo-4: two GPUs get no work
    )
}
$written = Invoke-RestMethod -Method Post -Uri "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_emulator/s3/debugger-system" -ContentType 'application/json' `
    -Body (ConvertTo-Json $seed -Depth 5 -Compress) -NoProxy
Write-Host "Debugger system data written to S3:"
Write-Host "  s3://demo-sagemaker-debugger/profiler/$job/"
Write-Host ("  {0:N0} files, {1:N0} lines" -f $written.files, $written.lines)

# CloudWatch's demo data hold a data-loader stall (T-70m to T-62m, GPUs near idle on every host) and algo-3 at a quarter
# of the others' GPU use: the windows over the stall flag every host, algo-3 in every window.
Write-Host "`nGet-SageMakerUtilizationFinding -TrainingJobName $job ``"
Write-Host "    -Source CloudWatch -TriggeredOnly"
Get-SageMakerUtilizationFinding -TrainingJobName $job -Source CloudWatch -TriggeredOnly -WarningAction SilentlyContinue | Format-Table | Out-Host

Write-Host "Get-SageMakerUtilizationFinding -TrainingJobName $job ``"
Write-Host "    -TriggeredOnly   # Debugger data: per GPU"
$findings = Get-SageMakerUtilizationFinding -TrainingJobName $job -TriggeredOnly
$findings | Format-Table | Out-Host
$findings | Where-Object Rule -eq 'LoadBalancing' | Select-Object -First 1 | Format-List Rule, Host, Device, Evidence, Recommendation | Out-Host

Write-Host "Measure-SageMakerUtilization -TrainingJobName $job |"
Write-Host "    Where-Object { `$_.Host -eq 'algo-4' -and"
Write-Host "                   `$_.MetricName -eq 'GPUUtilization' }"
Measure-SageMakerUtilization -TrainingJobName $job | Where-Object { $_.Host -eq 'algo-4' -and $_.MetricName -eq 'GPUUtilization' } | Format-Table | Out-Host

# The demo endpoint: both variants run on ml.m5.large (its endpoint configuration says so). Primary's two instances
# idle at a few per cent CPU per vCPU all day, so the right-size rule fires for it and not for the busier Pipeline.
$endpoint = 'demo-churn-endpoint'
Write-Host "Get-SageMakerUtilizationFinding -EndpointName $endpoint -Since 1d"
$endpointFindings = Get-SageMakerUtilizationFinding -EndpointName $endpoint -Since 1d
$endpointFindings | Format-Table | Out-Host
$endpointFindings | Where-Object Triggered | Format-List Rule, Host, Evidence, Recommendation | Out-Host

$report = Join-Path ([IO.Path]::GetTempPath()) "$job-report.html"
Write-Host "Export-SageMakerReport -TrainingJobName $job -Path `$report"
$file = Export-SageMakerReport -TrainingJobName $job -Path $report
Write-Host "  $($file.FullName)"
Write-Host ("  {0:N0} bytes; open it in any browser, it needs no network" -f $file.Length)
Remove-Item -LiteralPath $report
