# The tour starts here: what is loaded and where it talks to. build.ps1 demo has imported the staged module and
# pointed AWS_ENDPOINT_URL at an emulator seeded with the demo world.

$module = Get-Module SageMakerMonitoring
Write-Host "SageMakerMonitoring $($module.Version) from $($module.ModuleBase)"
Write-Host "PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition))"
Write-Host "AWS endpoint: $env:AWS_ENDPOINT_URL (region $env:AWS_REGION)"
Write-Host ''

$cmdlets = @(Get-Command -Module SageMakerMonitoring -CommandType Cmdlet | Sort-Object Noun, Verb)
if ($cmdlets.Count -eq 0) {
    Write-Host 'The module exports no cmdlets yet.'
}
else {
    Write-Host "$($cmdlets.Count) cmdlets:"
    $cmdlets | ForEach-Object {
        [pscustomobject]@{ Cmdlet = $_.Name; Synopsis = (Get-Help $_.Name).Synopsis }
    } | Format-Table -AutoSize -Wrap | Out-Host
}
