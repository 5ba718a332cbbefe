# EventBridge cmdlets against the emulator: every cmdlet, -WhatIf (proved with the emulator's request counters),
# -Force, partial target failures, ListRules paging, the local engine and the emulator's own matcher (-Remote) on the
# reference corpus (aws/event-ruler and the EventBridge User Guide), input EventBridge would refuse,
# User Guide examples, and sample events of every type against the patterns built for them.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    Import-Module (Get-TestModulePath) -Force
    $null = Start-TestEmulator -Seed demo

    $sns = 'arn:aws:sns:us-east-1:123456789012:'
    $failedPattern = '{"source":["aws.sagemaker"],"detail-type":["SageMaker Training Job State Change"],"detail":{"TrainingJobStatus":["Failed"]}}'
    $mutating = 'PutRule', 'PutTargets', 'RemoveTargets', 'DeleteRule', 'EnableRule', 'DisableRule', 'TagResource'

    function Get-MutatingRequestCount {
        $total = 0
        foreach ($operation in $mutating) { $total += Get-TestEmulatorRequestCount -Operation "events.$operation" }
        $total
    }

    function Set-TargetFault([string[]] $Id, [string] $Code = 'InternalException', [string] $Mode = 'always') {
        $null = Invoke-TestEmulatorControl -Service events -Action failTargets -Body @{ ids = $Id; errorCode = $Code; mode = $Mode }
    }

    function Get-ErrorId($Record) { ($Record.FullyQualifiedErrorId -split ',')[0] }
}

AfterAll { Stop-TestEmulator }

Describe 'New-SageMakerEventRule' {
    BeforeEach { $null = Reset-TestEmulator -Seed demo }

    It 'builds the pattern from the catalog, adds the targets and returns the rule' {
        $rule = New-SageMakerEventRule -Name nightly-failed -EventType TrainingJobStateChange -Status Failed, Stopped -ResourceName 'nightly-*' `
            -Description 'page on-call' -Target "${sns}ml-oncall", @{ Id = 'queue'; Arn = 'arn:aws:sqs:us-east-1:123456789012:q'; InputPath = '$.detail' }
        $rule.Name | Should -Be 'nightly-failed'
        $rule.State | Should -Be 'ENABLED'
        $rule.EventTypes | Should -Be @('TrainingJobStateChange')
        $rule.Pattern.detail.TrainingJobStatus | Should -Be @('Failed', 'Stopped')
        $rule.Pattern.detail.TrainingJobName[0].prefix | Should -Be 'nightly-'
        @($rule.Targets.Id) | Should -Be @('ml-oncall', 'queue')
        ($rule.Targets | Where-Object Id -EQ queue).InputPath | Should -Be '$.detail'
        (Get-SageMakerEventRule -Name nightly-failed).Description | Should -Be 'page on-call'
    }

    It 'takes a hashtable pattern, a JSON pattern or a schedule' {
        $hash = New-SageMakerEventRule -Name from-hash -EventPattern @{ source = @('aws.sagemaker'); 'detail-type' = @('SageMaker Endpoint State Change') } -State Disabled
        $hash.State | Should -Be 'DISABLED'
        $hash.EventTypes | Should -Be @('EndpointStateChange')
        (New-SageMakerEventRule -Name from-json -EventPattern $failedPattern).EventPattern | Should -Be $failedPattern
        (New-SageMakerEventRule -Name every-hour -ScheduleExpression 'rate(1 hour)').ScheduleExpression | Should -Be 'rate(1 hour)'
    }

    It 'refuses an existing rule unless -Force, and -Force replaces it' {
        New-SageMakerEventRule -Name demo-training-failed -EventPattern $failedPattern -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorId $errors[0] | Should -Be 'EventRuleExists'
        $errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'

        $replaced = New-SageMakerEventRule -Name demo-training-failed -EventType TrainingJobStateChange -Status Stopped -Force
        $replaced.Pattern.detail.TrainingJobStatus | Should -Be @('Stopped')
        @($replaced.Targets.Id) | Should -Be @('notify-oncall')
    }

    It '-WhatIf sends no mutating call' {
        $null = Reset-TestEmulatorRequestCount
        New-SageMakerEventRule -Name what-if -EventType TrainingJobStateChange -Target "${sns}x" -WhatIf | Should -BeNullOrEmpty
        New-SageMakerEventRule -Name demo-training-failed -EventPattern $failedPattern -Force -WhatIf
        Get-MutatingRequestCount | Should -Be 0
        Get-SageMakerEventRule -Name what-if -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'undoes the new rule when a target is refused, naming each refused target and what remains' {
        Set-TargetFault -Id t2
        $result = New-SageMakerEventRule -Name half-made -EventPattern $failedPattern -Target @{ Id = 't1'; Arn = "${sns}a" }, @{ Id = 't2'; Arn = "${sns}b" } `
            -ErrorVariable errors -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $errors.Count | Should -Be 2
        Get-ErrorId $errors[0] | Should -Be 'InternalException'
        $errors[0].TargetObject | Should -Be 't2'
        $errors[0].Exception.Message | Should -BeLike "*Target 't2'*InternalException*"
        Get-ErrorId $errors[1] | Should -Be 'EventRuleRolledBack'
        $errors[1].Exception.Message | Should -BeLike '*nothing was created*'
        Get-SageMakerEventRule -Name half-made -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'keeps the rule with the accepted targets when asked' {
        Set-TargetFault -Id t2
        $rule = New-SageMakerEventRule -Name kept -EventPattern $failedPattern -Target @{ Id = 't1'; Arn = "${sns}a" }, @{ Id = 't2'; Arn = "${sns}b" } `
            -KeepOnFailure -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        @($rule.Targets.Id) | Should -Be @('t1')
        Get-ErrorId $errors[0] | Should -Be 'InternalException'
        $warnings[0].Message | Should -BeLike "*t2 were not added*"
        (Get-SageMakerEventRule -Name kept).Name | Should -Be 'kept'
    }

    It 'warns with the deployment guardrail exclusions on endpoint deployment rules' {
        $null = New-SageMakerEventRule -Name deployments -EventType EndpointDeploymentStateChange -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        foreach ($feature in 'AWS Marketplace containers', 'Inf1', 'Serverless inference endpoints', 'Multi-variant endpoints') {
            $warnings[0].Message | Should -BeLike "*$feature*"
        }
        $null = New-SageMakerEventRule -Name no-warning -EventType TrainingJobStateChange -WarningVariable quiet -WarningAction SilentlyContinue
        $quiet.Count | Should -Be 0
    }

    It 'names the offending path of an invalid pattern and sends nothing' {
        $null = Reset-TestEmulatorRequestCount
        New-SageMakerEventRule -Name invalid -EventPattern '{"detail":{"TrainingJobStatus":[{"numeric":[">","x"]}]}}' -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InvalidEventPattern'
        $errors[0].Exception.Message | Should -BeLike '*''detail.TrainingJobStatus`[0`].numeric`[1`]''*Value of > must be numeric*'
        Get-TestEmulatorRequestCount | Should -Be 0
    }

    It 'validates -EventType and completes it on Tab' {
        { New-SageMakerEventRule -Name x -EventType NoSuchEvent } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SageMakerMonitoring.Commands.NewSageMakerEventRuleCommand'
        $line = 'New-SageMakerEventRule -Name x -EventType TrainingJ'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'TrainingJobStateChange'
        $line = 'New-SageMakerEventRule -Name x -EventType EndpointStateChange -Status In'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('InService')
    }
}

Describe 'Get-SageMakerEventRule' {
    BeforeAll { $null = Reset-TestEmulator -Seed demo }

    It 'returns the SageMaker rules with decoded patterns and targets' {
        $rules = @(Get-SageMakerEventRule)
        $rules.Name | Should -Be @('demo-endpoint-changes', 'demo-training-failed')
        $rules[0].State | Should -Be 'DISABLED'
        $rules[0].Targets[0].Arn | Should -Be 'arn:aws:lambda:us-east-1:123456789012:function:record-deployments'
        $rules[1].Pattern.detail.TrainingJobStatus | Should -Be @('Failed')
        $rules[1].Targets[0].Id | Should -Be 'notify-oncall'
        $rules[1].PSObject.TypeNames[0] | Should -Be 'SageMakerMonitoring.Core.Events.EventRule'
    }

    It 'filters by wildcard, returns other rules with -All, and reports a missing rule' {
        $null = New-SageMakerEventRule -Name ec2-rule -EventPattern '{"source":["aws.ec2"]}'
        @(Get-SageMakerEventRule -Name 'demo-t*').Name | Should -Be @('demo-training-failed')
        @(Get-SageMakerEventRule).Name | Should -Not -Contain 'ec2-rule'
        @(Get-SageMakerEventRule -All).Name | Should -Contain 'ec2-rule'
        'demo-training-failed' | Get-SageMakerEventRule | ForEach-Object Name | Should -Be 'demo-training-failed'
        Get-SageMakerEventRule -Name nope -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventRuleNotFound'
    }

    It 'pages through more than 100 rules' {
        1..120 | ForEach-Object { $null = New-SageMakerEventRule -Name ('page-{0:000}' -f $_) -EventPattern $failedPattern }
        $null = Reset-TestEmulatorRequestCount
        $rules = @(Get-SageMakerEventRule -Name 'page-*' -NoTarget)
        $rules.Count | Should -Be 120
        $rules[0].Name | Should -Be 'page-001'
        $rules[119].Name | Should -Be 'page-120'
        Get-TestEmulatorRequestCount -Operation 'events.ListRules' | Should -Be 2
        @(Get-SageMakerEventRule).Count | Should -Be 122
    }
}

Describe 'Set-, Enable- and Disable-SageMakerEventRule' {
    BeforeEach { $null = Reset-TestEmulator -Seed demo }

    It 'changes only what is given (PutRule is a full replace)' {
        $rule = Set-SageMakerEventRule -Name demo-endpoint-changes -Description 'changed' -PassThru
        $rule.Description | Should -Be 'changed'
        $rule.State | Should -Be 'DISABLED'
        $rule.Pattern.detail.EndpointName[0].prefix | Should -Be 'demo-'
        @($rule.Targets.Id) | Should -Be @('record-deployments')

        $rule = Get-SageMakerEventRule demo-training-failed | Set-SageMakerEventRule -EventType TrainingJobStateChange -Status Failed, Stopped -PassThru
        $rule.Pattern.detail.TrainingJobStatus | Should -Be @('Failed', 'Stopped')
        $rule.Description | Should -Be 'Page the on-call when a training job fails'
    }

    It 'enables and disables, and sends nothing with -WhatIf' {
        (Enable-SageMakerEventRule -Name demo-endpoint-changes -PassThru).State | Should -Be 'ENABLED'
        Get-SageMakerEventRule | Disable-SageMakerEventRule
        @(Get-SageMakerEventRule).State | Should -Be @('DISABLED', 'DISABLED')

        $null = Reset-TestEmulatorRequestCount
        Enable-SageMakerEventRule -Name demo-training-failed -WhatIf
        Set-SageMakerEventRule -Name demo-training-failed -Description x -WhatIf
        Get-MutatingRequestCount | Should -Be 0
        (Get-SageMakerEventRule demo-training-failed).State | Should -Be 'DISABLED'
    }

    It 'reports a missing rule and an invalid pattern' {
        Set-SageMakerEventRule -Name nope -Description x -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventRuleNotFound'
        Enable-SageMakerEventRule -Name nope -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventRuleNotFound'
        Set-SageMakerEventRule -Name demo-training-failed -EventPattern '{"source":"aws.sagemaker"}' -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InvalidEventPattern'
        $errors[0].Exception.Message | Should -BeLike "*'source'*must be an object or an array*"
    }
}

Describe 'Remove-SageMakerEventRule' {
    BeforeEach { $null = Reset-TestEmulator -Seed demo }

    It 'has ConfirmImpact High' {
        (Get-Command Remove-SageMakerEventRule).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'removes the targets first, then the rule, with -Force' {
        $null = Reset-TestEmulatorRequestCount
        Remove-SageMakerEventRule -Name demo-training-failed -Force
        Get-TestEmulatorRequestCount -Operation 'events.RemoveTargets' | Should -Be 1
        Get-TestEmulatorRequestCount -Operation 'events.DeleteRule' | Should -Be 1
        @(Get-SageMakerEventRule).Name | Should -Be @('demo-endpoint-changes')
    }

    It 'sends nothing with -WhatIf, even with -Force' {
        $null = Reset-TestEmulatorRequestCount
        Get-SageMakerEventRule | Remove-SageMakerEventRule -WhatIf
        Remove-SageMakerEventRule -Name demo-training-failed -Force -WhatIf
        Get-MutatingRequestCount | Should -Be 0
        @(Get-SageMakerEventRule).Count | Should -Be 2
    }

    It 'keeps the rule when a target cannot be removed and says what remains' {
        $null = Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Arn "${sns}second" -Id second
        Set-TargetFault -Id second
        Remove-SageMakerEventRule -Name demo-training-failed -Force -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InternalException'
        $errors[0].TargetObject | Should -Be 'second'
        Get-ErrorId $errors[1] | Should -Be 'EventRuleNotRemoved'
        $errors[1].Exception.Message | Should -BeLike '*target(s) second could not be removed (removed: notify-oncall)*'
        @((Get-SageMakerEventRule demo-training-failed).Targets.Id) | Should -Be @('second')
    }
}

Describe 'Rule targets' {
    BeforeEach { $null = Reset-TestEmulator -Seed demo }

    It 'adds, gets and removes targets' {
        $added = Get-SageMakerEventRule demo-training-failed | Add-SageMakerEventRuleTarget -Arn "${sns}chat", 'arn:aws:sqs:us-east-1:123456789012:jobs' `
            -InputTransformer @{ InputPathsMap = @{ job = '$.detail.TrainingJobName' }; InputTemplate = '"<job> failed"' } -PassThru
        @($added.Id) | Should -Be @('chat', 'jobs')
        $added[0].InputTemplate | Should -Be '"<job> failed"'
        $added[0].InputPathsMap['job'] | Should -Be '$.detail.TrainingJobName'

        @(Get-SageMakerEventRuleTarget -RuleName demo-training-failed).Id | Should -Be @('notify-oncall', 'chat', 'jobs')
        @(Get-SageMakerEventRuleTarget demo-training-failed -Id 'c*').Id | Should -Be @('chat')

        $null = Reset-TestEmulatorRequestCount
        Get-SageMakerEventRuleTarget demo-training-failed -Id chat, jobs | Remove-SageMakerEventRuleTarget -Force
        Get-TestEmulatorRequestCount -Operation 'events.RemoveTargets' | Should -Be 1
        @(Get-SageMakerEventRuleTarget demo-training-failed).Id | Should -Be @('notify-oncall')
    }

    It 'writes one error per refused target naming its id and the error code, and keeps the others' {
        Set-TargetFault -Id b, c -Code 'InternalException'
        $added = Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Arn "${sns}a", "${sns}b", "${sns}c" -Id a, b, c -PassThru `
            -ErrorVariable errors -ErrorAction SilentlyContinue
        @($added.Id) | Should -Be @('a')
        $errors.Count | Should -Be 2
        @($errors.TargetObject) | Should -Be @('b', 'c')
        @($errors | ForEach-Object { Get-ErrorId $_ }) | Should -Be @('InternalException', 'InternalException')
        $errors[0].Exception.Message | Should -BeLike "*Target 'b' of rule 'demo-training-failed' was not added: InternalException:*"
    }

    It 'retries entries refused with ConcurrentModificationException' {
        Set-TargetFault -Id retried -Code ConcurrentModificationException -Mode once
        $null = Reset-TestEmulatorRequestCount
        $added = Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Arn "${sns}retried" -PassThru
        $added.Id | Should -Be 'retried'
        Get-TestEmulatorRequestCount -Operation 'events.PutTargets' | Should -Be 2
    }

    It 'sends nothing with -WhatIf' {
        $null = Reset-TestEmulatorRequestCount
        Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Arn "${sns}x" -WhatIf
        Remove-SageMakerEventRuleTarget -RuleName demo-training-failed -Id notify-oncall -WhatIf
        Remove-SageMakerEventRuleTarget -RuleName demo-training-failed -Id notify-oncall -Force -WhatIf
        Get-MutatingRequestCount | Should -Be 0
    }

    It 'reports a missing rule' {
        Get-SageMakerEventRuleTarget -RuleName nope -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventRuleNotFound'
    }
}

Describe 'Test-SageMakerEventPattern' {
    BeforeDiscovery {
        # Examples of the EventBridge User Guide ("Comparison operators for use in event patterns" and the pages on
        # null values, arrays and numbers) with the outcomes the guide states.
        $envelope = '"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"111122223333","time":"2017-12-22T18:43:48Z","region":"us-west-1"'
        $corpus = @(
            @{ Name = 'exact value'; Pattern = '{"detail":{"state":["terminated"]}}'; Detail = '{"state":"terminated"}'; Expected = $true }
            @{ Name = 'exact value, other value'; Pattern = '{"detail":{"state":["running"]}}'; Detail = '{"state":"terminated"}'; Expected = $false }
            @{ Name = 'prefix'; Pattern = '{"time":[{"prefix":"2017-12-22"}]}'; Detail = '{}'; Expected = $true }
            @{ Name = 'prefix ignore case'; Pattern = '{"detail":{"service":[{"prefix":{"equals-ignore-case":"EventB"}}]}}'; Detail = '{"service":"eventbridge"}'; Expected = $true }
            @{ Name = 'suffix'; Pattern = '{"detail":{"FileName":[{"suffix":".png"}]}}'; Detail = '{"FileName":"image.png"}'; Expected = $true }
            @{ Name = 'suffix is case-sensitive'; Pattern = '{"detail":{"FileName":[{"suffix":".png"}]}}'; Detail = '{"FileName":"image.PNG"}'; Expected = $false }
            @{ Name = 'suffix ignore case'; Pattern = '{"detail":{"FileName":[{"suffix":{"equals-ignore-case":".png"}}]}}'; Detail = '{"FileName":"image.PNG"}'; Expected = $true }
            @{ Name = 'equals-ignore-case'; Pattern = '{"detail-type":[{"equals-ignore-case":"ec2 instance state-change notification"}]}'; Detail = '{}'; Expected = $true }
            @{ Name = 'wildcard'; Pattern = '{"detail":{"eventSourceARN":[{"wildcard":"arn:aws:s3:::bucket/*.png"}]}}'; Detail = '{"eventSourceARN":"arn:aws:s3:::bucket/dir/a.png"}'; Expected = $true }
            @{ Name = 'wildcard, no match'; Pattern = '{"detail":{"eventSourceARN":[{"wildcard":"arn:aws:s3:::bucket/*.png"}]}}'; Detail = '{"eventSourceARN":"arn:aws:s3:::bucket/a.jpg"}'; Expected = $false }
            @{ Name = 'anything-but value'; Pattern = '{"detail":{"state":[{"anything-but":"initializing"}]}}'; Detail = '{"state":"running"}'; Expected = $true }
            @{ Name = 'anything-but list'; Pattern = '{"detail":{"state":[{"anything-but":["stopped","overloaded"]}]}}'; Detail = '{"state":"stopped"}'; Expected = $false }
            @{ Name = 'anything-but numbers'; Pattern = '{"detail":{"x-limit":[{"anything-but":[100,200,300]}]}}'; Detail = '{"x-limit":150}'; Expected = $true }
            @{ Name = 'anything-but prefix'; Pattern = '{"detail":{"state":[{"anything-but":{"prefix":"init"}}]}}'; Detail = '{"state":"initializing"}'; Expected = $false }
            @{ Name = 'anything-but suffix'; Pattern = '{"detail":{"FileName":[{"anything-but":{"suffix":".txt"}}]}}'; Detail = '{"FileName":"notes.md"}'; Expected = $true }
            @{ Name = 'anything-but ignore case'; Pattern = '{"detail":{"state":[{"anything-but":{"equals-ignore-case":["Stopped","OverLoaded"]}}]}}'; Detail = '{"state":"STOPPED"}'; Expected = $false }
            @{ Name = 'anything-but wildcard'; Pattern = '{"detail":{"FilePath":[{"anything-but":{"wildcard":"*/lib/*"}}]}}'; Detail = '{"FilePath":"/usr/lib/x"}'; Expected = $false }
            @{ Name = 'numeric range'; Pattern = '{"detail":{"c-count":[{"numeric":[">",0,"<=",5]}]}}'; Detail = '{"c-count":5}'; Expected = $true }
            @{ Name = 'numeric range, out'; Pattern = '{"detail":{"c-count":[{"numeric":[">",0,"<=",5]}]}}'; Detail = '{"c-count":0}'; Expected = $false }
            @{ Name = 'numeric equals'; Pattern = '{"detail":{"x-limit":[{"numeric":["=",3.018e2]}]}}'; Detail = '{"x-limit":301.8}'; Expected = $true }
            @{ Name = 'numbers are not strings'; Pattern = '{"detail":{"count":[5]}}'; Detail = '{"count":"5"}'; Expected = $false }
            @{ Name = 'cidr'; Pattern = '{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}'; Detail = '{"sourceIPAddress":"10.0.0.255"}'; Expected = $true }
            @{ Name = 'cidr, outside'; Pattern = '{"detail":{"sourceIPAddress":[{"cidr":"10.0.0.0/24"}]}}'; Detail = '{"sourceIPAddress":"10.0.1.1"}'; Expected = $false }
            @{ Name = 'exists'; Pattern = '{"detail":{"state":[{"exists":true}]}}'; Detail = '{"state":"x"}'; Expected = $true }
            @{ Name = 'does not exist'; Pattern = '{"detail":{"c-count":[{"exists":false}]}}'; Detail = '{"state":"x"}'; Expected = $true }
            @{ Name = 'null value'; Pattern = '{"detail":{"responseElements":[null]}}'; Detail = '{"responseElements":null}'; Expected = $true }
            @{ Name = 'empty string is not null'; Pattern = '{"detail":{"eventVersion":[null]}}'; Detail = '{"eventVersion":""}'; Expected = $false }
            @{ Name = '$or'; Pattern = '{"detail":{"$or":[{"c-count":[{"numeric":[">",0,"<=",5]}]},{"d-count":[{"numeric":["<",10]}]}]}}'; Detail = '{"d-count":3}'; Expected = $true }
            @{ Name = 'array values'; Pattern = '{"resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"]}'; Detail = '{}'; Expected = $true }
        ) | ForEach-Object {
            $_.Event = '{' + $envelope + ',"resources":["arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0"],"detail":' + $_.Detail + '}'
            $_
        }
    }

    It 'locally gives the outcome the EventBridge User Guide states: <Name>' -ForEach $corpus {
        Test-SageMakerEventPattern -EventPattern $Pattern -Event $Event | Should -Be $Expected
    }

    It '-Remote (EventBridge TestEventPattern) agrees: <Name>' -ForEach $corpus {
        Test-SageMakerEventPattern -EventPattern $Pattern -Event $Event -Remote | Should -Be $Expected
    }

    It 'returns the first failing field with -Detailed' {
        $event = New-SageMakerSampleEvent -EventType EndpointStateChange -Status InService -ResourceName prod-churn
        $result = Test-SageMakerEventPattern -EventPattern '{"source":["aws.sagemaker"],"detail":{"EndpointName":[{"prefix":"demo-"}]}}' -Event $event -Detailed
        $result.IsMatch | Should -BeFalse
        $result.FailedPath | Should -Be 'detail.EndpointName'
        $result.Reason | Should -BeLike '*"prod-churn"*{"prefix":"demo-"}*'
        $result.DetailType | Should -Be 'SageMaker Endpoint State Change'
        $result.Engine | Should -Be 'Local'
        (Test-SageMakerEventPattern -EventPattern '{"source":["aws.sagemaker"]}' -Event $event -Detailed -Remote).Engine | Should -Be 'Remote'
    }

    It 'takes events as JSON, hashtables and objects from the pipeline' {
        $json = '{"source":"aws.sagemaker","detail":{"n":5}}'
        $results = $json, @{ source = 'aws.sagemaker'; detail = @{ n = 5 } }, ($json | ConvertFrom-Json), @{ source = 'aws.ec2' } |
            Test-SageMakerEventPattern -EventPattern @{ source = @('aws.sagemaker'); detail = @{ n = @(@{ numeric = @('>', 4) }) } }
        $results | Should -Be @($true, $true, $true, $false)
    }

    It 'names the offending path of an invalid pattern' {
        { Test-SageMakerEventPattern -EventPattern '{"detail":{"a":[{"wildcard":"x**"}]}}' -Event '{}' } |
            Should -Throw -ErrorId 'InvalidEventPattern,SageMakerMonitoring.Commands.TestSageMakerEventPatternCommand' -ExpectedMessage '*''detail.a`[0`].wildcard''*Consecutive wildcard*'
        Test-SageMakerEventPattern -EventPattern '{"a":["x"]}' -Event 'not json' -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InvalidEventJson'
    }
}

Describe 'New-SageMakerSampleEvent' {
    BeforeDiscovery {
        Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
        Import-Module (Get-TestModulePath) -Force
        $types = @((Get-TestModuleType SageMakerMonitoring.Core.Catalog.SageMakerEventCatalog)::All | ForEach-Object {
            @{ Type = $_.ShortName; Statuses = @($_.Statuses | ForEach-Object ApiValue); HasName = [bool]$_.ResourceNameField }
        })
    }

    It 'makes events of <Type> that match the pattern built for them' -ForEach $types {
        $name = 'sample-resource-01'
        $statuses = if ($Statuses.Count) { $Statuses } else { @($null) }
        foreach ($status in $statuses) {
            $arguments = @{ EventType = $Type; ResourceName = $name; Time = [datetime]'2026-11-28T10:00:00Z' }
            if ($status) { $arguments.Status = $status }
            $sample = New-SageMakerSampleEvent @arguments
            $builder = (Get-TestModuleType SageMakerMonitoring.Core.Catalog.SageMakerEventPatternBuilder)::new().AddEventTypes([string[]]@($Type))
            if ($status) { $null = $builder.AddStatuses([string[]]@($status)) }
            if ($HasName) { $null = $builder.AddResourceNames([string[]]@('sample-*')) }
            $pattern = $builder.Build()
            Test-SageMakerEventPattern -EventPattern $pattern -Event $sample -Detailed | ForEach-Object {
                $_.IsMatch | Should -BeTrue -Because "$Type/$status against $pattern ($($_.FailedPath): $($_.Reason))"
            }
            $sample.EventType | Should -Be $Type
            ($sample.Json | ConvertFrom-Json).source | Should -Be 'aws.sagemaker'
        }
    }

    It 'writes every status asked for, in the event spelling, and JSON with -AsJson' {
        $samples = New-SageMakerSampleEvent -EventType EndpointStateChange -Status InService, Failed -ResourceName demo-churn-endpoint
        @($samples.Status) | Should -Be @('IN_SERVICE', 'FAILED')
        $json = New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Failed -AsJson
        $json | Should -BeOfType [string]
        ($json | ConvertFrom-Json).detail.TrainingJobStatus | Should -Be 'Failed'
    }

    It 'is accepted by the emulated TestEventPattern (complete envelope) and deterministic' {
        $a = New-SageMakerSampleEvent -EventType ProcessingJobStateChange -Status Completed -Time ([datetime]'2026-11-28T10:00:00Z') -Seed 7
        $b = New-SageMakerSampleEvent -EventType ProcessingJobStateChange -Status Completed -Time ([datetime]'2026-11-28T10:00:00Z') -Seed 7
        $a.Json | Should -Be $b.Json
        Test-SageMakerEventPattern -EventPattern '{"detail":{"ProcessingJobStatus":["Completed"]}}' -Event $a -Remote | Should -BeTrue
    }

    It 'validates -EventType and -Status' {
        { New-SageMakerSampleEvent -EventType Nope } | Should -Throw -ErrorId 'ParameterArgumentValidationError,SageMakerMonitoring.Commands.NewSageMakerSampleEventCommand'
        New-SageMakerSampleEvent -EventType TrainingJobStateChange -Status Bogus -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InvalidEventStatus'
    }
}

Describe 'Test-SageMakerEventPattern against the reference corpus' {
    # tests/SageMakerMonitoring.Core.Tests/Events/Corpus: cases from aws/event-ruler and the EventBridge User Guide. The
    # local engine must give the reference outcome for every case; -Remote asks the emulator's TestEventPattern, which
    # answers with its own matcher (written apart from the module's engine), so the two implementations are compared
    # with the reference rather than with each other.
    BeforeAll {
        $envelopeFields = 'id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'
        $envelope = '"id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","account":"111122223333","source":"corpus.test","time":"2017-12-22T18:43:48Z","region":"us-west-1","resources":[],"detail-type":"Corpus Case"'
        $folder = Join-Path (Get-TestRepositoryRoot) 'tests/SageMakerMonitoring.Core.Tests/Events/Corpus'
        $cases = [System.Collections.Generic.List[object]]::new()
        foreach ($file in Get-ChildItem -Path $folder -Filter *.json | Sort-Object Name) {
            $document = [System.Text.Json.JsonDocument]::Parse([System.IO.File]::ReadAllText($file.FullName))
            $g = 0
            foreach ($group in $document.RootElement.GetProperty('groups').EnumerateArray()) {
                $pattern = $group.GetProperty('pattern').GetRawText()
                $i = 0
                foreach ($case in $group.GetProperty('cases').EnumerateArray()) {
                    $event = $case.GetProperty('event')
                    # TestEventPattern needs the envelope fields; add them to events that have none, for patterns that do not look at them.
                    $found = [System.Text.Json.JsonElement]::new()
                    $usesEnvelope = @($envelopeFields | Where-Object {
                            $pattern.Contains('"' + $_ + '"') -or ($event.ValueKind -eq 'Object' -and $event.TryGetProperty([string]$_, [ref]$found))
                        }).Count -gt 0
                    $raw = $event.GetRawText()
                    $wrapped = if ($usesEnvelope -or $event.ValueKind -ne 'Object') { $null } elseif ($raw.Trim() -eq '{}') { '{' + $envelope + '}' } else { '{' + $envelope + ',' + $raw.TrimStart().Substring(1) }
                    $cases.Add([pscustomobject]@{ Id = "$($file.Name)#$g.$i"; Pattern = $pattern; Event = $raw; Wrapped = $wrapped; Match = $case.GetProperty('match').GetBoolean() })
                    $i++
                }
                $g++
            }
            $document.Dispose()
        }
    }

    It 'the local engine gives the reference outcome for every case' {
        $cases.Count | Should -BeGreaterThan 400
        $wrong = foreach ($c in $cases) {
            if ((Test-SageMakerEventPattern -EventPattern $c.Pattern -Event $c.Event) -ne $c.Match) { $c.Id }
        }
        @($wrong) | Should -BeNullOrEmpty
    }

    It 'the emulated TestEventPattern (its own matcher) gives the reference outcome for every case it can take' {
        $remote = @($cases | Where-Object Wrapped)
        $remote.Count | Should -BeGreaterThan 350
        $null = Reset-TestEmulatorRequestCount
        $wrong = foreach ($c in $remote) {
            if ((Test-SageMakerEventPattern -EventPattern $c.Pattern -Event $c.Wrapped -Remote) -ne $c.Match) { $c.Id }
        }
        @($wrong) | Should -BeNullOrEmpty
        Get-TestEmulatorRequestCount -Operation 'events.TestEventPattern' | Should -Be $remote.Count
    }
}

Describe 'Event rule input that EventBridge would refuse' {
    BeforeEach { $null = Reset-TestEmulator -Seed demo }

    It '100,000 resource names are EventPatternTooLarge (InvalidArgument) and nothing is sent' {
        $names = [string[]](1..100000 | ForEach-Object { "training-job-$_" })
        $null = Reset-TestEmulatorRequestCount
        New-SageMakerEventRule -Name too-many -EventType TrainingJobStateChange -ResourceName $names -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-ErrorId $errors[0] | Should -Be 'EventPatternTooLarge'
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $errors[0].Exception.GetType().Name | Should -Be 'MonitoringException'
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        @($errors[0].TargetObject).Count | Should -Be 100000

        Set-SageMakerEventRule -Name demo-training-failed -EventType TrainingJobStateChange -ResourceName $names -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventPatternTooLarge'
        Get-MutatingRequestCount | Should -Be 0
    }

    It 'a pattern over the size limit given as text is EventPatternTooLarge, an invalid one InvalidEventPattern naming the part' {
        $long = '{"detail":{"n":[' + ((1..1000 | ForEach-Object { '"x' + $_ + '"' }) -join ',') + ']}}'
        New-SageMakerEventRule -Name long-pattern -EventPattern $long -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'EventPatternTooLarge'
        Set-SageMakerEventRule -Name demo-training-failed -EventPattern '{"detail":{"a":[{"numeric":[">",1e400]}]}}' -ErrorVariable errors -ErrorAction SilentlyContinue
        Get-ErrorId $errors[0] | Should -Be 'InvalidEventPattern'
        $errors[0].Exception.Message | Should -BeLike "*'detail.a``[0``].numeric``[1``]'*"
    }

    It 'the emulator refuses a malformed target ARN for the whole call, as EventBridge does' {
        $record = $null
        try { Add-SageMakerEventRuleTarget -RuleName demo-training-failed -Id bad -Arn 'not-an-arn' -ErrorVariable errors -ErrorAction Stop }
        catch { $record = $_ }
        Get-ErrorId $record | Should -Be 'ValidationException'
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -BeLike '*not-an-arn*'
        @((Get-SageMakerEventRuleTarget -RuleName demo-training-failed).Id) | Should -Be @('notify-oncall')
    }
}
