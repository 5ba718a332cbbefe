# A clean AWS environment for test processes: a developer's AWS_* variables (AWS_PROFILE, AWS_REGION, AWS_MAX_ATTEMPTS,
# AWS_ENDPOINT_URL, AWS_CONFIG_FILE, ...) must never change a test's result.
# Used by build.ps1 (test task), tests/Pester/Invoke-Pester.ps1 and tests/Pester/TestHelpers.psm1.

Set-StrictMode -Version 3.0

function Get-AwsEnvironmentVariableName {
    <# The names of every AWS_* variable in this process's environment. #>
    @([Environment]::GetEnvironmentVariables().Keys | Where-Object { $_ -like 'AWS_*' } | Sort-Object)
}

function Set-EnvironmentValue {
    <#
    Sets an environment variable of this process, or removes it when -Value is $null. (Passing $null straight to
    [Environment]::SetEnvironmentVariable from PowerShell sets an empty string instead, which e.g. the aws CLI reads as
    AWS_MAX_ATTEMPTS='' or a profile named ''.)
    #>
    param([Parameter(Mandatory)] [string] $Name, [AllowNull()] [AllowEmptyString()] $Value)
    if ($null -eq $Value) { [Environment]::SetEnvironmentVariable($Name, [NullString]::Value) }
    else { [Environment]::SetEnvironmentVariable($Name, [string]$Value) }
}

function Get-HermeticAwsEnvironment {
    <#
    A table of environment variables for a child process (as Invoke-Pwsh -Environment takes it): every AWS_* variable of
    this process mapped to $null (removed), the shared config and credentials files pointed at empty files of our own,
    and instance metadata switched off. Add what the child really needs on top.
    #>
    $table = @{}
    foreach ($name in Get-AwsEnvironmentVariableName) { $table[$name] = $null }
    $folder = Join-Path ([IO.Path]::GetTempPath()) "sagemakermonitoring-tests-aws-$PID"
    New-Item -ItemType Directory -Path $folder -Force | Out-Null
    foreach ($file in 'config', 'credentials') {
        $path = Join-Path $folder $file
        if (-not (Test-Path -LiteralPath $path)) { [IO.File]::WriteAllText($path, '') }
    }
    $table['AWS_CONFIG_FILE'] = Join-Path $folder 'config'
    $table['AWS_SHARED_CREDENTIALS_FILE'] = Join-Path $folder 'credentials'
    $table['AWS_EC2_METADATA_DISABLED'] = 'true'
    return $table
}

function Enter-HermeticAwsEnvironment {
    <#
    Applies Get-HermeticAwsEnvironment to this process and returns what it replaced; Exit-HermeticAwsEnvironment puts
    that back.
    #>
    $saved = @{}
    $table = Get-HermeticAwsEnvironment
    foreach ($name in $table.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        Set-EnvironmentValue $name $table[$name]
    }
    return $saved
}

function Exit-HermeticAwsEnvironment {
    <# Puts back the AWS_* variables Enter-HermeticAwsEnvironment replaced, and removes any AWS_* set since. #>
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($name in Get-AwsEnvironmentVariableName) {
        if (-not $Saved.ContainsKey($name)) { Set-EnvironmentValue $name $null }
    }
    foreach ($name in $Saved.Keys) { Set-EnvironmentValue $name $Saved[$name] }
}

Export-ModuleMember -Function Set-EnvironmentValue, Get-AwsEnvironmentVariableName, Get-HermeticAwsEnvironment, Enter-HermeticAwsEnvironment, Exit-HermeticAwsEnvironment
