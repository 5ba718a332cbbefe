# The tour starts here: what is loaded and where it talks to. build.ps1 demo has imported the staged module and
# pointed AWS_ENDPOINT_URL at an emulator seeded with the demo world.

$module = Get-Module SageMakerMonitoring
Write-Host "SageMakerMonitoring $($module.Version) from"
Write-Host "  $($module.ModuleBase)"
Write-Host "PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition))"
Write-Host "AWS endpoint: $env:AWS_ENDPOINT_URL (region $env:AWS_REGION)"
Write-Host ''

$cmdlets = @(Get-Command -Module SageMakerMonitoring -CommandType Cmdlet | Sort-Object Noun, Verb)
if ($cmdlets.Count -eq 0) {
    Write-Host 'The module exports no cmdlets yet.'
}
else {
    Write-Host "$($cmdlets.Count) cmdlets:"
    Write-Host ''
    # Each synopsis word-wrapped beside its cmdlet's name (Format-DemoText comes from demo/DemoText.psm1).
    $column = ($cmdlets | ForEach-Object { $_.Name.Length } | Measure-Object -Maximum).Maximum + 1
    foreach ($cmdlet in $cmdlets) {
        $synopsis = @(Format-DemoText (Get-Help $cmdlet.Name).Synopsis -Indent 0 -Width ((Get-DemoWidth) - $column))
        Write-Host ($cmdlet.Name.PadRight($column) + $synopsis[0])
        $synopsis | Select-Object -Skip 1 | ForEach-Object { Write-Host ((' ' * $column) + $_) }
    }
    Write-Host ''
}
