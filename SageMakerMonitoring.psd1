@{
    # Imports the cmdlet assembly built for this PowerShell (see the .psm1): ReadyToRun images for PowerShell 7.6+,
    # the netstandard2.0 build for Windows PowerShell 5.1 and everything else.
    RootModule             = 'SageMakerMonitoring.psm1'
    # Keep equal to <Version> in Directory.Build.props; build.ps1 fails when they differ.
    ModuleVersion          = '0.1.0'
    GUID                   = 'ffb5ad30-e531-4982-9691-b4fb94ff88b1'
    Author                 = 'SageMakerMonitoring contributors'
    CompanyName            = 'SageMakerMonitoring contributors'
    Copyright              = '(c) SageMakerMonitoring contributors.'
    Description            = 'Monitor Amazon SageMaker in production from PowerShell: CloudWatch metrics, CloudWatch Logs and EventBridge rules for training, processing and transform jobs, endpoints and notebook instances.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'

    # One file per area in src/SageMakerMonitoring/Formats; build.ps1 fails when this list and that folder differ.
    FormatsToProcess       = @(
        'Archive.format.ps1xml'
        'Events.format.ps1xml'
        'Findings.format.ps1xml'
        'Logs.format.ps1xml'
        'Metrics.format.ps1xml'
    )
    TypesToProcess         = @()

    # One cmdlet per line, alphabetically. build.ps1 fails when this list and the compiled cmdlets differ.
    CmdletsToExport        = @(
        'Add-SageMakerEventRuleTarget'
        'Disable-SageMakerEventRule'
        'Enable-SageMakerEventRule'
        'Export-SageMakerMetric'
        'Export-SageMakerReport'
        'Find-SageMakerMetric'
        'Get-SageMakerEventRule'
        'Get-SageMakerEventRuleTarget'
        'Get-SageMakerLogEvent'
        'Get-SageMakerLogStream'
        'Get-SageMakerMetric'
        'Get-SageMakerUtilizationFinding'
        'Invoke-SageMakerLogQuery'
        'Measure-SageMakerUtilization'
        'New-SageMakerEventRule'
        'New-SageMakerSampleEvent'
        'Remove-SageMakerEventRule'
        'Remove-SageMakerEventRuleTarget'
        'Set-SageMakerEventRule'
        'Test-SageMakerEventPattern'
        'Watch-SageMakerMetric'
        'Write-SageMakerMetric'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    PrivateData            = @{
        PSData = @{
            Tags         = @('AWS', 'SageMaker', 'CloudWatch', 'CloudWatchLogs', 'EventBridge', 'Monitoring', 'MLOps', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/SageMakerMonitoring/SageMakerMonitoring'
            ReleaseNotes = 'First release: foundation, CloudWatch metrics, CloudWatch Logs and EventBridge cmdlets.'
        }
    }
}
