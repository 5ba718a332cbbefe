# Chooses the build of the cmdlet assembly for this PowerShell and imports it as the module's one nested module.
# - PowerShell 7.6+ (.NET 10) on linux-x64, win-x64 or osx-arm64: net10.0-<rid>/, ReadyToRun images of the module and
#   its AWS SDK assemblies, so the first call does not wait for the JIT (ReadyToRun code made for one .NET major
#   version is not used by another, hence one folder per version and platform).
# - Anything else, Windows PowerShell 5.1 included: the netstandard2.0 build beside this file.
# On PowerShell 7 (.NET 8+) the chosen build loads into the module's own AssemblyLoadContext, defined by
# loader/SageMakerMonitoring.Loader.dll (the only assembly of the module in PowerShell's default context), so the
# module's AWSSDK.Core never clashes with one AWS Tools for PowerShell loads by path, before or after. Windows
# PowerShell 5.1 (and PowerShell 7 on .NET 6/7) imports the dll by path into the one context there is, as before.
$folder = $PSScriptRoot
if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -eq 10) {
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } elseif ($IsLinux) { 'linux' } else { '' }
    $candidate = [System.IO.Path]::Combine($PSScriptRoot, "net10.0-$os-$architecture")
    if ($os -and [System.IO.File]::Exists([System.IO.Path]::Combine($candidate, 'SageMakerMonitoring.dll'))) { $folder = $candidate }
}
$cmdletAssembly = [System.IO.Path]::Combine($folder, 'SageMakerMonitoring.dll')
if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -ge 8) {
    $loader = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, 'loader', 'SageMakerMonitoring.Loader.dll'))
    $context = $loader.GetType('SageMakerMonitoring.Loading.ModuleLoadContext', $true)::ForFolder($folder)
    # Import-Module -Assembly treats an assembly still listed from an earlier import (Import-Module -Force keeps the
    # nested entry) as loaded and imports nothing; this script only runs on a first import or a forced one, so any
    # entry for the cmdlet assembly is such a leftover. (Looked for only on a second import: Get-Module costs ~40 ms.)
    if ($context.HasLoaded('SageMakerMonitoring')) { Get-Module -All | Where-Object { $_.Path -eq $cmdletAssembly } | Remove-Module -Force }
    Import-Module -Assembly $context.LoadModuleAssembly('SageMakerMonitoring') -ErrorAction Stop
}
else {
    Import-Module -Name $cmdletAssembly -ErrorAction Stop
}
Export-ModuleMember -Cmdlet *
