# EventBridge rules for SageMaker events: what is there, building a rule from the catalog, testing it locally with
# sample events before anything is deployed, what happens when a target is refused, and cleaning up.
# build.ps1 demo has imported the staged module and pointed AWS_ENDPOINT_URL at an emulator seeded with the demo world.

$ErrorActionPreference = 'Stop'
$sns = 'arn:aws:sns:us-east-1:123456789012:'

Write-Host '== The SageMaker rules of the default bus'
Get-SageMakerEventRule | Out-Host

Write-Host '== A rule built from the event catalog (-EventType completes on Tab),'
Write-Host '   with two targets'
$rule = New-SageMakerEventRule -Name demo-nightly-training -EventType TrainingJobStateChange -Status Failed, Stopped -ResourceName 'demo-train-*' `
    -Description 'Page the on-call for failed or stopped demo training jobs' `
    -Target "${sns}ml-oncall", @{ Id = 'failures-queue'; Arn = 'arn:aws:sqs:us-east-1:123456789012:ml-failures'; InputPath = '$.detail' }
Write-DemoText -Json "Pattern: $($rule.EventPattern)"
$rule | Get-SageMakerEventRuleTarget | Format-Table Id, Arn, InputPath -AutoSize | Out-Host

Write-Host '== Testing the pattern locally with sample events (no AWS call)'
$events = New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed, Completed -ResourceName demo-train-resnet50
$events += New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed -ResourceName adhoc-experiment
$events | Test-SageMakerEventPattern -EventPattern $rule.EventPattern -Detailed |
    Select-Object IsMatch, @{ n = 'Event'; e = { ($_.Event | ConvertFrom-Json).detail.TrainingJobName + ' ' + ($_.Event | ConvertFrom-Json).detail.TrainingJobStatus } }, FailedPath, Reason |
    Format-List | Out-Host
$remote = @($events | Test-SageMakerEventPattern -EventPattern $rule.EventPattern -Remote)
Write-Host "EventBridge TestEventPattern says: $($remote -join ', ')"
Write-Host ''

Write-Host '== An invalid pattern is refused before anything is sent,'
Write-Host '   naming the path and the reason'
try { Test-SageMakerEventPattern -EventPattern '{"detail":{"TrainingJobStatus":[{"prefix":5}]}}' -Event $events[0] }
catch { Write-DemoText "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" -FirstIndent 2 }
Write-Host ''

Write-Host '== Deployment rules warn about endpoints excluded from deployment guardrails'
$null = New-SageMakerEventRule -Name demo-deployments -EventType EndpointDeploymentStateChange -ResourceName demo-churn-endpoint -WarningVariable warned -WarningAction SilentlyContinue
Write-DemoText "WARNING: $($warned[0])" -FirstIndent 2
Write-Host ''

Write-Host '== A refused target undoes the half-made rule'
Write-Host '   (the emulator is told to refuse one target)'
$null = Invoke-RestMethod -Method Post -Uri "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_emulator/events/failTargets" -ContentType 'application/json' `
    -Body '{"ids":["flaky"],"errorCode":"InternalException","mode":"always"}'
New-SageMakerEventRule -Name demo-half-made -EventType ProcessingJobStateChange -Status Failed -Target @{ Id = 'ok'; Arn = "${sns}a" }, @{ Id = 'flaky'; Arn = "${sns}b" } `
    -ErrorVariable refused -ErrorAction SilentlyContinue
$refused | ForEach-Object { Write-DemoText "$($_.FullyQualifiedErrorId.Split(',')[0]): $($_.Exception.Message)" -FirstIndent 2 }
Write-Host "  Rule still there? $([bool](Get-SageMakerEventRule -Name 'demo-half-*'))"
$null = Invoke-RestMethod -Method Post -Uri "$($env:AWS_ENDPOINT_URL.TrimEnd('/'))/_emulator/events/clearTargetFaults" -ContentType 'application/json' -Body '{}'
Write-Host ''

Write-Host '== Changing a rule keeps what is not changed (PutRule replaces the whole rule)'
$changed = Set-SageMakerEventRule -Name demo-endpoint-changes -Description 'Record deployments of demo endpoints' -PassThru
$changed | Format-List Name, State, Description | Out-Host
Write-DemoText -Json "EventPattern: $($changed.EventPattern)"
Write-Host ''

Write-Host '== Cleaning up: -WhatIf first, then for real'
Write-Host '   (targets are removed before the rule)'
# Invoke-DemoWhatIf (demo/DemoText.psm1) prints the What-if lines wrapped to the terminal's width.
Invoke-DemoWhatIf { Remove-SageMakerEventRule -Name demo-nightly-training, demo-deployments -WhatIf }
Remove-SageMakerEventRule -Name demo-nightly-training, demo-deployments -Force
Get-SageMakerEventRule | Out-Host
