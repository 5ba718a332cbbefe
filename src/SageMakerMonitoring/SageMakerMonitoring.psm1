# Chooses the build of the cmdlet assembly for this PowerShell and imports it as the module's one nested module.
# - PowerShell 7.6+ (.NET 10) on linux-x64, win-x64 or osx-arm64: net10.0-<rid>/, ReadyToRun images of the module and
#   its AWS SDK assemblies, so the first call does not wait for the JIT (ReadyToRun code made for one .NET major
#   version is not used by another, hence one folder per version and platform).
# - Anything else, Windows PowerShell 5.1 included: the netstandard2.0 build beside this file.
$folder = $PSScriptRoot
if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -eq 10) {
    $architecture = [System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture.ToString().ToLowerInvariant()
    $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } elseif ($IsLinux) { 'linux' } else { '' }
    $candidate = [System.IO.Path]::Combine($PSScriptRoot, "net10.0-$os-$architecture")
    if ($os -and [System.IO.File]::Exists([System.IO.Path]::Combine($candidate, 'SageMakerMonitoring.dll'))) { $folder = $candidate }
}
Import-Module -Name ([System.IO.Path]::Combine($folder, 'SageMakerMonitoring.dll')) -ErrorAction Stop
Export-ModuleMember -Cmdlet *
