# Secrets never reach any output stream: every AWS-calling cmdlet of the staged module (every exported cmdlet with
# -EndpointUrl) runs against the emulator with a distinctive key pair and a session token, with -Verbose -Debug
# -InformationAction Continue and all streams captured (*>&1, the thrown error, $Error); once succeeding and once with
# a wrong secret. Neither the secret, the wrong secret nor the session token may appear anywhere. -Verbose logs every
# API call (service, operation, region, HTTP status, duration), one line per request the emulator counted.

BeforeDiscovery {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $discovered = Import-Module (Get-TestModulePath) -Force -PassThru
    $awsCmdlets = @($discovered.ExportedCmdlets.Values |
            Where-Object { $_.Parameters.ContainsKey('EndpointUrl') } |
            Sort-Object Name |
            ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emulator = Start-TestEmulator -Seed demo

    # Distinctive values: shaped like real ones ('/' and '+' included), found nowhere else.
    $script:AccessKey = 'AKIASECRETSPROBE0001'
    $script:SecretKey = 'Zq9/Secrets+Probe+NeverPrinted/7Kp2mW4vBx'
    $script:WrongSecret = 'Wr0ng/Secrets+Probe+AlsoNeverShown/3Jd8Qa'
    $script:SessionToken = 'IQoJb3JpZ2luX2VjEXAMPLE/SessionProbe+NeverPrinted//wEaCXVzLWVhc3QtMSJHMEUCIQD0probe0token0value0K1=='

    # Every form a leak could take: verbatim, URL-encoded, and a long distinctive fragment of each.
    $script:Forbidden = @(
        foreach ($value in $SecretKey, $WrongSecret, $SessionToken) {
            $value
            [Uri]::EscapeDataString($value)
            $value.Substring(4, 24)
        }
    )

    $script:Since = '30m'
    $script:Invocations = @{
        'Add-SageMakerEventRuleTarget'    = { param($c) Add-SageMakerEventRuleTarget -RuleName demo-endpoint-changes -Arn 'arn:aws:sns:us-east-1:123456789012:secrets-probe' -Id secrets-probe -Confirm:$false @c }
        'Disable-SageMakerEventRule'      = { param($c) Disable-SageMakerEventRule -Name demo-training-failed -Confirm:$false @c }
        'Enable-SageMakerEventRule'       = { param($c) Enable-SageMakerEventRule -Name demo-endpoint-changes -Confirm:$false @c }
        'Export-SageMakerMetric'          = {
            param($c)
            $archive = Join-Path ([IO.Path]::GetTempPath()) ('smm-secrets-archive-' + [Guid]::NewGuid().ToString('n'))
            try { Export-SageMakerMetric -TrainingJobName demo-train-resnet50 -Path $archive -Since 10m @c }
            finally { Remove-Item -LiteralPath $archive -Recurse -Force -ErrorAction SilentlyContinue }
        }
        'Find-SageMakerMetric'            = { param($c) Find-SageMakerMetric -TrainingJobName demo-train-resnet50 @c }
        'Get-SageMakerEventRule'          = { param($c) Get-SageMakerEventRule -Name demo-training-failed @c }
        'Get-SageMakerEventRuleTarget'    = { param($c) Get-SageMakerEventRuleTarget -RuleName demo-training-failed @c }
        'Get-SageMakerLogEvent'           = { param($c) Get-SageMakerLogEvent -TrainingJobName demo-train-resnet50 -FilterPattern ERROR @c }
        'Get-SageMakerLogStream'          = { param($c) Get-SageMakerLogStream -TrainingJobName demo-train-resnet50 @c }
        'Get-SageMakerMetric'             = { param($c) Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName GPUUtilization -Since $Since -Period 1m @c }
        'Invoke-SageMakerLogQuery'        = { param($c) Invoke-SageMakerLogQuery -TrainingJobName demo-train-resnet50 -Query 'fields @timestamp, @message | filter @message like /Epoch/ | limit 5' -Timeout 60s @c }
        'New-SageMakerEventRule'          = { param($c) New-SageMakerEventRule -Name secrets-probe-rule -EventType TrainingJobStateChange -Status Failed -Target 'arn:aws:sns:us-east-1:123456789012:secrets-probe' -Confirm:$false @c }
        'Remove-SageMakerEventRule'       = { param($c) Remove-SageMakerEventRule -Name demo-endpoint-changes -Force -Confirm:$false @c }
        'Remove-SageMakerEventRuleTarget' = { param($c) Remove-SageMakerEventRuleTarget -RuleName demo-training-failed -Id notify-oncall -Confirm:$false @c }
        'Set-SageMakerEventRule'          = { param($c) Set-SageMakerEventRule -Name demo-training-failed -Description 'changed by the secrets probe' -Confirm:$false @c }
        'Test-SageMakerEventPattern'      = {
            param($c)
            $event = '{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"SageMaker Training Job State Change","source":"aws.sagemaker","account":"123456789012","time":"2026-11-28T10:00:00Z","region":"us-east-1","resources":[],"detail":{"TrainingJobName":"demo-train-resnet50","TrainingJobStatus":"Failed"}}'
            Test-SageMakerEventPattern -EventPattern '{"source":["aws.sagemaker"],"detail":{"TrainingJobStatus":["Failed"]}}' -Event $event -Remote @c
        }
        'Watch-SageMakerMetric'           = { param($c) Watch-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 5m -Period 1m -Interval 1s -Count 1 @c }
        'Measure-SageMakerUtilization'    = { param($c) Measure-SageMakerUtilization -TrainingJobName demo-train-resnet50 -Since $Since -Source CloudWatch @c }
        'Get-SageMakerUtilizationFinding' = { param($c) Get-SageMakerUtilizationFinding -TrainingJobName demo-train-resnet50 -Since $Since -Source CloudWatch @c }
        'Export-SageMakerReport'          = {
            param($c)
            $report = Join-Path ([IO.Path]::GetTempPath()) ('smm-secrets-report-' + [Guid]::NewGuid().ToString('n') + '.html')
            try { Export-SageMakerReport -TrainingJobName demo-train-resnet50 -Since $Since -Source CloudWatch -Path $report @c }
            finally { Remove-Item -LiteralPath $report -Force -ErrorAction SilentlyContinue }
        }
        'Write-SageMakerMetric'           = { param($c) Write-SageMakerMetric -Namespace SecretsProbe/Write -MetricName Probe -Value 1, 2 -TrainingJobName demo-train-resnet50 -HostName algo-1 @c }
    }

    function Use-ProbeCredential([string] $Secret) {
        $env:AWS_ACCESS_KEY_ID = $AccessKey
        $env:AWS_SECRET_ACCESS_KEY = $Secret
        $env:AWS_SESSION_TOKEN = $SessionToken
    }

    function Reset-ProbeEmulator {
        $null = Reset-TestEmulator -Seed demo
        $null = Add-TestEmulatorKey -AccessKeyId $AccessKey -SecretAccessKey $SecretKey
        $null = Reset-TestEmulatorRequestCount
    }

    # Runs one invocation with every stream on, returns everything it produced rendered as text plus the records.
    function Invoke-Captured([string] $Name) {
        $common = @{
            EndpointUrl       = $emulator.Url
            Verbose           = $true
            Debug             = $true
            InformationAction = 'Continue'
            ErrorAction       = 'Continue'
            WarningAction     = 'Continue'
        }
        $Error.Clear()
        $thrown = $null
        $records = @(try { & $Invocations[$Name] $common *>&1 } catch { $thrown = $_ })
        $errors = @($Error)
        $text = [System.Text.StringBuilder]::new()
        foreach ($item in @($records) + @($thrown) + $errors) {
            if ($null -eq $item) { continue }
            [void]$text.AppendLine(($item | Out-String -Width 4096))
            [void]$text.AppendLine(($item | Format-List * -Force | Out-String -Width 4096))
            if ($item -is [System.Management.Automation.ErrorRecord]) {
                [void]$text.AppendLine($item.Exception.ToString())
                [void]$text.AppendLine(($item.Exception | Format-List * -Force | Out-String -Width 4096))
                [void]$text.AppendLine([string]$item.ErrorDetails)
                [void]$text.AppendLine([string]$item.ScriptStackTrace)
                [void]$text.AppendLine(($item.TargetObject | Out-String -Width 4096))
            }
            elseif ($item -isnot [string] -and $item -isnot [System.Management.Automation.InformationalRecord]) {
                try { [void]$text.AppendLine((ConvertTo-Json -InputObject $item -Depth 4 -Compress -WarningAction SilentlyContinue)) } catch { }
            }
        }
        [pscustomobject]@{
            Text    = $text.ToString()
            Records = @($records)
            Thrown  = $thrown
            Errors  = $errors
            Verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        }
    }

    function Get-ApiCallLine([string[]] $Verbose) {
        @($Verbose | Where-Object { $_ -match '^(CloudWatch|CloudWatch Logs|EventBridge|SageMaker|S3|STS) [A-Za-z0-9]+ us-east-1: HTTP \d{3} in \d+ ms' })
    }

    function Assert-NoSecret($Captured) {
        foreach ($value in $Forbidden) {
            $Captured.Text.Contains($value) | Should -BeFalse -Because "'$($value.Substring(0, 6))...' must never be written to any stream"
        }
    }
}

AfterAll {
    Remove-Item env:AWS_SESSION_TOKEN -ErrorAction SilentlyContinue
    Stop-TestEmulator
}

Describe 'Secrets in output streams' {
    BeforeEach { Reset-ProbeEmulator }

    It 'finds AWS-calling cmdlets to check' -ForEach @(@{ Found = $awsCmdlets.Count }) {
        $Found | Should -BeGreaterThan 0
    }

    It '<Name> succeeds, logs every API call with -Verbose, and writes no secret' -ForEach $awsCmdlets {
        if (-not $Invocations.ContainsKey($Name)) {
            Set-ItResult -Skipped -Because "$Name has no default invocation in Secrets.Tests.ps1 yet; add one to the table"
            return
        }
        Use-ProbeCredential $SecretKey
        $captured = Invoke-Captured $Name

        $captured.Thrown | Should -BeNullOrEmpty -Because ($captured.Thrown | Out-String)
        $captured.Errors.Count | Should -Be 0 -Because ($captured.Errors | Out-String)
        $calls = Get-ApiCallLine $captured.Verbose
        $calls.Count | Should -BeGreaterThan 0
        $calls.Count | Should -Be (Get-TestEmulatorRequestCount) -Because 'one verbose line per request the emulator served'
        # Some cmdlets probe first (e.g. DescribeRule before PutRule answers ResourceNotFoundException): any status.
        $calls | Where-Object { $_ -match ': HTTP 200 in \d+ ms' } | Should -Not -BeNullOrEmpty
        Assert-NoSecret $captured
    }

    It '<Name> with a wrong secret fails with the AWS error code and writes no secret' -ForEach $awsCmdlets {
        if (-not $Invocations.ContainsKey($Name)) {
            Set-ItResult -Skipped -Because "$Name has no default invocation in Secrets.Tests.ps1 yet; add one to the table"
            return
        }
        Use-ProbeCredential $WrongSecret
        $captured = Invoke-Captured $Name

        $failures = @(@($captured.Thrown) + $captured.Errors | Where-Object { $_ })
        $failures.Count | Should -BeGreaterThan 0 -Because 'a wrong secret must fail the cmdlet'
        ($failures | ForEach-Object { $_.FullyQualifiedErrorId }) -join ' ' |
            Should -Match '(SignatureDoesNotMatch|InvalidSignatureException)'
        $calls = Get-ApiCallLine $captured.Verbose
        $calls.Count | Should -BeGreaterThan 0
        $calls | ForEach-Object { $_ | Should -Match ': HTTP 40[03] in \d+ ms.*(SignatureDoesNotMatch|InvalidSignatureException)' }
        Assert-NoSecret $captured
    }

    It 'the capture sees a value written to any stream (the check itself can fail)' {
        $Invocations['Write-ProbeValue'] = {
            param($c)
            Write-Verbose "v $($SecretKey)" -Verbose
            Write-Information "i $([Uri]::EscapeDataString($SessionToken))"
            Write-Error "e $($WrongSecret.Substring(4, 24))" -ErrorAction Continue
        }
        try {
            $captured = Invoke-Captured 'Write-ProbeValue'
            foreach ($value in $SecretKey, [Uri]::EscapeDataString($SessionToken), $WrongSecret.Substring(4, 24)) {
                $captured.Text.Contains($value) | Should -BeTrue
            }
            { Assert-NoSecret $captured } | Should -Throw
        }
        finally { $Invocations.Remove('Write-ProbeValue') }
    }
}
