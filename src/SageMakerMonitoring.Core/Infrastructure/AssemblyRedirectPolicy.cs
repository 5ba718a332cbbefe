using System;
using System.Collections.Generic;
using System.Reflection;

namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>
    /// Decides what the module answers when the .NET Framework loader (Windows PowerShell 5.1) cannot bind a reference
    /// by itself, e.g. AWSSDK.Core asking for System.Text.Json 6.0.0.0 while the module ships 8.0.0.0. A pure function
    /// of the request, what the module folder ships and what the process already loaded, so the same rules drive the
    /// AssemblyResolve handler and the dependency-closure test.
    /// <list type="bullet">
    /// <item>Only for names the module ships, with the same public key token (when the request names one) and a neutral
    /// culture; anything else is declined, so other modules' requests are never answered by this one.</item>
    /// <item>Only when the shipped version is the same as or higher than the one asked for; never a downgrade.</item>
    /// <item>An assembly of that name already loaded in the process (by AWS Tools for PowerShell, say) with a version
    /// at least the one asked for is preferred over loading a second copy; the highest such version wins.</item>
    /// </list>
    /// Only framework types appear here: the handler calls it before any of the module's dependencies may load.
    /// </summary>
    public static class AssemblyRedirectPolicy
    {
        public static AssemblyRedirectDecision Decide(AssemblyName requested, IEnumerable<AssemblyName> shipped, IEnumerable<AssemblyName>? loaded = null)
        {
            if (requested is null) throw new ArgumentNullException(nameof(requested));
            if (shipped is null) throw new ArgumentNullException(nameof(shipped));
            var name = requested.Name;
            if (string.IsNullOrEmpty(name)) return AssemblyRedirectDecision.Decline("The request names no assembly.");
            if (!string.IsNullOrEmpty(requested.CultureName))
            {
                return AssemblyRedirectDecision.Decline($"{name} is asked for in culture '{requested.CultureName}'; the module ships neutral assemblies only.");
            }

            AssemblyName? match = null;
            foreach (var candidate in shipped)
            {
                if (candidate != null && string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    match = candidate;
                    break;
                }
            }
            if (match is null) return AssemblyRedirectDecision.Decline($"The module does not ship {name}.");

            var requestedToken = requested.GetPublicKeyToken();
            if (!SameToken(requestedToken, match.GetPublicKeyToken()))
            {
                return AssemblyRedirectDecision.Decline($"{name} is asked for with public key token {Hex(requestedToken)}; the module's copy has {Hex(match.GetPublicKeyToken())}.");
            }
            var wanted = requested.Version;
            if (wanted != null && (match.Version is null || match.Version < wanted))
            {
                return AssemblyRedirectDecision.Decline($"{name} {wanted} is asked for; the module ships the lower {match.Version?.ToString() ?? "unversioned"} build.");
            }

            AssemblyName? best = null;
            if (loaded != null)
            {
                foreach (var candidate in loaded)
                {
                    if (candidate is null || !string.Equals(candidate.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
                    if (!string.IsNullOrEmpty(candidate.CultureName) || candidate.Version is null) continue;
                    if (!SameToken(requestedToken, candidate.GetPublicKeyToken())) continue;
                    if (wanted != null && candidate.Version < wanted) continue;
                    if (best is null || candidate.Version > best.Version!) best = candidate;
                }
            }
            if (best != null) return AssemblyRedirectDecision.UseLoaded(best, $"{name} {best.Version} is already loaded; it answers the request for {wanted?.ToString() ?? "any version"}.");
            return AssemblyRedirectDecision.LoadShipped(match, $"{name} {match.Version} from the module folder answers the request for {wanted?.ToString() ?? "any version"}.");
        }

        private static bool SameToken(byte[]? requested, byte[]? candidate)
        {
            // A request without a token (a simple name) accepts any; a strong-named request needs the same signer.
            if (requested is null || requested.Length == 0) return true;
            if (candidate is null || candidate.Length != requested.Length) return false;
            for (var i = 0; i < requested.Length; i++)
            {
                if (requested[i] != candidate[i]) return false;
            }
            return true;
        }

        private static string Hex(byte[]? token)
        {
            if (token is null || token.Length == 0) return "null";
            var chars = new char[token.Length * 2];
            const string digits = "0123456789abcdef";
            for (var i = 0; i < token.Length; i++)
            {
                chars[2 * i] = digits[token[i] >> 4];
                chars[2 * i + 1] = digits[token[i] & 0xF];
            }
            return new string(chars);
        }
    }
}
