# Starting the child processes the build and the tests need: a fresh pwsh, the dotnet host, the staged emulator.
# Used by build.ps1, tests/Pester/Invoke-Pester.ps1, tests/Pester/TestHelpers.psm1 and the benchmarks.

Set-StrictMode -Version 3.0

function Get-DotnetPath {
    <# The dotnet host: the one that started this process when there is one, else the first on PATH. #>
    if ($env:DOTNET_HOST_PATH -and (Test-Path -LiteralPath $env:DOTNET_HOST_PATH)) { return $env:DOTNET_HOST_PATH }
    $processPath = [Environment]::ProcessPath
    if ($processPath -and [IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { return $processPath }
    $command = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw 'The .NET SDK (dotnet) was not found on PATH.' }
    return $command.Source
}

function Get-PwshCommandLine {
    <#
    The command that starts a fresh PowerShell of the same version as this one, as an array: the executable, then any
    arguments that must come first. Under `dotnet pwsh` (the local tool) that is the tool's own pwsh apphost, or
    `dotnet <PSHOME>/pwsh.dll` where the apphost cannot be executed.
    #>
    $appHost = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
    if (Test-Path -LiteralPath $appHost) {
        if ($IsWindows) { return , @($appHost) }
        $mode = (Get-Item -LiteralPath $appHost).UnixFileMode
        if ($mode -band [IO.UnixFileMode]::UserExecute) { return , @($appHost) }
    }
    $pwshDll = Join-Path $PSHOME 'pwsh.dll'
    if (Test-Path -LiteralPath $pwshDll) { return , @((Get-DotnetPath), $pwshDll) }
    throw "Cannot find a pwsh executable or pwsh.dll in '$PSHOME'."
}

function Invoke-Pwsh {
    <#
    Runs a fresh `pwsh -NoProfile -NonInteractive` with the given arguments, streaming its output to this host.
    Returns the exit code.
    #>
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [hashtable] $Environment = @{}
    )
    $commandLine = Get-PwshCommandLine
    $exe = $commandLine[0]
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive') + $ArgumentList
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        # $null removes the variable ([NullString]: a plain $null would become an empty string).
        [Environment]::SetEnvironmentVariable($name, $(if ($null -eq $Environment[$name]) { [NullString]::Value } else { [string]$Environment[$name] }))
    }
    try {
        & $exe @arguments | Out-Host
        return $LASTEXITCODE
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $(if ($null -eq $saved[$name]) { [NullString]::Value } else { $saved[$name] })) }
    }
}

function Start-EmulatorProcess {
    <#
    Starts the staged emulator (out/emulator/SageMakerMonitoring.Emulator.dll) as a child process, waits for its
    `listening on http://127.0.0.1:PORT` line and returns an object with Url, Port and Process.
    Its standard input stays open as a pipe owned by this process: the emulator exits when that pipe closes, so it
    cannot outlive this process even when clean-up code never runs. Stop it with Stop-EmulatorProcess.
    #>
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [int] $Port = 0,
        [ValidateSet('demo', 'empty')] [string] $Seed = 'empty',
        [string[]] $ExtraArgument = @(),
        [int] $TimeoutSeconds = 60
    )
    if (-not (Test-Path -LiteralPath $EmulatorPath)) {
        throw "The emulator is not built: '$EmulatorPath' does not exist. Run 'dotnet pwsh ./build.ps1 build' first."
    }
    $EmulatorPath = (Resolve-Path -LiteralPath $EmulatorPath).ProviderPath
    $logFolder = Join-Path ([IO.Path]::GetTempPath()) ("sagemakermonitoring-emulator-" + [Guid]::NewGuid().ToString('n').Substring(0, 12))
    New-Item -ItemType Directory -Path $logFolder -Force | Out-Null

    $startInfo = [Diagnostics.ProcessStartInfo]::new((Get-DotnetPath))
    $arguments = @($EmulatorPath, '--port', "$Port", '--seed', $Seed, '--exit-on-stdin-close') + $ExtraArgument
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.WorkingDirectory = Split-Path -Parent $EmulatorPath
    $process = [Diagnostics.Process]::Start($startInfo)

    $errorLog = Join-Path $logFolder 'stderr.log'
    $outputLog = Join-Path $logFolder 'stdout.log'
    $errorFile = [IO.File]::Create($errorLog)
    $errorCopy = $process.StandardError.BaseStream.CopyToAsync($errorFile)

    $url = $null
    $seen = [Text.StringBuilder]::new()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    try {
        while (-not $url) {
            $remaining = $deadline - [DateTime]::UtcNow
            if ($remaining -le [TimeSpan]::Zero) { throw "The emulator did not print 'listening on' within $TimeoutSeconds s." }
            $read = $process.StandardOutput.ReadLineAsync()
            if (-not $read.Wait($remaining)) { throw "The emulator did not print 'listening on' within $TimeoutSeconds s." }
            $line = $read.Result
            if ($null -eq $line) { throw "The emulator exited (code $(if ($process.WaitForExit(2000)) { $process.ExitCode } else { '?' })) before it was ready." }
            [void]$seen.AppendLine($line)
            if ($line -match 'listening on (http://\S+)') { $url = $Matches[1].TrimEnd('/') }
        }
    }
    catch {
        Stop-ProcessTree $process
        $errorCopy.Wait(2000) | Out-Null
        $errorFile.Dispose()
        $stderr = Get-Content -LiteralPath $errorLog -Raw -ErrorAction SilentlyContinue
        throw "Could not start the emulator '$EmulatorPath': $($_.Exception.Message)`nstdout:`n$seen`nstderr:`n$stderr"
    }

    $outputFile = [IO.File]::Create($outputLog)
    $outputCopy = $process.StandardOutput.BaseStream.CopyToAsync($outputFile)
    [pscustomobject]@{
        PSTypeName        = 'SageMakerMonitoring.EmulatorProcess'
        Url               = $url
        Port              = ([Uri]$url).Port
        Process           = $process
        StandardOutputLog = $outputLog
        StandardErrorLog  = $errorLog
        Streams           = @($outputFile, $errorFile)
        Copies            = @($outputCopy, $errorCopy)
    }
}

function Stop-EmulatorProcess {
    <# Stops an emulator started by Start-EmulatorProcess: closes its standard input, then kills it if it lingers. #>
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        $process = $Emulator.Process
        try { if (-not $process.HasExited) { $process.StandardInput.Close() } } catch { }
        if (-not $process.WaitForExit(5000)) { Stop-ProcessTree $process }
        foreach ($copy in $Emulator.Copies) { try { $copy.Wait(2000) | Out-Null } catch { } }
        foreach ($stream in $Emulator.Streams) { $stream.Dispose() }
        $process.Dispose()
    }
}

function Stop-ProcessTree([Diagnostics.Process] $Process) {
    try {
        if (-not $Process.HasExited) {
            $Process.Kill($true)
            $Process.WaitForExit(5000) | Out-Null
        }
    }
    catch [InvalidOperationException] { }
}

Export-ModuleMember -Function Get-DotnetPath, Get-PwshCommandLine, Invoke-Pwsh, Start-EmulatorProcess, Stop-EmulatorProcess
