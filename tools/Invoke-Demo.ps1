<#
.SYNOPSIS
    Runs demo/*.ps1 in name order against an emulator; build.ps1 demo starts it in a fresh pwsh.
.DESCRIPTION
    Expects AWS_ENDPOINT_URL, AWS_REGION and the emulator's key pair in the environment (build.ps1 sets them).
    Imports the staged module first, so every demo script can use the cmdlets directly, and demo/DemoText.psm1, whose
    helpers wrap what the scripts print to fit an 80-column terminal.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $DemoPath
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $ModulePath
Import-Module -Name (Join-Path $DemoPath 'DemoText.psm1')

foreach ($script in Get-ChildItem -LiteralPath $DemoPath -Filter *.ps1 -File | Sort-Object Name) {
    Write-Host ''
    Write-Host "---- $($script.BaseName) ----" -ForegroundColor Green
    & $script.FullName
}
