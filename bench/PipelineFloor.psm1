<#
.SYNOPSIS
    What PowerShell's own pipeline costs for a stream of the module's objects, with no AWS work at all.
.DESCRIPTION
    Measure-PipelineFloor starts a fresh pwsh (like the module measurements), takes one real object from the module
    (the first result of -SampleCommand), and times a compiled cmdlet that writes -Count such objects into
    `Measure-Object`. That is the fastest any cmdlet can hand -Count such objects to `Measure-Object` in a fresh process
    on this machine: the ceiling for the module's end-to-end rate. The Logs and Metrics benches print it beside their
    own figures.

    The objects are distinct: a shallow copy of the sample per object (made 256 at a time, as a reader hands over a
    batch), written as the plain object. A module writes distinct plain objects and PowerShell wraps each one in a
    PSObject on its way to `Measure-Object`; writing the sample itself -Count times (-Reuse, how the floor was measured
    before) hands PowerShell one object that is already wrapped, so it skips that wrapper and its allocation (about
    510 instead of about 700 bytes allocated per object for a datapoint): a floor no cmdlet writing real objects can
    reach. On a quiet machine it measured some 5-7% faster; under load the difference drowns in the noise.

    New-PipelineFloorPrelude is the script both sides start with (import, the sample command, the writer compiled), so
    a module measurement run after it (Invoke-PipelineMeasurement) times its statement in a process in the same state
    as the floor's: module loaded and its first call made, the same assemblies compiled and loaded.
#>

Import-Module (Join-Path $PSScriptRoot '../tools/Processes.psm1')

function New-PipelineFloorPrelude {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        # PowerShell that outputs at least one module object, e.g. a short Get-SageMakerLogEvent.
        [Parameter(Mandatory)] [string] $SampleCommand
    )
    @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$sample = $SampleCommand | Select-Object -First 1
if (`$null -eq `$sample) { throw 'The sample command returned nothing.' }
Add-Type -ReferencedAssemblies ([psobject].Assembly.Location), 'System.Runtime', 'netstandard' -TypeDefinition @'
using System;
using System.Management.Automation;
using System.Reflection;
[Cmdlet("Write", "Repeated")]
public sealed class WriteRepeatedCommand : PSCmdlet
{
    private static readonly Func<object, object> ShallowCopy = (Func<object, object>)Delegate.CreateDelegate(typeof(Func<object, object>),
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic));
    [Parameter(Mandatory = true)] public object InputObject { get; set; }
    [Parameter(Mandatory = true)] public long Count { get; set; }
    [Parameter] public SwitchParameter Reuse { get; set; }
    protected override void EndProcessing()
    {
        if (Reuse) { for (long i = 0; i < Count; i++) WriteObject(InputObject); return; }
        var sample = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
        var batch = new object[256];
        for (long i = 0; i < Count; )
        {
            var n = (int)Math.Min(batch.Length, Count - i);
            for (var k = 0; k < n; k++) batch[k] = ShallowCopy(sample);
            for (var k = 0; k < n; k++) { WriteObject(batch[k]); batch[k] = null; }
            i += n;
        }
    }
}
'@ -PassThru | Select-Object -First 1 | ForEach-Object { Import-Module `$_.Assembly }
"@
}

function Invoke-PipelineMeasurement {
    <#
    Runs -Prelude then times -Statement in a fresh pwsh. The statement leaves the number of objects it counted in
    `$m`. Returns Count, Seconds, PeakMB (peak working set) and CpuSeconds (the process's processor time during the
    statement, all its threads).
    #>
    param(
        [Parameter(Mandatory)] [string] $Prelude,
        [Parameter(Mandatory)] [string] $Statement
    )
    $script = $Prelude + @"

`$process = [Diagnostics.Process]::GetCurrentProcess()
`$cpu = `$process.TotalProcessorTime
`$watch = [Diagnostics.Stopwatch]::StartNew()
$Statement
`$watch.Stop()
`$process.Refresh()
'RESULT {0} {1} {2} {3}' -f `$m, `$watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture), `$process.PeakWorkingSet64, (`$process.TotalProcessorTime - `$cpu).TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture)
"@
    $file = Join-Path ([IO.Path]::GetTempPath()) ("pipeline-measurement-" + [Guid]::NewGuid().ToString('n') + '.ps1')
    Set-Content -LiteralPath $file -Value $script -Encoding utf8
    try {
        $commandLine = Get-PwshCommandLine
        $output = & $commandLine[0] @($commandLine | Select-Object -Skip 1) -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" }
    }
    finally { Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue }
    $line = $output | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { throw "The measurement printed no result:`n$($output -join "`n")" }
    $parts = $line.Split(' ')
    $culture = [Globalization.CultureInfo]::InvariantCulture
    [pscustomobject]@{
        Count      = [long]$parts[1]
        Seconds    = [double]::Parse($parts[2], $culture)
        PeakMB     = [double]$parts[3] / 1MB
        CpuSeconds = [double]::Parse($parts[4], $culture)
    }
}

function Measure-PipelineFloor {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        # PowerShell that outputs at least one module object, e.g. a short Get-SageMakerLogEvent.
        [Parameter(Mandatory)] [string] $SampleCommand,
        [Parameter(Mandatory)] [long] $Count,
        # Write the sample object itself -Count times (the earlier definition of the floor) instead of distinct copies.
        [switch] $Reuse
    )
    $prelude = New-PipelineFloorPrelude -ModulePath $ModulePath -SampleCommand $SampleCommand
    $reuseArgument = if ($Reuse) { ' -Reuse' } else { '' }
    $result = Invoke-PipelineMeasurement -Prelude $prelude -Statement "`$m = (Write-Repeated -InputObject `$sample -Count $Count$reuseArgument | Measure-Object).Count"
    if ($result.Count -ne $Count) { throw "The pipeline floor run counted $($result.Count) objects, expected $Count." }
    [pscustomobject]@{ Count = $Count; Seconds = $result.Seconds; CpuSeconds = $result.CpuSeconds }
}

Export-ModuleMember -Function Measure-PipelineFloor, New-PipelineFloorPrelude, Invoke-PipelineMeasurement
