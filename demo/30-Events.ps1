# EventBridge rules for SageMaker events: what is there, building a rule from the catalog, testing it locally with
# sample events before anything is deployed, what happens when a target is refused, and cleaning up.
# build.ps1 demo has imported the staged module and pointed AWS_ENDPOINT_URL at an emulator seeded with the demo world.

$ErrorActionPreference = 'Stop'
$sns = 'arn:aws:sns:us-east-1:123456789012:'

Write-Host '== The SageMaker rules of the default bus'
Get-SageMakerEventRule | Format-Table -AutoSize | Out-Host

Write-Host '== A rule built from the event catalog (-EventType completes on Tab), with two targets'
$rule = New-SageMakerEventRule -Name demo-nightly-training -EventType TrainingJobStateChange -Status Failed, Stopped -ResourceName 'demo-train-*' `
    -Description 'Page the on-call for failed or stopped demo training jobs' `
    -Target "${sns}ml-oncall", @{ Id = 'failures-queue'; Arn = 'arn:aws:sqs:us-east-1:123456789012:ml-failures'; InputPath = '$.detail' }
Write-Host "Pattern: $($rule.EventPattern)"
$rule | Get-SageMakerEventRuleTarget | Format-Table -AutoSize | Out-Host

Write-Host '== Testing the pattern locally with sample events (no AWS call)'
$events = New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed, Completed -ResourceName demo-train-resnet50
$events += New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed -ResourceName adhoc-experiment
$events | Test-SageMakerEventPattern -EventPattern $rule.EventPattern -Detailed |
    Select-Object IsMatch, @{ n = 'Event'; e = { ($_.Event | ConvertFrom-Json).detail.TrainingJobName + ' ' + ($_.Event | ConvertFrom-Json).detail.TrainingJobStatus } }, FailedPath, Reason |
    Format-Table -AutoSize -Wrap | Out-Host
$remote = @($events | Test-SageMakerEventPattern -EventPattern $rule.EventPattern -Remote)
Write-Host "EventBridge TestEventPattern says: $($remote -join ', ')"
Write-Host ''

Write-Host '== An invalid pattern is refused before anything is sent, naming the path and the reason'
try { Test-SageMakerEventPattern -EventPattern '{"detail":{"TrainingJobStatus":[{"prefix":5}]}}' -Event $events[0] }
catch { Write-Host "  $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" }
Write-Host ''

Write-Host '== Endpoint deployment rules warn about endpoints excluded from deployment guardrails'
$null = New-SageMakerEventRule -Name demo-deployments -EventType EndpointDeploymentStateChange -ResourceName demo-churn-endpoint -WarningVariable warned -WarningAction SilentlyContinue
Write-Host "  WARNING: $($warned[0])"
Write-Host ''

Write-Host '== A refused target undoes the half-made rule (the emulator is told to refuse one target)'
$null = Invoke-RestMethod -Method Post -Uri "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_emulator/events/failTargets" -ContentType 'application/json' `
    -Body '{"ids":["flaky"],"errorCode":"InternalException","mode":"always"}'
New-SageMakerEventRule -Name demo-half-made -EventType ProcessingJobStateChange -Status Failed -Target @{ Id = 'ok'; Arn = "${sns}a" }, @{ Id = 'flaky'; Arn = "${sns}b" } `
    -ErrorVariable refused -ErrorAction SilentlyContinue
$refused | ForEach-Object { Write-Host "  $($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" }
Write-Host "  Rule still there? $([bool](Get-SageMakerEventRule -Name 'demo-half-*'))"
$null = Invoke-RestMethod -Method Post -Uri "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_emulator/events/clearTargetFaults" -ContentType 'application/json' -Body '{}'
Write-Host ''

Write-Host '== Changing a rule keeps what is not changed (PutRule replaces the whole rule)'
Set-SageMakerEventRule -Name demo-endpoint-changes -Description 'Record deployments of demo endpoints' -PassThru |
    Format-List Name, State, Description, EventPattern | Out-Host

Write-Host '== Cleaning up: -WhatIf first, then for real (targets are removed before the rule)'
Remove-SageMakerEventRule -Name demo-nightly-training, demo-deployments -WhatIf
Remove-SageMakerEventRule -Name demo-nightly-training, demo-deployments -Force
Get-SageMakerEventRule | Format-Table -AutoSize | Out-Host
