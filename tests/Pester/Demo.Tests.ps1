# The demo tour (demo/*.ps1, what `build.ps1 demo` runs after the build) is read in an 80-column terminal: run at a
# console width of 80 it must print no line wider than 80 columns, run every script and exit 0. The tour runs in a
# pseudo-terminal (util-linux `script`) sized 80 columns, as in a user's terminal, so PowerShell formats for 80 columns
# and nothing the host writes directly (Write-Host, What-if lines) is hidden from the check. About 25 s.
# The wrapping helpers of demo/DemoText.psm1 are tested on their own first.

BeforeAll {
    Import-Module "$PSScriptRoot/TestHelpers.psm1" -Force
    $script:root = Get-TestRepositoryRoot
    Import-Module (Join-Path $root 'demo/DemoText.psm1') -Force
    Import-Module (Join-Path $root 'tools/Processes.psm1') -Force

    # Columns a line takes on a terminal once escape sequences are removed (after a carriage return the line is
    # overwritten, so only the text after the last one counts).
    function Get-DisplayText([string] $Line) {
        $text = $Line -replace "`e\][^`a`e]*(`a|`e\\)", '' -replace "`e\[[0-9;?]*[ -/]*[@-~]", '' -creplace "`e[()][A-Z0-9]", '' -creplace "`e[=>]", ''
        ($text -split "`r")[-1]
    }
    function Get-DisplayWidth([string] $Line) { [Globalization.StringInfo]::new((Get-DisplayText $Line)).LengthInTextElements }
}

Describe 'Format-DemoText' {
    It 'wraps prose at spaces within the width and keeps every word in order' {
        $text = "No training job named 'demo-train-resnet5' was found in this account and region (searched SageMaker " +
            '(DescribeTrainingJob) and CloudWatch namespace /aws/sagemaker/TrainingJobs with dimension Host=demo-train-resnet5/*).'
        $lines = @(Format-DemoText $text -FirstIndent 2 -Indent 2 -Width 60)
        $lines.Count | Should -BeGreaterThan 2
        foreach ($l in $lines) { $l.Length | Should -BeLessOrEqual 60 -Because "'$l'" }
        $lines[0] | Should -BeLike '  No training*'
        $lines | Select-Object -Skip 1 | ForEach-Object { $_ | Should -Match '^    \S' }
        (($lines | ForEach-Object Trim) -join ' ') | Should -BeExactly $text
        $lines | Where-Object { $_ -match '/$' } | Should -BeNullOrEmpty -Because 'a path that fits on a line is not split'
    }

    It 'splits JSON only after commas, so no string in it is broken' {
        $json = '{"source":["aws.sagemaker"],"detail-type":["SageMaker Training Job State Change"],"detail":{"TrainingJobStatus":["Failed","Stopped"]}}'
        $lines = @(Format-DemoText $json -Json -Width 60)
        foreach ($l in $lines) { $l.Length | Should -BeLessOrEqual 60 }
        (($lines | ForEach-Object Trim) -join '') | Should -BeExactly $json
        $lines | Select-Object -SkipLast 1 | ForEach-Object { $_ | Should -Match ',$' }
        $lines | Should -Contain '  "detail-type":["SageMaker Training Job State Change"],'
    }

    It 'splits a word longer than a line after its slashes, and cuts it only where nothing else is left' {
        $path = '/tmp/' + ('a' * 35) + '/' + ('b' * 35) + '/file.txt'
        $lines = @(Format-DemoText "at $path" -Width 40)
        foreach ($l in $lines) { $l.Length | Should -BeLessOrEqual 40 }
        (($lines | ForEach-Object Trim) -join '') | Should -BeExactly "at $path"
        $lines | Should -Be @('at /tmp/', ('  ' + 'a' * 35 + '/'), ('  ' + 'b' * 35 + '/'), '  file.txt')
        $long = 'x' * 100
        $cut = @(Format-DemoText $long -Width 40 -Indent 0)
        $cut.Count | Should -Be 3
        ($cut -join '') | Should -BeExactly $long
    }

    It 'keeps empty lines and the lines of a text with line breaks' {
        @(Format-DemoText "first`n`nthird" -Width 40) | Should -Be @('first', '', 'third')
    }
}

Describe 'The demo tour at 80 columns' {
    BeforeAll {
        $script:scriptCommand = Get-Command script -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        $script:output = $null
        if ($script:scriptCommand -and -not $IsWindows) {
            $null = Start-TestEmulator -Seed demo
            $wrapper = Join-Path ([IO.Path]::GetTempPath()) ("smm-demo-" + [Guid]::NewGuid().ToString('n') + '.ps1')
            # What the console reports, then the tour exactly as build.ps1 demo runs it.
            # Progress bars are drawn over and erased (they leave no line), and a terminal that never answers their
            # cursor-position queries would slow them down: the tour runs without them.
            Set-Content -LiteralPath $wrapper -Encoding utf8 -Value @"
`$ProgressPreference = 'SilentlyContinue'
Write-Host "console width: `$(`$Host.UI.RawUI.BufferSize.Width)"
& '$((Join-Path $root 'tools/Invoke-Demo.ps1') -replace "'", "''")' -ModulePath '$((Get-TestModulePath) -replace "'", "''")' -DemoPath '$((Join-Path $root 'demo') -replace "'", "''")'
exit 0
"@
            $quote = { param([string] $s) "'" + ($s -replace "'", "'\''") + "'" }
            $pwsh = @(Get-PwshCommandLine) + @('-NoProfile', '-NonInteractive', '-File', $wrapper)
            $command = 'stty cols 80 rows 50; exec ' + (($pwsh | ForEach-Object { & $quote $_ }) -join ' ')
            try {
                # -e: script exits with the tour's exit code; the typescript itself goes nowhere.
                $script:output = @(& $script:scriptCommand.Source -q -e -c $command /dev/null)
                $script:exitCode = $LASTEXITCODE
            }
            finally {
                Remove-Item -LiteralPath $wrapper -ErrorAction SilentlyContinue
                Stop-TestEmulator
            }
        }
    }

    It 'runs every demo script and exits 0' {
        if ($null -eq $script:output) {
            if ($env:CI -eq 'true') { throw "util-linux 'script' is needed to run the demo in an 80-column terminal." }
            Set-ItResult -Skipped -Because "util-linux 'script' (a pseudo-terminal of a chosen width) is not available"
            return
        }
        $text = ($script:output | ForEach-Object { Get-DisplayText $_ }) -join "`n"
        $script:exitCode | Should -Be 0 -Because $text
        $text | Should -Match 'console width: 80\b'
        foreach ($demo in Get-ChildItem -LiteralPath (Join-Path $root 'demo') -Filter *.ps1 -File) {
            $text | Should -Match ([regex]::Escape("---- $($demo.BaseName) ----"))
        }
        # The last script got to its end.
        $text | Should -Match 'open it in any browser'
    }

    It 'prints no line wider than 80 columns' {
        if ($null -eq $script:output) { Set-ItResult -Skipped -Because "util-linux 'script' is not available"; return }
        $wide = @($script:output | Where-Object { (Get-DisplayWidth $_) -gt 80 } | ForEach-Object { "[$(Get-DisplayWidth $_)] $(Get-DisplayText $_)" })
        $wide | Should -BeNullOrEmpty -Because "every line must fit 80 columns:`n$($wide -join "`n")"
    }
}
