# Many resources in one call: every resource-name parameter takes several names and PowerShell wildcards, resolved with
# SageMaker's List* calls; -CreatedAfter and -Status narrow jobs; a pattern matching nothing is a warning, a misspelled
# plain name stays a <Kind>NotFound error next to a pattern that matches.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed empty
    $script:Now = [DateTime]::UtcNow

    # Per kind: the parameter, the emulator's type, CloudWatch's namespace and the dimensions of one series.
    $script:Kinds = @{
        TrainingJob        = @{ Parameter = 'TrainingJobName'; Namespace = '/aws/sagemaker/TrainingJobs'; Dimension = { param($n) @{ Host = "$n/algo-1" } } }
        ProcessingJob      = @{ Parameter = 'ProcessingJobName'; Namespace = '/aws/sagemaker/ProcessingJobs'; Dimension = { param($n) @{ Host = "$n/algo-1" } } }
        TransformJob       = @{ Parameter = 'TransformJobName'; Namespace = '/aws/sagemaker/TransformJobs'; Dimension = { param($n) @{ Host = "$n/i-0abc" } } }
        Endpoint           = @{ Parameter = 'EndpointName'; Namespace = '/aws/sagemaker/Endpoints'; Dimension = { param($n) @{ EndpointName = $n; VariantName = 'AllTraffic' } } }
        InferenceComponent = @{ Parameter = 'InferenceComponentName'; Namespace = '/aws/sagemaker/InferenceComponents'; Dimension = { param($n) @{ InferenceComponentName = $n } } }
    }

    function Add-Resource {
        param([string] $Type, [string] $Name, [string] $Status = 'Completed', [int] $CreatedHoursAgo = 2)
        $created = $script:Now.AddHours(-$CreatedHoursAgo).ToString('o')
        $body = @{ type = $Type; name = $Name; status = $Status; creationTime = $created; startTime = $created }
        if ($Type -eq 'Endpoint' -or $Type -eq 'InferenceComponent') { $body.status = 'InService' }
        if ($Type -eq 'InferenceComponent') { $body.endpointName = 'fleet-host-endpoint'; $body.variantName = 'AllTraffic' }
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body $body | Out-Null
        $kind = $script:Kinds[$Type]
        Write-SageMakerMetric -Namespace $kind.Namespace -MetricName CPUUtilization -Value 42 -Timestamp $script:Now.AddMinutes(-20) -Dimension (& $kind.Dimension $Name)
    }

    foreach ($type in $script:Kinds.Keys) {
        $stem = "fleet-$($type.ToLowerInvariant())"
        Add-Resource $type "$stem-nightly-1"
        Add-Resource $type "$stem-nightly-2"
        Add-Resource $type "$stem-eval-7"
        Add-Resource $type "$stem-other"
    }
    # Jobs for the filters: statuses and creation times.
    Add-Resource TrainingJob 'filter-old-done' -Status Completed -CreatedHoursAgo 30
    Add-Resource TrainingJob 'filter-new-done' -Status Completed -CreatedHoursAgo 1
    Add-Resource TrainingJob 'filter-new-failed' -Status Failed -CreatedHoursAgo 1
    Add-Resource TrainingJob 'filter-new-stopped' -Status Stopped -CreatedHoursAgo 1
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Wildcards and several names in Get-SageMakerMetric' {
    BeforeDiscovery {
        $script:kindCases = @('TrainingJob', 'ProcessingJob', 'TransformJob', 'Endpoint', 'InferenceComponent') | ForEach-Object { @{ Type = $_ } }
    }

    It '<Type>: a wildcard and a plain name read each matching resource once' -ForEach $kindCases {
        $kind = $script:Kinds[$Type]
        $stem = "fleet-$($Type.ToLowerInvariant())"
        $arguments = @{ $kind.Parameter = @("$stem-NIGHTLY-*", "$stem-eval-7", "$stem-nightly-1"); MetricName = 'CPUUtilization'; Since = '2h' }
        $points = @(Get-SageMakerMetric @arguments -WarningVariable warnings)
        @($points.ResourceName | Sort-Object -Unique) | Should -Be @("$stem-eval-7", "$stem-nightly-1", "$stem-nightly-2")
        # Each resource read once: one point each (nightly-1 is named twice).
        $points.Count | Should -Be 3
        $points | ForEach-Object { $_.ResourceType | Should -Be $Type }
        @($warnings).Count | Should -Be 0
    }

    It '<Type>: * selects every resource of the kind' -ForEach $kindCases {
        $kind = $script:Kinds[$Type]
        $stem = "fleet-$($Type.ToLowerInvariant())"
        $arguments = @{ $kind.Parameter = '*'; MetricName = 'CPUUtilization'; Since = '2h' }
        $names = @(Get-SageMakerMetric @arguments | Select-Object -ExpandProperty ResourceName -Unique | Where-Object { $_ -like "$stem-*" } | Sort-Object)
        $names | Should -Be @("$stem-eval-7", "$stem-nightly-1", "$stem-nightly-2", "$stem-other")
    }

    It 'a pattern that matches nothing is a warning, not an error' {
        $errors = $null
        $points = @(Get-SageMakerMetric -TrainingJobName 'weekly-*' -MetricName CPUUtilization -Since 2h -WarningVariable warnings -ErrorVariable errors -ErrorAction SilentlyContinue)
        $points.Count | Should -Be 0
        @($errors).Count | Should -Be 0
        @($warnings) -join "`n" | Should -Match "No training job name matches 'weekly-\*'"
    }

    It 'a misspelled plain name is still TrainingJobNotFound next to a pattern that matches' {
        $errors = $null
        $points = @(Get-SageMakerMetric -TrainingJobName 'fleet-trainingjob-nightly-*', 'fleet-trainingjob-eval-8' -MetricName CPUUtilization -Since 2h -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($points.ResourceName | Sort-Object -Unique) | Should -Be @('fleet-trainingjob-nightly-1', 'fleet-trainingjob-nightly-2')
        @($errors).Count | Should -Be 1
        ($errors[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'TrainingJobNotFound'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'fleet-trainingjob-eval-8'
        $errors[0].Exception.Message | Should -Match 'fleet-trainingjob-eval-7'
    }

    It 'names bind from the pipeline by property name, several per object' {
        $points = @([pscustomobject]@{ TrainingJobName = 'fleet-trainingjob-nightly-*' }, [pscustomobject]@{ TrainingJobName = @('fleet-trainingjob-eval-7') } |
            Get-SageMakerMetric -MetricName CPUUtilization -Since 2h)
        @($points.ResourceName | Sort-Object -Unique) | Should -Be @('fleet-trainingjob-eval-7', 'fleet-trainingjob-nightly-1', 'fleet-trainingjob-nightly-2')
    }

    It 'a malformed pattern is InvalidWildcardPattern before any call' {
        { Get-SageMakerMetric -TrainingJobName 'fleet-[ab' -Since 2h -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidWildcardPattern*'
    }
}

Describe '-Status and -CreatedAfter' {
    It 'narrow a pattern on the service and in the module' {
        Reset-TestEmulatorRequestCount | Out-Null
        $names = @(Get-SageMakerMetric -TrainingJobName 'filter-*' -Status Failed, stopped -CreatedAfter $script:Now.AddHours(-3) -MetricName CPUUtilization -Since 2h |
            Select-Object -ExpandProperty ResourceName -Unique | Sort-Object)
        $names | Should -Be @('filter-new-failed', 'filter-new-stopped')
    }

    It 'apply to plain names too' {
        $names = @(Get-SageMakerMetric -TrainingJobName 'filter-old-done', 'filter-new-done', 'filter-new-failed' -Status Completed -CreatedAfter $script:Now.AddHours(-3) -MetricName CPUUtilization -Since 2h |
            Select-Object -ExpandProperty ResourceName -Unique)
        $names | Should -Be @('filter-new-done')
    }

    It 'a status the kind does not have is InvalidStatus' {
        { Get-SageMakerMetric -ProcessingJobName 'x*' -Status Deleting -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidStatus*'
    }
}

Describe 'Logs of several resources' {
    BeforeAll {
        foreach ($job in 'fleet-trainingjob-nightly-1', 'fleet-trainingjob-nightly-2', 'fleet-trainingjob-eval-7') {
            Invoke-TestEmulatorControl -Service logs -Action append -Body @{
                logGroupName = '/aws/sagemaker/TrainingJobs'; logStreamName = "$job/algo-1-1700000000"
                events = @(@{ timestamp = $script:Now.AddMinutes(-30).ToString('o'); message = "hello from $job" })
            } | Out-Null
        }
        foreach ($endpoint in 'fleet-endpoint-nightly-1', 'fleet-endpoint-nightly-2') {
            Invoke-TestEmulatorControl -Service logs -Action append -Body @{
                logGroupName = "/aws/sagemaker/Endpoints/$endpoint"; logStreamName = 'AllTraffic/i-0123456789abcdef0'
                events = @(@{ timestamp = $script:Now.AddMinutes(-30).ToString('o'); message = "served by $endpoint" })
            } | Out-Null
        }
    }

    It 'Get-SageMakerLogEvent reads every job a pattern selects' {
        $events = @(Get-SageMakerLogEvent -TrainingJobName 'fleet-trainingjob-nightly-*', 'fleet-trainingjob-eval-7' -Since 2h)
        @($events.Message | Sort-Object) | Should -Be @('hello from fleet-trainingjob-eval-7', 'hello from fleet-trainingjob-nightly-1', 'hello from fleet-trainingjob-nightly-2')
    }

    It 'Get-SageMakerLogStream lists the streams of every endpoint a pattern selects' {
        $streams = @(Get-SageMakerLogStream -EndpointName 'fleet-endpoint-nightly-?')
        @($streams.LogGroupName | Sort-Object) | Should -Be @('/aws/sagemaker/Endpoints/fleet-endpoint-nightly-1', '/aws/sagemaker/Endpoints/fleet-endpoint-nightly-2')
    }

    It 'a misspelled plain name is TrainingJobNotFound while the pattern is still read' {
        $errors = $null
        $events = @(Get-SageMakerLogEvent -TrainingJobName 'fleet-trainingjob-nightly-*', 'fleet-trainingjob-nightly-9x' -Since 2h -ErrorVariable errors -ErrorAction SilentlyContinue)
        $events.Count | Should -Be 2
        @($errors).Count | Should -Be 1
        ($errors[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'TrainingJobNotFound'
    }
}

Describe 'Cmdlets that read one resource' {
    It 'Export-SageMakerReport refuses a pattern matching more than one job' {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('smm-fleet-' + [Guid]::NewGuid().ToString('n') + '.html')
        { Export-SageMakerReport -TrainingJobName 'fleet-trainingjob-nightly-*' -Path $path -ErrorAction Stop } | Should -Throw -ErrorId 'MoreThanOneResource*'
        Test-Path -LiteralPath $path | Should -BeFalse
    }
}
