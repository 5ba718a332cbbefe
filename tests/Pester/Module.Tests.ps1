# The module as shipped: a valid manifest that lists exactly the compiled cmdlets, help for each of them, no
# reference assemblies in the staged folder, and an import that works in a fresh process.

BeforeDiscovery {
    $manifestPath = Join-Path $PSScriptRoot '../../SageMakerMonitoring.psd1'
    $cmdlets = @((Import-PowerShellDataFile -LiteralPath $manifestPath).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $modulePath = Get-TestModulePath
    $stagedManifest = Join-Path $modulePath 'SageMakerMonitoring.psd1'
    $manifestData = Import-PowerShellDataFile -LiteralPath $stagedManifest
    $module = Import-Module $modulePath -Force -PassThru
}

Describe 'The manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $stagedManifest -ErrorAction Stop } | Should -Not -Throw
    }

    It 'is the same file as the manifest in the repository' {
        Get-FileHash -LiteralPath $stagedManifest | ForEach-Object Hash |
            Should -Be (Get-FileHash -LiteralPath (Join-Path (Get-TestRepositoryRoot) 'SageMakerMonitoring.psd1')).Hash
    }

    It 'has the version of Directory.Build.props' {
        $props = [xml](Get-Content -Raw -LiteralPath (Join-Path (Get-TestRepositoryRoot) 'Directory.Build.props'))
        $version = @($props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ })[0]
        $manifestData.ModuleVersion | Should -Be $version
        $module.Version | Should -Be ([version]$version)
    }

    It 'runs on Windows PowerShell 5.1 and PowerShell 7' {
        $manifestData.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifestData.PowerShellVersion | Should -Be '5.1'
    }

    It 'lists cmdlets by name and exports no functions, aliases or variables' {
        @($manifestData.CmdletsToExport | Where-Object { $_ -match '[*?]' }) | Should -BeNullOrEmpty
        foreach ($key in 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $manifestData.ContainsKey($key) | Should -BeTrue -Because "$key must be an explicit empty list"
            @($manifestData[$key]).Count | Should -Be 0 -Because "$key must be empty"
        }
    }

    It 'has a GUID, description, tags and project URI' {
        $manifestData.GUID | Should -Match '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
        $manifestData.Description | Should -Not -BeNullOrEmpty
        $manifestData.PrivateData.PSData.Tags | Should -Contain 'SageMaker'
        [Uri]::IsWellFormedUriString($manifestData.PrivateData.PSData.ProjectUri, 'Absolute') | Should -BeTrue
    }

    It 'exports exactly the listed cmdlets' {
        @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifestData.CmdletsToExport | Sort-Object)
        $module.ExportedFunctions.Count | Should -Be 0
        $module.ExportedAliases.Count | Should -Be 0
    }

    It 'lists every format and type file that is staged, and nothing else' {
        $staged = @(Get-ChildItem -LiteralPath $modulePath -Filter *.ps1xml -File | ForEach-Object Name | Sort-Object)
        $listed = @(@($manifestData.FormatsToProcess) + @($manifestData.TypesToProcess) | Where-Object { $_ } | Sort-Object)
        $staged | Should -Be $listed
    }
}

Describe 'The staged folder' {
    It 'holds no System.Management.Automation.dll' {
        Get-ChildItem -LiteralPath $modulePath -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'holds the module, the core and the AWS SDK assemblies' {
        foreach ($name in 'SageMakerMonitoring.dll', 'SageMakerMonitoring.Core.dll', 'AWSSDK.Core.dll') {
            Join-Path $modulePath $name | Should -Exist
        }
    }

    It 'holds every run-time dependency the module was published with' {
        $published = Join-Path (Get-TestRepositoryRoot) 'out/publish/SageMakerMonitoring'
        $expected = @(Get-ChildItem -LiteralPath $published -Filter *.dll -File | ForEach-Object Name |
            Where-Object { $_ -ne 'System.Management.Automation.dll' } | Sort-Object)
        $expected.Count | Should -BeGreaterThan 2
        @(Get-ChildItem -LiteralPath $modulePath -Filter *.dll -File | ForEach-Object Name | Sort-Object) | Should -Be $expected
    }

    It 'holds the MAML help file' {
        $helpFile = Join-Path $modulePath 'en-US/SageMakerMonitoring.dll-Help.xml'
        $helpFile | Should -Exist
        { [xml](Get-Content -Raw -LiteralPath $helpFile) } | Should -Not -Throw
    }
}

Describe 'Importing in a fresh process' {
    It 'works with no errors and exports the listed cmdlets' {
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$module = Import-Module '$modulePath' -PassThru
'VERSION=' + `$module.Version
'CMDLETS=' + ((`$module.ExportedCmdlets.Keys | Sort-Object) -join ',')
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match "VERSION=$([regex]::Escape($manifestData.ModuleVersion))"
        $result.Output | Should -Match ('CMDLETS=' + [regex]::Escape((@($manifestData.CmdletsToExport | Sort-Object) -join ',')) + '(\r?\n|$)')
    }

    It 'works by name from PSModulePath' {
        $result = Invoke-TestPwsh -Script @"
`$ErrorActionPreference = 'Stop'
`$env:PSModulePath = '$(Split-Path -Parent $modulePath)' + [IO.Path]::PathSeparator + `$env:PSModulePath
Import-Module SageMakerMonitoring
'BASE=' + (Get-Module SageMakerMonitoring).ModuleBase
"@
        $result.ExitCode | Should -Be 0 -Because $result.Output
        $result.Output | Should -Match ('BASE=' + [regex]::Escape($modulePath))
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets -AllowNullOrEmptyForEach {
    BeforeAll {
        $command = Get-Command -Name $Name -Module SageMakerMonitoring
        $help = Get-Help -Name $Name -Full
        $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters
    }

    It 'exists after import' {
        $command.CommandType | Should -Be 'Cmdlet'
    }

    It 'has a synopsis' {
        $help.Synopsis | Should -Not -BeNullOrEmpty -Because "docs/help/$Name.md needs a SYNOPSIS"
        # Without MAML help PowerShell makes the synopsis from the syntax.
        $help.Synopsis | Should -Not -Match ('^\s*' + [regex]::Escape($Name) + '(\s|$)') -Because "docs/help/$Name.md needs a SYNOPSIS"
        $help.Synopsis | Should -Not -Match 'One sentence saying what the cmdlet does' -Because 'the template text must be replaced'
    }

    It 'has a description' {
        ($help.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "docs/help/$Name.md needs a DESCRIPTION"
    }

    It 'has at least two examples with code' {
        $examples = @($help.examples | Where-Object { $_ } | ForEach-Object { $_.example })
        $examples.Count | Should -BeGreaterOrEqual 2 -Because "docs/help/$Name.md needs two EXAMPLES or more"
        foreach ($example in $examples) { $example.code | Should -Not -BeNullOrEmpty -Because "$($example.title) needs a code block" }
    }

    It 'describes every parameter' {
        $described = @{}
        foreach ($parameter in @($help.parameters | Where-Object { $_ } | ForEach-Object { $_.parameter })) {
            $described[$parameter.name] = ($parameter.description | Out-String).Trim()
        }
        foreach ($parameterName in $command.Parameters.Keys | Where-Object { $_ -notin $commonParameters }) {
            $described[$parameterName] | Should -Not -BeNullOrEmpty -Because "-$parameterName needs a description in docs/help/$Name.md"
        }
    }
}
