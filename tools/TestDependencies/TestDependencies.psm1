# Locates the packages restored by TestDependencies.csproj (restoring them first): Pester and an older AWSSDK.Core.

Set-StrictMode -Version 3.0

$PesterVersion = '6.2.0'
$OlderAwsSdkCoreVersion = '4.0.102.19'

function Get-NuGetPackagesFolder {
    if ($env:NUGET_PACKAGES) { return $env:NUGET_PACKAGES }
    $lines = & dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'dotnet nuget locals global-packages --list failed.' }
    foreach ($line in $lines) {
        if ($line -match 'global-packages:\s*(.+)$') { return $Matches[1].Trim() }
    }
    throw 'Cannot find the NuGet global packages folder.'
}

function Restore-TestDependency {
    <#
    Restores tools/TestDependencies/TestDependencies.csproj (a no-op when already restored) and returns the paths:
    PesterModule (Pester.psd1) and OlderAwsSdkCore (AWSSDK.Core.dll 4.0.x, netstandard2.0 build).
    #>
    $project = Join-Path $PSScriptRoot 'TestDependencies.csproj'
    & dotnet restore $project --verbosity quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet restore $project failed (exit code $LASTEXITCODE)." }
    $packages = Get-NuGetPackagesFolder
    $paths = [pscustomobject]@{
        PesterModule    = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
        OlderAwsSdkCore = Join-Path $packages "awssdk.core/$OlderAwsSdkCoreVersion/lib/netstandard2.0/AWSSDK.Core.dll"
    }
    foreach ($path in $paths.PSObject.Properties.Value) {
        if (-not (Test-Path -LiteralPath $path)) { throw "Restored test dependencies but '$path' is missing." }
    }
    return $paths
}

Export-ModuleMember -Function Restore-TestDependency
