<#
.SYNOPSIS
    Fails when the manifest's CmdletsToExport and the cmdlets compiled into SageMakerMonitoring.dll differ.
.DESCRIPTION
    Run by build.ps1 in a fresh pwsh after staging. Imports the staged dll directly (not through the manifest), so it
    sees every compiled cmdlet, and compares them with the staged manifest. Warns when the list is not alphabetical.
#>
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$manifest = Import-PowerShellDataFile -LiteralPath (Join-Path $ModulePath 'SageMakerMonitoring.psd1')
$listed = @($manifest.CmdletsToExport)
if ($listed -contains '*' -or @($listed | Where-Object { $_ -match '[*?]' }).Count) {
    throw 'CmdletsToExport must list cmdlets by name, without wildcards.'
}

$module = Import-Module -Name (Join-Path $ModulePath 'SageMakerMonitoring.dll') -PassThru
$compiled = @($module.ExportedCmdlets.Keys)

$difference = Compare-Object -ReferenceObject @($compiled | Sort-Object) -DifferenceObject @($listed | Sort-Object)
if ($difference) {
    $notListed = @($difference | Where-Object SideIndicator -EQ '<=' | ForEach-Object InputObject)
    $notCompiled = @($difference | Where-Object SideIndicator -EQ '=>' | ForEach-Object InputObject)
    $message = 'SageMakerMonitoring.psd1 CmdletsToExport does not match the compiled cmdlets.'
    if ($notListed) { $message += " Compiled but not listed: $($notListed -join ', ')." }
    if ($notCompiled) { $message += " Listed but not compiled: $($notCompiled -join ', ')." }
    Write-Error $message
    exit 1
}

$sorted = @($listed | Sort-Object -Culture 'en-US')
if (($sorted -join ',') -ne ($listed -join ',')) {
    Write-Warning "CmdletsToExport is not in alphabetical order; expected: $($sorted -join ', ')"
}
Write-Host "$($compiled.Count) cmdlet(s) compiled and listed."
