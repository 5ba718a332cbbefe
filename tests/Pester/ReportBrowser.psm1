# Headless Chromium for the report tests: finds (or, as root, installs Debian's) chromium, loads a page with console
# logging on, dumps its DOM, takes a screenshot, and reads PNG pixels so a test can tell a drawn chart from a blank one.

function Get-TestChromium {
    <# The chromium executable; installs Debian's package when missing and running as root. Under CI=true a missing
       browser is an error, never a skip. Returns $null (with a warning) when it cannot be had elsewhere. #>
    foreach ($name in 'chromium', 'chromium-browser') {
        $cmd = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($cmd) { return $cmd.Source }
    }
    if ((Get-Command apt-get -ErrorAction SilentlyContinue) -and (& id -u) -eq '0') {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        & apt-get update -qq *> $null
        & apt-get install -y -qq chromium *> $null
        $cmd = Get-Command chromium -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($cmd) { return $cmd.Source }
    }
    if ($env:CI -eq 'true') { throw 'chromium is not installed and could not be installed; CI requires it.' }
    Write-Warning 'chromium is not available: the browser tests are skipped.'
    $null
}

function Invoke-TestChromium {
    <# Runs headless chromium on a file with console messages logged to stderr. Returns @{ Out; Err; ExitCode }. #>
    param([Parameter(Mandatory)] [string] $Chromium, [Parameter(Mandatory)] [string] $File, [string[]] $Arguments, [int] $Width = 1280, [int] $Height = 6000)
    $profileDir = Join-Path ([IO.Path]::GetTempPath()) ('chromium-profile-' + [Guid]::NewGuid().ToString('n'))
    $psi = [Diagnostics.ProcessStartInfo]::new($Chromium)
    foreach ($a in @('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--hide-scrollbars', "--user-data-dir=$profileDir",
            '--enable-logging=stderr', '--v=0', "--window-size=$Width,$Height") + $Arguments + @([Uri]::new([IO.Path]::GetFullPath($File), [UriKind]::Absolute).AbsoluteUri)) {
        $psi.ArgumentList.Add($a)
    }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $p = [Diagnostics.Process]::Start($psi)
    $out = $p.StandardOutput.ReadToEndAsync()
    $err = $p.StandardError.ReadToEndAsync()
    if (-not $p.WaitForExit(120000)) { $p.Kill($true); throw "chromium did not finish within 2 minutes on $File" }
    $result = @{ Out = $out.GetAwaiter().GetResult(); Err = $err.GetAwaiter().GetResult(); ExitCode = $p.ExitCode }
    Remove-Item $profileDir -Recurse -Force -ErrorAction SilentlyContinue
    $result
}

Add-Type -TypeDefinition @'
using System;
using System.IO;
using System.IO.Compression;

public sealed class TestPngImage
{
    public int Width, Height;
    private byte[] _rgb; // 3 bytes a pixel

    public static TestPngImage Read(string path)
    {
        var data = File.ReadAllBytes(path);
        var img = new TestPngImage();
        int pos = 8, colorType = 0, bitDepth = 0;
        var idat = new MemoryStream();
        while (pos < data.Length)
        {
            int len = (data[pos] << 24) | (data[pos + 1] << 16) | (data[pos + 2] << 8) | data[pos + 3];
            string type = System.Text.Encoding.ASCII.GetString(data, pos + 4, 4);
            if (type == "IHDR")
            {
                img.Width = (data[pos + 8] << 24) | (data[pos + 9] << 16) | (data[pos + 10] << 8) | data[pos + 11];
                img.Height = (data[pos + 12] << 24) | (data[pos + 13] << 16) | (data[pos + 14] << 8) | data[pos + 15];
                bitDepth = data[pos + 16];
                colorType = data[pos + 17];
                if (data[pos + 20] != 0) throw new NotSupportedException("interlaced PNG");
            }
            else if (type == "IDAT") idat.Write(data, pos + 8, len);
            else if (type == "IEND") break;
            pos += 12 + len;
        }
        if (bitDepth != 8 || (colorType != 2 && colorType != 6)) throw new NotSupportedException("PNG colour type " + colorType + ", depth " + bitDepth);
        int bpp = colorType == 6 ? 4 : 3;
        int stride = img.Width * bpp;
        var raw = new MemoryStream();
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(raw);
        var bytes = raw.ToArray();
        var prev = new byte[stride];
        var cur = new byte[stride];
        img._rgb = new byte[img.Width * img.Height * 3];
        for (int y = 0; y < img.Height; y++)
        {
            int f = bytes[y * (stride + 1)];
            Array.Copy(bytes, y * (stride + 1) + 1, cur, 0, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? cur[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                int v = cur[i];
                switch (f)
                {
                    case 1: v += a; break;
                    case 2: v += b; break;
                    case 3: v += (a + b) / 2; break;
                    case 4: int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; break;
                }
                cur[i] = (byte)v;
            }
            for (int x = 0; x < img.Width; x++)
                for (int k = 0; k < 3; k++) img._rgb[(y * img.Width + x) * 3 + k] = cur[x * bpp + k];
            var t = prev; prev = cur; cur = t;
        }
        return img;
    }

    /// <summary>Pixels in the rectangle that are neither white nor light grey (grid lines), i.e. drawn marks or text.</summary>
    public int CountInk(int left, int top, int width, int height)
    {
        int n = 0;
        for (int y = Math.Max(0, top); y < Math.Min(Height, top + height); y++)
            for (int x = Math.Max(0, left); x < Math.Min(Width, left + width); x++)
            {
                int i = (y * Width + x) * 3;
                int r = _rgb[i], g = _rgb[i + 1], b = _rgb[i + 2];
                bool grey = Math.Abs(r - g) < 12 && Math.Abs(g - b) < 12;
                if (!(grey && r > 200) && !(grey && r < 60)) n++; // coloured ink: not white/grid and not black text
            }
        return n;
    }
}
'@

Export-ModuleMember -Function Get-TestChromium, Invoke-TestChromium
