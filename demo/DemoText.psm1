# Helpers of the demo tour (tools/Invoke-Demo.ps1 imports them before it runs demo/*.ps1): the tour is read in an
# 80-column terminal, so the text it prints itself (headings, error messages, JSON, What-if lines) is word-wrapped to
# fit, and nothing is cut off.

using namespace System.Management.Automation.Host

Set-StrictMode -Version 3.0

function Get-DemoWidth {
    <# The width to wrap at: the console's, but never more than 80 columns (and 80 when there is no console). #>
    $width = 0
    try { $width = $Host.UI.RawUI.BufferSize.Width } catch { $width = 0 }
    if ($width -le 0 -or $width -gt 80) { $width = 80 }
    return $width
}

function Format-DemoText {
    <#
    Word-wraps text to the demo's width and returns the lines. A line breaks at a space; a word longer than a whole
    line breaks after a comma or a slash inside it, and is cut where it must be. Every line after the first is indented
    by -Indent spaces more than the first, which is indented by -FirstIndent. -Json breaks only after commas, so no
    string inside the JSON is split.
    #>
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowEmptyString()] [string] $Text,
        [int] $FirstIndent = 0,
        [int] $Indent = 2,
        [int] $Width = (Get-DemoWidth),
        [switch] $Json
    )
    process {
        $lead = ' ' * $FirstIndent
        $next = ' ' * ($FirstIndent + $Indent)
        foreach ($paragraph in $Text -split '\r?\n') {
            # Pieces that may end a line: words with the spaces after them (or, with -Json, runs ending in a comma); a
            # word longer than a whole line is split after its commas and slashes.
            $pattern = if ($Json) { '[^,]*(?:,|$)' } else { '\S*\s*' }
            $room = $Width - $next.Length
            $pieces = foreach ($word in [regex]::Matches($paragraph, $pattern) | ForEach-Object Value | Where-Object { $_ }) {
                if ($word.TrimEnd().Length -le $room) { $word }
                else { [regex]::Matches($word, '[^,/]*(?:[,/]|$)') | ForEach-Object Value | Where-Object { $_ } }
            }
            $line = $lead
            $hasText = $false
            foreach ($piece in $pieces) {
                if ($hasText -and ($line + $piece.TrimEnd()).Length -gt $Width) {
                    $line.TrimEnd()
                    $line = $next
                    $hasText = $false
                    $piece = $piece.TrimStart()
                }
                while (($line + $piece.TrimEnd()).Length -gt $Width) {
                    # One piece longer than a whole line.
                    $room = [math]::Max(1, $Width - $line.Length)
                    $line + $piece.Substring(0, $room)
                    $piece = $piece.Substring($room)
                    $line = $next
                }
                $line += $piece
                $hasText = $true
            }
            $line.TrimEnd()
        }
    }
}

function Write-DemoText {
    <# Writes text to the host word-wrapped to the demo's width (see Format-DemoText). #>
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)] [AllowEmptyString()] [string] $Text,
        [int] $FirstIndent = 0,
        [int] $Indent = 2,
        [switch] $Json
    )
    process {
        foreach ($line in Format-DemoText -Text $Text -FirstIndent $FirstIndent -Indent $Indent -Json:$Json) { Write-Host $line }
    }
}

# PowerShell writes a What-if message straight to the host, as one line of any length that no redirection captures.
# Invoke-DemoWhatIf runs a command in a runspace whose host keeps those lines, then prints them wrapped.
class DemoCaptureUI : PSHostUserInterface {
    [System.Collections.Generic.List[string]] $Lines = [System.Collections.Generic.List[string]]::new()
    [PSHostRawUserInterface] get_RawUI() { return $null }
    [string] ReadLine() { throw 'The demo does not read input.' }
    [securestring] ReadLineAsSecureString() { throw 'The demo does not read input.' }
    [void] Write([string] $value) { $this.Lines.Add($value) }
    [void] Write([ConsoleColor] $foreground, [ConsoleColor] $background, [string] $value) { $this.Lines.Add($value) }
    [void] WriteLine([string] $value) { $this.Lines.Add($value) }
    [void] WriteErrorLine([string] $value) { $this.Lines.Add($value) }
    [void] WriteDebugLine([string] $value) { }
    [void] WriteProgress([long] $sourceId, [System.Management.Automation.ProgressRecord] $record) { }
    [void] WriteVerboseLine([string] $value) { }
    [void] WriteWarningLine([string] $value) { $this.Lines.Add("WARNING: $value") }
    [System.Collections.Generic.Dictionary[string, psobject]] Prompt([string] $caption, [string] $message,
        [System.Collections.ObjectModel.Collection[FieldDescription]] $descriptions) { throw 'The demo does not prompt.' }
    [int] PromptForChoice([string] $caption, [string] $message,
        [System.Collections.ObjectModel.Collection[ChoiceDescription]] $choices, [int] $defaultChoice) { throw 'The demo does not prompt.' }
    [pscredential] PromptForCredential([string] $caption, [string] $message, [string] $userName, [string] $targetName) { throw 'The demo does not prompt.' }
    [pscredential] PromptForCredential([string] $caption, [string] $message, [string] $userName, [string] $targetName,
        [System.Management.Automation.PSCredentialTypes] $allowedTypes, [System.Management.Automation.PSCredentialUIOptions] $options) { throw 'The demo does not prompt.' }
}

class DemoCaptureHost : PSHost {
    hidden [DemoCaptureUI] $CaptureUI = [DemoCaptureUI]::new()
    hidden [guid] $Id = [guid]::NewGuid()
    [string] get_Name() { return 'DemoCapture' }
    [version] get_Version() { return [version]'1.0' }
    [guid] get_InstanceId() { return $this.Id }
    [PSHostUserInterface] get_UI() { return $this.CaptureUI }
    [cultureinfo] get_CurrentCulture() { return [cultureinfo]::CurrentCulture }
    [cultureinfo] get_CurrentUICulture() { return [cultureinfo]::CurrentUICulture }
    [void] SetShouldExit([int] $exitCode) { }
    [void] EnterNestedPrompt() { }
    [void] ExitNestedPrompt() { }
    [void] NotifyBeginApplication() { }
    [void] NotifyEndApplication() { }
}

function Invoke-DemoWhatIf {
    <#
    Runs a script block (a command with -WhatIf) with the SageMakerMonitoring module loaded, in a runspace of its own
    whose host keeps what the command writes to it, and prints those lines word-wrapped. Variables the script block
    needs are passed with -ArgumentList ($args inside it). A failure of the command is rethrown.
    #>
    param(
        [Parameter(Mandatory, Position = 0)] [scriptblock] $ScriptBlock,
        [object[]] $ArgumentList = @()
    )
    $module = Get-Module SageMakerMonitoring
    if (-not $module) { throw 'Import the SageMakerMonitoring module before Invoke-DemoWhatIf.' }
    $captureHost = [DemoCaptureHost]::new()
    $runspace = [runspacefactory]::CreateRunspace($captureHost)
    $shell = [powershell]::Create()
    try {
        $runspace.Open()
        $shell.Runspace = $runspace
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', $module.Path).AddStatement()
        $null = $shell.AddScript($ScriptBlock.ToString())
        foreach ($argument in $ArgumentList) { $null = $shell.AddArgument($argument) }
        $null = $shell.Invoke()
        if ($shell.Streams.Error.Count) { throw $shell.Streams.Error[0] }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
    foreach ($line in $captureHost.CaptureUI.Lines) { Write-DemoText $line.TrimEnd() }
}

Export-ModuleMember -Function Get-DemoWidth, Format-DemoText, Write-DemoText, Invoke-DemoWhatIf
