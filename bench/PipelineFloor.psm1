<#
.SYNOPSIS
    What PowerShell's own pipeline costs for a stream of the module's objects, with no AWS work at all.
.DESCRIPTION
    Measure-PipelineFloor starts a fresh pwsh (like the module measurements), takes one real object from the module
    (the first result of -SampleCommand), and times a compiled cmdlet that writes that object -Count times into
    `Measure-Object`. That is the fastest any cmdlet can hand -Count such objects to `Measure-Object` in a fresh process
    on this machine: the ceiling for the module's end-to-end rate. The Logs and Metrics benches print it beside their
    own figures.
#>

Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')

function Measure-PipelineFloor {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        # PowerShell that outputs at least one module object, e.g. a short Get-SageMakerLogEvent.
        [Parameter(Mandatory)] [string] $SampleCommand,
        [Parameter(Mandatory)] [long] $Count
    )
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$sample = $SampleCommand | Select-Object -First 1
if (`$null -eq `$sample) { throw 'The sample command returned nothing.' }
Add-Type -ReferencedAssemblies ([psobject].Assembly.Location), 'System.Runtime', 'netstandard' -TypeDefinition @'
using System.Management.Automation;
[Cmdlet("Write", "Repeated")]
public sealed class WriteRepeatedCommand : PSCmdlet
{
    [Parameter(Mandatory = true)] public object InputObject { get; set; }
    [Parameter(Mandatory = true)] public long Count { get; set; }
    protected override void EndProcessing() { for (long i = 0; i < Count; i++) WriteObject(InputObject); }
}
'@ -PassThru | Select-Object -First 1 | ForEach-Object { Import-Module `$_.Assembly }
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$n = (Write-Repeated -InputObject `$sample -Count $Count | Measure-Object).Count
`$watch.Stop()
'RESULT {0} {1}' -f `$n, `$watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture)
"@
    $commandLine = Get-PwshCommandLine
    $arguments = @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $script)
    $output = & $commandLine[0] @arguments 2>&1 | ForEach-Object { "$_" }
    $line = $output | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { throw "The pipeline floor run printed no result:`n$($output -join "`n")" }
    $parts = $line.Split(' ')
    if ([long]$parts[1] -ne $Count) { throw "The pipeline floor run counted $($parts[1]) objects, expected $Count." }
    [pscustomobject]@{ Count = $Count; Seconds = [double]::Parse($parts[2], [Globalization.CultureInfo]::InvariantCulture) }
}

Export-ModuleMember -Function Measure-PipelineFloor
