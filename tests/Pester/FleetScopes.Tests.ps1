# Region and Account on every output object: the Region the call went to, the account from the resource's ARN (when
# SageMaker listed or described it) or from STS GetCallerIdentity (the emulator maps each access key to an account and
# each account x Region to a world of its own).

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:modulePath = Get-TestModulePath
    Import-Module $script:modulePath -Force
    $script:emulator = Start-TestEmulator -Seed empty
    $script:Now = [DateTime]::UtcNow
    $script:DefaultAccount = '123456789012'
    $script:OtherAccount = '210987654321'
    $script:OtherKey = 'AKIAFLEETSCOPES00001'
    $script:OtherSecret = 'fleet-scopes-secret-00000000000000000001'
    Invoke-TestEmulatorRoute -Method POST -Route keys -Body @{ accessKeyId = $script:OtherKey; secretAccessKey = $script:OtherSecret; accountId = $script:OtherAccount } | Out-Null

    # One training job with metrics and logs in a world: (account, region) and the credentials that reach it.
    function Add-ScopedJob {
        param([string] $Name, [string] $Region = 'us-east-1', [string] $Account, [hashtable] $Credential = @{})
        $created = $script:Now.AddHours(-2).ToString('o')
        $body = @{ type = 'TrainingJob'; name = $Name; status = 'Completed'; creationTime = $created; startTime = $created; region = $Region }
        if ($Account) { $body.account = $Account }
        Invoke-TestEmulatorControl -Service sagemaker -Action upsert -Body $body | Out-Null
        Write-SageMakerMetric -Namespace '/aws/sagemaker/TrainingJobs' -MetricName CPUUtilization -Value 7 -Timestamp $script:Now.AddMinutes(-20) `
            -Dimension @{ Host = "$Name/algo-1" } -Region $Region @Credential
        $logs = @{ logGroupName = '/aws/sagemaker/TrainingJobs'; logStreamName = "$Name/algo-1-1700000000"; region = $Region
            events = @(@{ timestamp = $script:Now.AddMinutes(-30).ToString('o'); message = "hello from $Name in $Region" }) }
        if ($Account) { $logs.account = $Account }
        Invoke-TestEmulatorControl -Service logs -Action append -Body $logs | Out-Null
    }

    $Other = @{ AccessKey = $script:OtherKey; SecretKey = $script:OtherSecret }
    Add-ScopedJob -Name 'scope-job-1'
    Add-ScopedJob -Name 'scope-job-2'
    Add-ScopedJob -Name 'scope-job-1' -Region 'eu-west-1' -Account $script:OtherAccount -Credential $Other
    Add-ScopedJob -Name 'scope-job-1' -Region 'eu-west-1'
    Add-ScopedJob -Name 'scope-job-9' -Account $script:OtherAccount -Credential $Other

    # Two profiles in one credentials file: fleet-a (the default key, account 123456789012) and fleet-b (the other
    # account); fleet-bad's key is unknown to the emulator.
    $script:Credentials = Join-Path ([IO.Path]::GetTempPath()) ('smm-fleet-' + [Guid]::NewGuid().ToString('n') + '.ini')
    @(
        '[fleet-a]', "aws_access_key_id = $env:AWS_ACCESS_KEY_ID", "aws_secret_access_key = $env:AWS_SECRET_ACCESS_KEY", ''
        '[fleet-b]', "aws_access_key_id = $script:OtherKey", "aws_secret_access_key = $script:OtherSecret", ''
        '[fleet-bad]', 'aws_access_key_id = AKIAFLEETUNKNOWN9999', 'aws_secret_access_key = not-a-known-secret', ''
    ) | Set-Content -LiteralPath $script:Credentials -Encoding utf8NoBOM
}

AfterAll {
    Stop-TestEmulator
    Remove-Item -LiteralPath $script:Credentials -Force -ErrorAction SilentlyContinue
}

Describe 'Region and Account' {
    It 'datapoints of listed jobs carry the Region and the account of their ARN' {
        $points = @(Get-SageMakerMetric -TrainingJobName 'scope-job-*' -MetricName CPUUtilization -Since 2h)
        $points.Count | Should -Be 2
        $points | ForEach-Object {
            $_.Region | Should -Be 'us-east-1'
            $_.Account | Should -Be $script:DefaultAccount
        }
    }

    It 'a plain name in another account and Region takes its account from STS' {
        $points = @(Get-SageMakerMetric -TrainingJobName 'scope-job-1' -MetricName CPUUtilization -Since 2h -Region eu-west-1 @Other)
        $points.Count | Should -Be 1
        $points[0].Region | Should -Be 'eu-west-1'
        $points[0].Account | Should -Be $script:OtherAccount
    }

    It 'series, metrics, log streams, log events and query rows carry them too' {
        $series = @(Get-SageMakerMetric -TrainingJobName 'scope-job-1' -MetricName CPUUtilization -Since 2h -AsSeries -Region eu-west-1 @Other)
        $metrics = @(Find-SageMakerMetric -TrainingJobName 'scope-job-1' -Region eu-west-1 @Other)
        $streams = @(Get-SageMakerLogStream -TrainingJobName 'scope-job-1' -Region eu-west-1 @Other)
        $events = @(Get-SageMakerLogEvent -TrainingJobName 'scope-job-1' -Since 2h -Region eu-west-1 @Other)
        $rows = @(Invoke-SageMakerLogQuery -TrainingJobName 'scope-job-1' -Query 'fields @message' -Since 2h -Region eu-west-1 @Other)
        $events.Message | Should -Be 'hello from scope-job-1 in eu-west-1'
        foreach ($item in @($series) + @($metrics) + @($streams) + @($events) + @($rows)) {
            $item.Region | Should -Be 'eu-west-1'
            $item.Account | Should -Be $script:OtherAccount
        }
        @($series).Count + @($metrics).Count + @($streams).Count + @($events).Count + @($rows).Count | Should -BeGreaterOrEqual 5
    }

    It 'the properties are there for Export-Csv and ConvertTo-Json' {
        $csv = Get-SageMakerMetric -TrainingJobName 'scope-job-2' -MetricName CPUUtilization -Since 2h | ConvertTo-Csv -NoTypeInformation
        $row = $csv | ConvertFrom-Csv
        $row.Region | Should -Be 'us-east-1'
        $row.Account | Should -Be $script:DefaultAccount
        (Get-SageMakerLogEvent -TrainingJobName 'scope-job-2' -Since 2h | ConvertTo-Json | ConvertFrom-Json).Region | Should -Be 'us-east-1'
    }

    It 'STS is asked once per credentials, however many calls' {
        $key = 'AKIAFLEETSCOPES00002'
        Invoke-TestEmulatorRoute -Method POST -Route keys -Body @{ accessKeyId = $key; secretAccessKey = $script:OtherSecret; accountId = $script:OtherAccount } | Out-Null
        Reset-TestEmulatorRequestCount | Out-Null
        $streams = 1..3 | ForEach-Object { Get-SageMakerLogStream -TrainingJobName 'scope-job-1' -Region eu-west-1 -AccessKey $key -SecretKey $script:OtherSecret }
        @($streams).Count | Should -Be 3
        $streams | ForEach-Object { $_.Account | Should -Be $script:OtherAccount }
        Get-TestEmulatorRequestCount -Operation GetCallerIdentity | Should -Be 1
    }

    It 'a read nobody asks the account of makes no STS call; the first read of Account makes one' {
        $key = 'AKIAFLEETSCOPES00003'
        Invoke-TestEmulatorRoute -Method POST -Route keys -Body @{ accessKeyId = $key; secretAccessKey = $script:OtherSecret; accountId = $script:OtherAccount } | Out-Null
        Reset-TestEmulatorRequestCount | Out-Null
        $points = @(Get-SageMakerMetric -TrainingJobName 'scope-job-1' -MetricName CPUUtilization -Since 2h -Region eu-west-1 -AccessKey $key -SecretKey $script:OtherSecret)
        $points.Count | Should -Be 1
        Get-TestEmulatorRequestCount -Operation GetCallerIdentity | Should -Be 0
        $points[0].Account | Should -Be $script:OtherAccount
        $points[0].Account | Should -Be $script:OtherAccount
        Get-TestEmulatorRequestCount -Operation GetCallerIdentity | Should -Be 1
    }

    It 'utilization statistics and findings carry them too' {
        $statistics = @(Measure-SageMakerUtilization -TrainingJobName 'scope-job-1' -Source CloudWatch -Region eu-west-1 @Other -WarningAction SilentlyContinue)
        $findings = @(Get-SageMakerUtilizationFinding -TrainingJobName 'scope-job-1' -Source CloudWatch -Region eu-west-1 @Other -WarningAction SilentlyContinue)
        $statistics.Count | Should -BeGreaterThan 0
        $findings.Count | Should -BeGreaterThan 0
        foreach ($item in @($statistics) + @($findings)) {
            $item.Region | Should -Be 'eu-west-1'
            $item.Account | Should -Be $script:OtherAccount
        }
    }
}

Describe 'Several Regions and profiles in one call' {
    It 'every -Region is read, each object saying where it came from' {
        $points = @(Get-SageMakerMetric -TrainingJobName 'scope-job-*' -Region us-east-1, eu-west-1 -MetricName CPUUtilization -Since 2h)
        @($points | ForEach-Object { "$($_.Region)/$($_.Account)/$($_.ResourceName)" } | Sort-Object) | Should -Be @(
            "eu-west-1/$script:DefaultAccount/scope-job-1"
            "us-east-1/$script:DefaultAccount/scope-job-1"
            "us-east-1/$script:DefaultAccount/scope-job-2"
        )
    }

    It 'each -ProfileName with each -Region (the cross product)' {
        $events = @(Get-SageMakerLogEvent -TrainingJobName 'scope-job-*' -ProfileName fleet-a, fleet-b -ProfileLocation $script:Credentials -Region us-east-1, eu-west-1 -Since 2h -ThrottleLimit 2)
        @($events | ForEach-Object { "$($_.Account)|$($_.Region)|$($_.Message)" } | Sort-Object) | Should -Be @(
            "$script:DefaultAccount|eu-west-1|hello from scope-job-1 in eu-west-1"
            "$script:DefaultAccount|us-east-1|hello from scope-job-1 in us-east-1"
            "$script:DefaultAccount|us-east-1|hello from scope-job-2 in us-east-1"
            "$script:OtherAccount|eu-west-1|hello from scope-job-1 in eu-west-1"
            "$script:OtherAccount|us-east-1|hello from scope-job-9 in us-east-1"
        )
    }

    It 'piped objects with ProfileName and Region choose the scope of each' {
        $points = @(
            [pscustomobject]@{ ProfileName = 'fleet-b'; Region = 'eu-west-1' }
            [pscustomobject]@{ ProfileName = 'fleet-a'; Region = 'us-east-1' }
        ) | Get-SageMakerMetric -TrainingJobName 'scope-job-[19]' -ProfileLocation $script:Credentials -MetricName CPUUtilization -Since 2h
        @($points | ForEach-Object { "$($_.Account)/$($_.Region)/$($_.ResourceName)" }) | Should -Be @(
            "$script:OtherAccount/eu-west-1/scope-job-1"
            "$script:DefaultAccount/us-east-1/scope-job-1"
        )
    }

    It 'a scope that fails is an error naming it, and the other scopes are still read' {
        $errors = $null
        $points = @(Get-SageMakerMetric -TrainingJobName 'scope-job-*' -ProfileName fleet-bad, fleet-b -ProfileLocation $script:Credentials -Region us-east-1 `
            -MetricName CPUUtilization -Since 2h -ErrorVariable errors -ErrorAction SilentlyContinue)
        @($points | ForEach-Object { "$($_.Account)/$($_.ResourceName)" }) | Should -Be @("$script:OtherAccount/scope-job-9")
        @($errors).Count | Should -Be 1
        $errors[0].ToString() | Should -Match "^profile 'fleet-bad' in us-east-1: "
        $errors[0].TargetObject | Should -Be "profile 'fleet-bad' in us-east-1"
    }

    It 'a cmdlet that works in one scope refuses several' {
        { Export-SageMakerReport -TrainingJobName scope-job-1 -Region us-east-1, eu-west-1 -Path (Join-Path ([IO.Path]::GetTempPath()) 'smm-x.html') -ErrorAction Stop } |
            Should -Throw -ErrorId 'OneRegionAndProfileOnly*'
    }
}

Describe 'Export-SageMakerMetric -All over several Regions' {
    It 'archives each Region under its own region= partition, and a rerun adds nothing' {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('smm-fleet-archive-' + [Guid]::NewGuid().ToString('n'))
        try {
            $summaries = @(Export-SageMakerMetric -All -Region us-east-1, eu-west-1 -Path $path -Since 2h -SettleDelay 0)
            @($summaries | ForEach-Object { "$($_.Region)/$($_.Account)/$($_.Datapoints)" }) | Should -Be @(
                "us-east-1/$script:DefaultAccount/2"
                "eu-west-1/$script:DefaultAccount/1"
            )
            $folders = @(Get-ChildItem -LiteralPath $path -Recurse -Filter 'part-*' | ForEach-Object {
                ($_.FullName.Substring($path.Length + 1) -replace '\\', '/') -replace '/date=.*$', '' } | Sort-Object -Unique)
            $folders | Should -Be @(
                'region=eu-west-1/namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=scope-job-1'
                'region=us-east-1/namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=scope-job-1'
                'region=us-east-1/namespace=%2Faws%2Fsagemaker%2FTrainingJobs/resource=scope-job-2'
            )
            $again = @(Export-SageMakerMetric -All -Region us-east-1, eu-west-1 -Path $path -Since 2h -SettleDelay 0)
            @($again.Datapoints) | Should -Be @(0, 0)
        }
        finally {
            Remove-Item -LiteralPath $path -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'refuses several profiles: an archive holds one account' {
        { Export-SageMakerMetric -All -ProfileName fleet-a, fleet-b -ProfileLocation $script:Credentials -Path (Join-Path ([IO.Path]::GetTempPath()) 'smm-x') -ErrorAction Stop } |
            Should -Throw -ErrorId 'OneRegionAndProfileOnly*'
    }
}
