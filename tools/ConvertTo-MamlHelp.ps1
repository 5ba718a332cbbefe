<#
.SYNOPSIS
    Turns docs/help/<Cmdlet>.md (the layout of docs/help/_template.md) into one MAML help file for the module.
.DESCRIPTION
    Run by build.ps1 in a fresh pwsh after staging. Imports the staged SageMakerMonitoring.dll to read each cmdlet's
    parameter sets (syntax, types, Required, Position, pipeline input, aliases) and takes every text from the markdown.
    Parameters a cmdlet's markdown does not describe are looked up in docs/help/_shared-parameters.md.
    A cmdlet without markdown, or a parameter without a description, gets a warning here and fails Module.Tests.ps1.
.EXAMPLE
    pwsh -File tools/ConvertTo-MamlHelp.ps1 -ModulePath out/SageMakerMonitoring -MarkdownPath docs/help -OutputPath out/SageMakerMonitoring/en-US/SageMakerMonitoring.dll-Help.xml
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $MarkdownPath,
    [Parameter(Mandatory)] [string] $OutputPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$SectionNames = @('SYNOPSIS', 'DESCRIPTION', 'PARAMETERS', 'EXAMPLES', 'INPUTS', 'OUTPUTS', 'NOTES', 'RELATED LINKS')
$CommonParameterNames = [System.Management.Automation.PSCmdlet]::CommonParameters
$Namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

# ------------------------------------------------------------------------------------------------------------ markdown

function Read-HelpMarkdown([string] $Path) {
    <#
    Returns @{ Name; Sections = @{ SECTION = @{ Text = [string[]] lines; Items = ordered @{ heading = [string[]] lines } } } }.
    HTML comments are dropped; lines inside code fences are kept as they are.
    #>
    $text = Get-Content -Raw -LiteralPath $Path
    $text = [regex]::Replace($text, '(?s)<!--.*?-->', '')
    $lines = $text -split '\r?\n'

    $result = @{ Name = $null; Sections = @{}; Path = $Path }
    $section = $null
    $item = $null
    $inFence = $false
    foreach ($line in $lines) {
        if ($line -match '^\s*```') { $inFence = -not $inFence }
        if (-not $inFence -and $line -notmatch '^\s*```') {
            if ($line -match '^#\s+(.+?)\s*$' -and -not $result.Name) { $result.Name = $Matches[1]; continue }
            if ($line -match '^##\s+(.+?)\s*$') {
                $section = @{ Text = [Collections.Generic.List[string]]::new(); Items = [ordered]@{} }
                $result.Sections[$Matches[1].ToUpperInvariant()] = $section
                $item = $null
                continue
            }
            if ($line -match '^###\s+(.+?)\s*$' -and $null -ne $section) {
                $item = [Collections.Generic.List[string]]::new()
                $section.Items[$Matches[1]] = $item
                continue
            }
        }
        if ($null -ne $item) { $item.Add($line) }
        elseif ($null -ne $section) { $section.Text.Add($line) }
    }
    if (-not $result.Name) { throw "$Path does not start with '# <cmdlet name>'." }
    return $result
}

function Split-Paragraph([string[]] $Lines) {
    <# Plain text to paragraphs: blank lines separate them, "- " starts a list item, code fences stay verbatim. #>
    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = [Collections.Generic.List[string]]::new()
    $fence = $null
    $flush = {
        if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()); $current.Clear() }
    }
    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line -match '^\s*```') { $paragraphs.Add(($fence -join "`n")); $fence = $null }
            else { $fence.Add($line) }
            continue
        }
        if ($line -match '^\s*```') { & $flush; $fence = [Collections.Generic.List[string]]::new(); continue }
        if ($line -match '^\s*$') { & $flush; continue }
        if ($line -match '^\s*[-*]\s+') { & $flush }
        $current.Add($line.Trim())
    }
    & $flush
    if ($null -ne $fence -and $fence.Count) { $paragraphs.Add(($fence -join "`n")) }
    return , $paragraphs.ToArray()
}

function Split-Example([string[]] $Lines) {
    <# The first code fence is the example's code; everything else is its remarks. #>
    $code = $null
    $remarks = [Collections.Generic.List[string]]::new()
    $fence = $null
    foreach ($line in $Lines) {
        if ($null -ne $fence) {
            if ($line -match '^\s*```') {
                if ($null -eq $code) { $code = ($fence -join "`n").Trim("`n") }
                else { $remarks.Add('```'); $remarks.AddRange($fence); $remarks.Add('```') }
                $fence = $null
            }
            else { $fence.Add($line) }
            continue
        }
        if ($line -match '^\s*```') { $fence = [Collections.Generic.List[string]]::new(); continue }
        $remarks.Add($line)
    }
    return @{ Code = $code; Remarks = (Split-Paragraph $remarks.ToArray()) }
}

# ----------------------------------------------------------------------------------------------------------------- xml

function New-Element([Xml.XmlDocument] $Document, [string] $QualifiedName, [string] $Text) {
    $prefix, $local = $QualifiedName -split ':', 2
    $element = $Document.CreateElement($prefix, $local, $Namespaces[$prefix])
    if ($PSBoundParameters.ContainsKey('Text') -and $null -ne $Text) { $element.InnerText = $Text }
    return $element
}

function Add-Element([Xml.XmlElement] $Parent, [string] $QualifiedName, [string] $Text) {
    $arguments = @{ Document = $Parent.OwnerDocument; QualifiedName = $QualifiedName }
    if ($PSBoundParameters.ContainsKey('Text')) { $arguments.Text = $Text }
    $element = New-Element @arguments
    [void]$Parent.AppendChild($element)
    return $element
}

function Add-Description([Xml.XmlElement] $Parent, [string[]] $Paragraphs, [string] $Name = 'maml:description') {
    $description = Add-Element $Parent $Name
    foreach ($paragraph in $Paragraphs) { [void](Add-Element $description 'maml:para' $paragraph) }
    return $description
}

# ---------------------------------------------------------------------------------------------------------- parameters

function Get-TypeDisplayName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeDisplayName $Type.GetElementType()) + '[]' }
    return $Type.Name
}

function Get-TypeFullName([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeFullName $Type.GetElementType()) + '[]' }
    return $Type.FullName
}

function Get-PipelineInputText($Parameters) {
    $kinds = @()
    if (@($Parameters | Where-Object ValueFromPipeline).Count) { $kinds += 'ByValue' }
    if (@($Parameters | Where-Object ValueFromPipelineByPropertyName).Count) { $kinds += 'ByPropertyName' }
    if ($kinds) { return "True ($($kinds -join ', '))" }
    return 'False'
}

function Get-PositionText([int] $Position) {
    if ($Position -lt 0) { return 'named' }
    return "$Position"
}

function Get-OrderedParameter($ParameterSet) {
    <# Positional first (by position), then mandatory named, then optional named, -WhatIf/-Confirm last. #>
    $parameters = @($ParameterSet.Parameters | Where-Object { $_.Name -notin $CommonParameterNames })
    $positional = @($parameters | Where-Object { $_.Position -ge 0 } | Sort-Object Position)
    $mandatory = @($parameters | Where-Object { $_.Position -lt 0 -and $_.IsMandatory })
    $optional = @($parameters | Where-Object { $_.Position -lt 0 -and -not $_.IsMandatory -and $_.Name -notin 'WhatIf', 'Confirm' })
    $shouldProcess = @($parameters | Where-Object { $_.Name -in 'WhatIf', 'Confirm' })
    return $positional + $mandatory + $optional + $shouldProcess
}

function Add-ParameterElement([Xml.XmlElement] $Parent, $Infos, [string[]] $Description, [switch] $InSyntax) {
    <# $Infos: the CommandParameterInfo objects of one parameter (one per parameter set it belongs to). #>
    $first = $Infos[0]
    $isSwitch = $first.ParameterType -eq [System.Management.Automation.SwitchParameter]
    $required = @($Infos | Where-Object { -not $_.IsMandatory }).Count -eq 0
    $positions = @($Infos | ForEach-Object { Get-PositionText $_.Position } | Select-Object -Unique)
    $aliases = @($first.Aliases)

    $element = Add-Element $Parent 'command:parameter'
    $element.SetAttribute('required', $required.ToString().ToLowerInvariant())
    $element.SetAttribute('variableLength', $first.ParameterType.IsArray.ToString().ToLowerInvariant())
    $element.SetAttribute('globbing', 'false')
    $element.SetAttribute('pipelineInput', (Get-PipelineInputText $Infos))
    $element.SetAttribute('position', $(if ($positions.Count -eq 1) { $positions[0] } else { 'named' }))
    $element.SetAttribute('aliases', $(if ($aliases.Count) { $aliases -join ', ' } else { 'none' }))
    [void](Add-Element $element 'maml:name' $first.Name)
    [void](Add-Description $element $Description)
    if (-not ($isSwitch -and $InSyntax)) {
        $value = Add-Element $element 'command:parameterValue' $(if ($isSwitch) { 'SwitchParameter' } else { Get-TypeDisplayName $first.ParameterType })
        $value.SetAttribute('required', (-not $isSwitch).ToString().ToLowerInvariant())
        $value.SetAttribute('variableLength', $first.ParameterType.IsArray.ToString().ToLowerInvariant())
    }
    $type = Add-Element $element 'dev:type'
    [void](Add-Element $type 'maml:name' (Get-TypeFullName $first.ParameterType))
    [void](Add-Element $type 'maml:uri')
    [void](Add-Element $element 'dev:defaultValue' $(if ($isSwitch) { 'False' } else { 'None' }))
}

# ------------------------------------------------------------------------------------------------------------- command

function Get-SectionParagraph($Help, [string] $Section) {
    if (-not $Help -or -not $Help.Sections.ContainsKey($Section)) { return @() }
    return Split-Paragraph $Help.Sections[$Section].Text.ToArray()
}

function Get-ParameterDescription($Help, $SharedHelp, [string] $Name) {
    foreach ($source in @($Help, $SharedHelp)) {
        if (-not $source -or -not $source.Sections.ContainsKey('PARAMETERS')) { continue }
        $items = $source.Sections['PARAMETERS'].Items
        foreach ($key in $items.Keys) {
            if ($key.TrimStart('-') -eq $Name) {
                $paragraphs = @(Split-Paragraph $items[$key].ToArray())
                if ($paragraphs.Count) { return $paragraphs }
            }
        }
    }
    return @()
}

function Add-CommandElement([Xml.XmlElement] $HelpItems, $Command, $Help, $SharedHelp) {
    $document = $HelpItems.OwnerDocument
    $element = Add-Element $HelpItems 'command:command'
    foreach ($prefix in 'maml', 'command', 'dev') { $element.SetAttribute("xmlns:$prefix", $Namespaces[$prefix]) }

    $details = Add-Element $element 'command:details'
    [void](Add-Element $details 'command:name' $Command.Name)
    [void](Add-Element $details 'command:verb' $Command.Verb)
    [void](Add-Element $details 'command:noun' $Command.Noun)
    [void](Add-Description $details (Get-SectionParagraph $Help 'SYNOPSIS'))
    [void](Add-Description $element (Get-SectionParagraph $Help 'DESCRIPTION'))

    # Syntax: one item per parameter set, default set first.
    $syntax = Add-Element $element 'command:syntax'
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $syntaxItem = Add-Element $syntax 'command:syntaxItem'
        [void](Add-Element $syntaxItem 'maml:name' $Command.Name)
        foreach ($parameter in Get-OrderedParameter $set) {
            Add-ParameterElement $syntaxItem @($parameter) (Get-ParameterDescription $Help $SharedHelp $parameter.Name) -InSyntax
        }
    }

    # Parameters: each once, in the order of the default set, then any only in other sets.
    $parametersElement = Add-Element $element 'command:parameters'
    $seen = [Collections.Generic.List[string]]::new()
    foreach ($set in $sets) {
        foreach ($parameter in Get-OrderedParameter $set) {
            if ($seen.Contains($parameter.Name)) { continue }
            $seen.Add($parameter.Name)
            $infos = @($sets | ForEach-Object { $_.Parameters | Where-Object Name -EQ $parameter.Name })
            $description = @(Get-ParameterDescription $Help $SharedHelp $parameter.Name)
            if (-not $description.Count) { Write-Warning "$($Command.Name): no help for parameter -$($parameter.Name)." }
            Add-ParameterElement $parametersElement $infos $description
        }
    }

    foreach ($kind in @(@{ Section = 'INPUTS'; List = 'command:inputTypes'; Item = 'command:inputType' },
                        @{ Section = 'OUTPUTS'; List = 'command:returnValues'; Item = 'command:returnValue' })) {
        $list = Add-Element $element $kind.List
        if (-not $Help -or -not $Help.Sections.ContainsKey($kind.Section)) { continue }
        $items = $Help.Sections[$kind.Section].Items
        foreach ($typeName in $items.Keys) {
            $entry = Add-Element $list $kind.Item
            $type = Add-Element $entry 'dev:type'
            [void](Add-Element $type 'maml:name' $typeName)
            [void](Add-Element $type 'maml:uri')
            [void](Add-Description $entry (Split-Paragraph $items[$typeName].ToArray()))
        }
    }

    $notes = @(Get-SectionParagraph $Help 'NOTES')
    $alertSet = Add-Element $element 'maml:alertSet'
    $alert = Add-Element $alertSet 'maml:alert'
    foreach ($paragraph in $notes) { [void](Add-Element $alert 'maml:para' $paragraph) }

    $examples = Add-Element $element 'command:examples'
    if ($Help -and $Help.Sections.ContainsKey('EXAMPLES')) {
        $items = $Help.Sections['EXAMPLES'].Items
        foreach ($title in $items.Keys) {
            $parts = Split-Example $items[$title].ToArray()
            $example = Add-Element $examples 'command:example'
            [void](Add-Element $example 'maml:title' "-------------------------- $title --------------------------")
            [void](Add-Element $example 'dev:code' $(if ($parts.Code) { $parts.Code } else { '' }))
            [void](Add-Description $example $parts.Remarks 'dev:remarks')
        }
    }

    $links = Add-Element $element 'command:relatedLinks'
    foreach ($line in (Get-SectionParagraph $Help 'RELATED LINKS')) {
        $text = ($line -replace '^[-*]\s+', '').Trim()
        if (-not $text) { continue }
        $link = Add-Element $links 'maml:navigationLink'
        if ($text -match '^\[(.+?)\]\((.+?)\)$') {
            [void](Add-Element $link 'maml:linkText' $Matches[1])
            [void](Add-Element $link 'maml:uri' $Matches[2])
        }
        else {
            [void](Add-Element $link 'maml:linkText' $text)
            [void](Add-Element $link 'maml:uri')
        }
    }
}

# ---------------------------------------------------------------------------------------------------------------- main

$module = Import-Module -Name (Join-Path $ModulePath 'SageMakerMonitoring.dll') -PassThru
$commands = @($module.ExportedCmdlets.Values | Sort-Object Name)

$markdown = @{}
$sharedHelp = $null
foreach ($file in Get-ChildItem -LiteralPath $MarkdownPath -Filter *.md -File) {
    if ($file.Name -eq '_shared-parameters.md') { $sharedHelp = Read-HelpMarkdown $file.FullName; continue }
    if ($file.Name.StartsWith('_')) { continue }
    $help = Read-HelpMarkdown $file.FullName
    if ($help.Name -ne $file.BaseName) { Write-Warning "$($file.Name): the heading names '$($help.Name)'; the file should be named $($help.Name).md." }
    foreach ($section in $help.Sections.Keys) {
        if ($section -notin $SectionNames) { Write-Warning "$($file.Name): unknown section '## $section' is ignored." }
    }
    $markdown[$help.Name] = $help
}

$document = [Xml.XmlDocument]::new()
[void]$document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
$helpItems = $document.CreateElement('helpItems', 'http://msh')
$helpItems.SetAttribute('schema', 'maml')
[void]$document.AppendChild($helpItems)

foreach ($command in $commands) {
    $help = $markdown[$command.Name]
    if (-not $help) { Write-Warning "$($command.Name) has no docs/help/$($command.Name).md." }
    Add-CommandElement $helpItems $command $help $sharedHelp
}
foreach ($name in $markdown.Keys) {
    if ($name -notin $commands.Name) { Write-Warning "docs/help/$name.md describes a cmdlet the module does not export." }
}

$settings = [Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [Text.UTF8Encoding]::new($false)
$writer = [Xml.XmlWriter]::Create($OutputPath, $settings)
try { $document.Save($writer) } finally { $writer.Dispose() }
Write-Host "Help for $($commands.Count) cmdlet(s) written to"
Write-Host "  $OutputPath"
