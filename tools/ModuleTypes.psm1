# The public types of the imported SageMakerMonitoring module by full name, for tests and benchmarks. On PowerShell 7
# the module loads into its own AssemblyLoadContext, where PowerShell's type literals ([SageMakerMonitoring.Core.X],
# [Amazon.Runtime.X]) do not look; this asks that context, through the cmdlet assembly. On Windows PowerShell (one
# context) it asks the same assemblies.
#     $options = (Get-ModuleType SageMakerMonitoring.Core.Aws.AwsClientOptions)::new()

Set-StrictMode -Version 3.0

function Get-ModuleType {
    param([Parameter(Mandatory)] [string] $Name)
    $command = Get-Command -Module SageMakerMonitoring -CommandType Cmdlet -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $command) { throw "Import the SageMakerMonitoring module before asking for its type '$Name'." }
    $cmdlets = $command.ImplementingType.Assembly
    $context = if ($PSVersionTable.PSEdition -eq 'Core') { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($cmdlets) } else { $null }
    $loaded = if ($context) { $context.Assemblies } else { [AppDomain]::CurrentDomain.GetAssemblies() }
    foreach ($assembly in $loaded) {
        $assemblyName = $assembly.GetName().Name
        if ($assemblyName -notlike 'SageMakerMonitoring*' -and $assemblyName -notlike 'AWSSDK.*') { continue }
        $type = $assembly.GetType($Name, $false)
        if ($type) { return $type }
    }
    # Not loaded yet: load the module's assemblies the way the module does (by name in its own context; by path where
    # it shares the default context, as on Windows PowerShell).
    $files = @(Get-ChildItem -LiteralPath ([IO.Path]::GetDirectoryName($cmdlets.Location)) -File |
        Where-Object { $_.Name -like 'SageMakerMonitoring*.dll' -or $_.Name -like 'AWSSDK.*.dll' })
    foreach ($file in $files) {
        $assembly = if ($context -and $context -ne [System.Runtime.Loader.AssemblyLoadContext]::Default) { $context.LoadFromAssemblyName([Reflection.AssemblyName]::new($file.BaseName)) }
        else { [Reflection.Assembly]::LoadFrom($file.FullName) }
        $type = $assembly.GetType($Name, $false)
        if ($type) { return $type }
    }
    throw "The SageMakerMonitoring module's assemblies have no type '$Name'."
}

Export-ModuleMember -Function Get-ModuleType
