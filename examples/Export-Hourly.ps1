<#
.SYNOPSIS
    Hourly archive of every SageMaker metric of a region, for Task Scheduler or cron. Exits 0 on success, 1 on failure.

.DESCRIPTION
    Runs Export-SageMakerMetric -All into a folder, UNC share or s3://bucket/prefix. Never prompts. Prints one summary
    line; gaps (data CloudWatch had already dropped) are warnings, not failures; any failure is written to the error
    stream and the script exits 1, so the scheduler records the run as failed.

    Schedule it more often than every 3 hours minus the settle delay (default 5 minutes) to keep every 1-second
    datapoint; hourly leaves room for a missed run or two. Overlapping runs are safe: a run that finds the archive
    locked waits up to -LockTimeout and then fails without touching it.

    Windows Task Scheduler, PowerShell 7 (run as a user or service account with AWS credentials or a profile):

        $action  = New-ScheduledTaskAction -Execute 'pwsh.exe' -Argument '-NoProfile -NonInteractive -File "C:\ops\Export-Hourly.ps1" -Path "\\fileserver\ml\metrics" -Region us-east-1'
        $trigger = New-ScheduledTaskTrigger -Once -At (Get-Date).Date -RepetitionInterval (New-TimeSpan -Hours 1)
        $settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 50) -MultipleInstances IgnoreNew
        Register-ScheduledTask -TaskName 'SageMaker metrics archive' -Action $action -Trigger $trigger -Settings $settings -User 'DOMAIN\svc-ml' -Password '...'

    Windows PowerShell 5.1: the same with -Execute 'powershell.exe' (the module supports 5.1 on .NET Framework 4.7.2+):

        $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -NonInteractive -ExecutionPolicy Bypass -File "C:\ops\Export-Hourly.ps1" -Path "s3://ml-metrics-archive/prod" -Region us-east-1'

    Linux, cron (crontab -e), at minute 7 of every hour, appending to a log:

        7 * * * * pwsh -NoProfile -NonInteractive -File /opt/ops/Export-Hourly.ps1 -Path /srv/metrics-archive -Region us-east-1 >> /var/log/sagemaker-metrics-archive.log 2>&1

.EXAMPLE
    pwsh -NonInteractive -File ./examples/Export-Hourly.ps1 -Path ./metrics-archive -Region us-east-1
#>
[CmdletBinding()]
param(
    # Folder, UNC path or s3://bucket/prefix. Default: $env:SAGEMAKER_METRICS_ARCHIVE.
    [string] $Path = $env:SAGEMAKER_METRICS_ARCHIVE,
    [string] $Region,
    [string] $ProfileName,
    # How long to wait for an overlapping run before failing.
    [string] $LockTimeout = '10m',
    [string] $SettleDelay = '5m',
    # Import the module from this folder instead of from PSModulePath.
    [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
try {
    if (-not $Path) { throw 'No archive given: pass -Path or set SAGEMAKER_METRICS_ARCHIVE.' }
    if ($ModulePath) { Import-Module $ModulePath } else { Import-Module SageMakerMonitoring }

    $arguments = @{ All = $true; Path = $Path; LockTimeout = $LockTimeout; SettleDelay = $SettleDelay; ErrorAction = 'Stop' }
    if ($Region) { $arguments.Region = $Region }
    if ($ProfileName) { $arguments.ProfileName = $ProfileName }

    $summary = Export-SageMakerMetric @arguments
    '{0:yyyy-MM-ddTHH:mm:ssZ} exported {1} datapoints of {2} series in {3} files ({4} bytes) to {5} through {6:yyyy-MM-ddTHH:mm:ssZ} in {7:N1} s; {8} gaps' -f `
        [DateTime]::UtcNow, $summary.Datapoints, $summary.Series, $summary.Files, $summary.Bytes, $summary.Destination, $summary.ExportedThrough,
        $summary.DurationSeconds, $summary.GapCount
    exit 0
}
catch {
    # Error stream + exit code: Task Scheduler shows "Last Run Result 0x1", cron mails or logs it.
    Write-Error -ErrorRecord $_ -ErrorAction Continue
    exit 1
}
