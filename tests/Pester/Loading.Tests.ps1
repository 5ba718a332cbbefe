# Per-edition loading on PowerShell 7: which build of the cmdlet assembly the module loads (ReadyToRun images in
# net10.0-<rid>/ on PowerShell 7.6+, the netstandard2.0 build otherwise), that it loads into the module's own
# AssemblyLoadContext (the default context gets only loader/SageMakerMonitoring.Loader.dll), that the module's private
# dependencies stay out of the process (PowerShell's own System.* assemblies answer), that formats, help, completers
# and Get-Command work from there, and that Remove-Module / Import-Module works. Each case runs in a fresh pwsh against
# the emulator. (Windows PowerShell 5.1's AssemblyResolve handler is covered by
# xunit: AssemblyRedirectPolicyTests and DesktopDependencyClosureTests.)

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    $emulator = Start-TestEmulator -Seed demo
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $runtimeFolder = "net10.0-$os-$architecture"

    # A real call, then what the process loaded: every assembly whose file is in the module folder, and whether the
    # cmdlet assembly carries ReadyToRun code (a managed native header in its CLI header).
    function Get-LoadScript([string] $Path) {
        @"
`$ErrorActionPreference = 'Stop'
Import-Module '$Path'
`$job = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 10m | Select-Object -First 1
'POINT=' + (`$null -ne `$job)
`$root = [IO.Path]::GetFullPath('$Path')
foreach (`$assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    if (`$assembly.IsDynamic -or -not `$assembly.Location) { continue }
    if (`$assembly.Location.StartsWith(`$root, [StringComparison]::Ordinal)) { 'MODULE=' + `$assembly.Location.Substring(`$root.Length + 1).Replace('\', '/') }
    elseif (`$assembly.GetName().Name -like 'System.*') { }
}
'JSON=' + [System.Text.Json.JsonSerializer].Assembly.Location
`$cmdlet = (Get-Command Get-SageMakerMetric).ImplementingType.Assembly.Location
`$stream = [IO.File]::OpenRead(`$cmdlet)
try { `$headers = [System.Reflection.PortableExecutable.PEReader]::new(`$stream).PEHeaders; 'R2R=' + (`$headers.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0) }
finally { `$stream.Dispose() }
"@
    }

    function Get-Loaded($Result) { @(($Result.Output -split '\r?\n') | Where-Object { $_ -like 'MODULE=*' } | ForEach-Object { $_.Substring(7) } | Sort-Object) }
}

AfterAll {
    Stop-TestEmulator
}

Describe 'Loading on PowerShell 7' {
    It 'loads the ReadyToRun build for this platform on PowerShell 7.6+' -Skip:([Environment]::Version.Major -ne 10) {
        $result = Invoke-TestPwsh -Script (Get-LoadScript $modulePath)
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'POINT=True'
        $result.Output | Should -Match 'R2R=True'
        $loaded = Get-Loaded $result
        $loaded | Should -Contain "$runtimeFolder/SageMakerMonitoring.dll"
        $loaded | Should -Contain "$runtimeFolder/SageMakerMonitoring.Core.dll"
        $loaded | Should -Contain "$runtimeFolder/AWSSDK.Core.dll"
        # Nothing from the root folder but the loader: one copy of each assembly.
        @($loaded | Where-Object { $_ -notlike "$runtimeFolder/*" }) | Should -Be @('loader/SageMakerMonitoring.Loader.dll')
    }

    It 'sends one request through .NET''s HTTP stack at import, in memory: no socket, no AWS call, no AWS setting read' -Skip:([Environment]::Version.Major -ne 10) {
        Reset-TestEmulatorRequestCount
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
function Get-SocketCount { @(Get-ChildItem /proc/self/fd -ErrorAction SilentlyContinue | Where-Object { `$_.Target -like 'socket:*' }).Count }
`$before = Get-SocketCount
Import-Module '$modulePath'
`$cmdlets = (Get-Command Get-SageMakerMetric).ImplementingType.Assembly
`$run = `$cmdlets.GetType('SageMakerMonitoring.Loading.HttpWarmUp', `$true).GetProperty('Run', [Reflection.BindingFlags]'NonPublic, Static').GetValue(`$null)
'WARMED=' + `$run.GetAwaiter().GetResult()
'SOCKETS=' + (`$before -eq (Get-SocketCount))
'SDKCONFIG=' + @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'WARMED=True'
        if ($IsLinux) { $result.Output | Should -Match 'SOCKETS=True' }
        # The AWS SDK is not even loaded until the first call, so nothing it resolves from the environment is read early.
        $result.Output | Should -Match 'SDKCONFIG=0'
        Get-TestEmulatorRequestCount | Should -Be 0 -Because 'nothing reaches a service'
    }

    It 'keeps the module''s private dependencies out: System.* comes from PowerShell itself' {
        $result = Invoke-TestPwsh -Script (Get-LoadScript $modulePath)
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $loaded = Get-Loaded $result
        $loaded | Should -Not -BeNullOrEmpty
        @($loaded | Where-Object { ($_ -split '/')[-1] -notmatch '^(SageMakerMonitoring(\.Core|\.Loader)?|AWSSDK\.[A-Za-z]+)\.dll$' }) | Should -BeNullOrEmpty
        $result.Output | Should -Not -Match ('JSON=' + [regex]::Escape($modulePath))
    }

    It 'keeps the module''s assemblies in their own load context: the default one holds only the loader' {
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
'POINT=' + (`$null -ne (Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 10m | Select-Object -First 1))
foreach (`$assembly in [AppDomain]::CurrentDomain.GetAssemblies()) {
    `$name = `$assembly.GetName().Name
    if (`$name -like 'SageMakerMonitoring*' -or `$name -like 'AWSSDK.*') {
        'CONTEXT=' + `$name + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name
    }
}
'LITERAL=' + (`$null -ne ('Amazon.Runtime.AWSCredentials' -as [type]))
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'POINT=True'
        $contexts = @(($result.Output -split '\r?\n') | Where-Object { $_ -like 'CONTEXT=*' } | ForEach-Object { $_.Substring(8) } | Sort-Object)
        $contexts | Should -Contain 'SageMakerMonitoring.Loader@Default'
        $contexts | Should -Contain 'SageMakerMonitoring@SageMakerMonitoring'
        $contexts | Should -Contain 'SageMakerMonitoring.Core@SageMakerMonitoring'
        $contexts | Should -Contain 'AWSSDK.Core@SageMakerMonitoring'
        @($contexts | Where-Object { $_ -like '*@Default' }) | Should -Be @('SageMakerMonitoring.Loader@Default')
        # So no AWSSDK type is visible to the session by name: a module loading its own by path meets no clash.
        $result.Output | Should -Match 'LITERAL=False'
    }

    It 'serves format views, help, completion and Get-Command from its own load context' {
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
'COMMANDS=' + @(Get-Command -Module SageMakerMonitoring).Count
`$help = Get-Help Get-SageMakerMetric -Full
'SYNOPSIS=' + (-not [string]::IsNullOrWhiteSpace(`$help.Synopsis) -and `$help.Synopsis -notlike 'Get-SageMakerMetric *')
'EXAMPLES=' + @(`$help.examples.example).Count
`$line = 'Get-SageMakerMetric -Region eu-west-'
'COMPLETION=' + ((TabExpansion2 -inputScript `$line -cursorColumn `$line.Length).CompletionMatches.CompletionText -join ',')
`$point = Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 10m | Select-Object -First 1
'VIEW=' + ((`$point | Out-String -Width 200) -split '\r?\n' | Where-Object { `$_ -match '\S' } | Select-Object -First 1)
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $expected = @((Import-PowerShellDataFile (Join-Path $modulePath 'SageMakerMonitoring.psd1')).CmdletsToExport).Count
        $result.Output | Should -Match "COMMANDS=$expected(\r?\n|$)"
        # The MAML beside the cmdlet assembly, not PowerShell's generated stub (which repeats the syntax).
        $result.Output | Should -Match 'SYNOPSIS=True'
        $result.Output | Should -Match 'EXAMPLES=([2-9]|\d\d)'
        $result.Output | Should -Match 'COMPLETION=[^\r\n]*eu-west-1'
        # The table view of Metrics.format.ps1xml (its header row), not a property list.
        $result.Output | Should -Match 'VIEW=Time \(UTC\)\s+Host/Variant\s+MetricName\s+Statistic\s+Value'
    }

    It 'lets the AWS SDK find its optional assemblies by name in the module''s context (STS for an assume-role profile)' {
        # AWSSDK.Core loads AWSSDK.SecurityToken by name when a profile assumes a role; from the module's context that
        # must resolve to the module's copy. The emulator has no STS, so the AssumeRole call itself fails over HTTP.
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('smm-role-' + [Guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $folder
        try {
            Set-Content -LiteralPath (Join-Path $folder 'credentials') -Value "[default]`naws_access_key_id = AKIAIOSFODNN7EXAMPLE`naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            Set-Content -LiteralPath (Join-Path $folder 'config') -Value "[profile role]`nrole_arn = arn:aws:iam::123456789012:role/probe`nsource_profile = default`nregion = us-east-1"
            $result = Invoke-TestPwsh -Environment @{ AWS_CONFIG_FILE = (Join-Path $folder 'config'); AWS_SHARED_CREDENTIALS_FILE = (Join-Path $folder 'credentials') } -Script @"
Import-Module '$modulePath'
try { Get-SageMakerEventRule -ProfileName role -ErrorAction Stop; 'CALL=ok' } catch { 'CALL=' + `$_.Exception.Message }
foreach (`$assembly in [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.SecurityToken' }) {
    'STS=' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$assembly).Name + '@' + `$assembly.Location
}
"@
        }
        finally { Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue }
        $result.Output | Should -Match 'CALL=Error calling AssumeRole for role arn:aws:iam::123456789012:role/probe'
        $result.Output | Should -Match ('STS=SageMakerMonitoring@' + [regex]::Escape($modulePath))
    }

    It 'falls back to the netstandard2.0 build when there is no ReadyToRun folder for this PowerShell' {
        $copy = Join-Path ([IO.Path]::GetTempPath()) ('smm-fallback-' + [Guid]::NewGuid().ToString('n'))
        $target = Join-Path $copy 'SageMakerMonitoring'
        Copy-Item -LiteralPath $modulePath -Destination $target -Recurse
        Get-ChildItem -LiteralPath $target -Directory -Filter 'net10.0-*' | Remove-Item -Recurse -Force
        try {
            $result = Invoke-TestPwsh -Script (Get-LoadScript $target)
            $result.ExitCode | Should -Be 0 -Because $result.Output
            $result.Output | Should -Match 'POINT=True'
            $result.Output | Should -Match 'R2R=False'
            $loaded = Get-Loaded $result
            $loaded | Should -Contain 'SageMakerMonitoring.dll'
            $loaded | Should -Contain 'AWSSDK.Core.dll'
            @($loaded | Where-Object { $_ -like 'System.*' }) | Should -BeNullOrEmpty
        }
        finally { Remove-Item -LiteralPath $copy -Recurse -Force -ErrorAction SilentlyContinue }
    }

    It 'can be removed and imported again, and imported with -Force, in one session' {
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$modulePath'
Remove-Module SageMakerMonitoring
'GONE=' + (@(Get-Module -All -Name SageMakerMonitoring).Count -eq 0)
Import-Module '$modulePath'
'COMMANDS=' + @(Get-Command -Module SageMakerMonitoring).Count
Import-Module '$modulePath' -Force
Import-Module '$modulePath' -Force
'FORCED=' + @(Get-Command -Module SageMakerMonitoring).Count
'POINT=' + (`$null -ne (Get-SageMakerMetric -TrainingJobName demo-train-resnet50 -MetricName CPUUtilization -Since 10m | Select-Object -First 1))
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match 'GONE=True'
        $expected = @((Import-PowerShellDataFile (Join-Path $modulePath 'SageMakerMonitoring.psd1')).CmdletsToExport).Count
        $result.Output | Should -Match "COMMANDS=$expected(\r?\n|$)"
        $result.Output | Should -Match "FORCED=$expected(\r?\n|$)"
        $result.Output | Should -Match 'POINT=True'
    }
}
