using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using SageMakerMonitoring.Core.Infrastructure;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>
    /// Reads every assembly of a module folder with System.Reflection.Metadata and decides, for each reference, how
    /// .NET Framework 4.7.2 binds it: to a framework assembly (the reference assemblies of
    /// Microsoft.NETFramework.ReferenceAssemblies.net472, Facades included: the framework unifies a request to its
    /// own version when that is the same or higher), to a shipped assembly of exactly that version, or (only when the
    /// AssemblyResolve handler is counted) to a higher shipped version that <see cref="AssemblyRedirectPolicy"/> answers.
    /// </summary>
    public static class DesktopDependencyClosure
    {
        public sealed record Identity(string Name, Version Version, string Token);

        /// <summary>What Windows PowerShell 5.1 itself provides to every module (its engine, in the GAC).</summary>
        private static readonly Identity[] Host = { new Identity("System.Management.Automation", new Version(3, 0, 0, 0), "31bf3856ad364e35") };

        public sealed record Reference(string From, Identity Asked, string Outcome, Version? Ships);

        public static IReadOnlyList<Reference> Check(string moduleFolder, string frameworkFolder, bool withHandler)
        {
            var framework = new Dictionary<string, Identity>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in Host) framework[id.Name] = id;
            foreach (var path in Directory.GetFiles(frameworkFolder, "*.dll").Concat(Directory.GetFiles(Path.Combine(frameworkFolder, "Facades"), "*.dll")))
            {
                var id = ReadIdentity(path, out _);
                if (id != null && (!framework.TryGetValue(id.Name, out var known) || known.Version < id.Version)) framework[id.Name] = id;
            }
            if (!framework.ContainsKey("mscorlib") || !framework.ContainsKey("netstandard"))
            {
                throw new InvalidOperationException($"{frameworkFolder} does not look like the .NET Framework 4.7.2 reference assemblies (no mscorlib or netstandard facade).");
            }

            var shipped = new Dictionary<string, Identity>(StringComparer.OrdinalIgnoreCase);
            var references = new Dictionary<string, List<Identity>>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in Directory.GetFiles(moduleFolder, "*.dll"))
            {
                var id = ReadIdentity(path, out var refs) ?? throw new InvalidOperationException($"{path} is not a managed assembly.");
                shipped[id.Name] = id;
                references[id.Name] = refs;
            }
            var shippedNames = shipped.Values.Select(ToAssemblyName).ToList();

            var result = new List<Reference>();
            foreach (var (from, refs) in references.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                foreach (var asked in refs)
                {
                    shipped.TryGetValue(asked.Name, out var ships);
                    string outcome;
                    if (framework.TryGetValue(asked.Name, out var fx) && fx.Version >= asked.Version && TokensMatch(asked, fx)) outcome = Host.Any(h => h.Name == fx.Name) ? "host" : "framework";
                    else if (ships != null && ships.Version == asked.Version && TokensMatch(asked, ships)) outcome = "shipped";
                    else if (ships != null && withHandler
                        && AssemblyRedirectPolicy.Decide(ToAssemblyName(asked), shippedNames).Action == AssemblyRedirectAction.LoadShipped) outcome = "handler";
                    else outcome = "unresolved";
                    result.Add(new Reference(from, asked, outcome, ships?.Version));
                }
            }
            return result;
        }

        /// <summary>The unresolved references as the table the issue used: one row per (asked for, ships), the
        /// assemblies that ask in the first column.</summary>
        public static string FormatTable(IEnumerable<Reference> unresolved)
        {
            var text = new StringBuilder();
            text.AppendLine("| assembly | asks for | ships |");
            text.AppendLine("|---|---|---|");
            foreach (var row in unresolved.GroupBy(r => (r.Asked.Name, r.Asked.Version, r.Ships)).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"| {string.Join(", ", row.Select(r => r.From).Distinct().OrderBy(n => n, StringComparer.Ordinal))} | {row.Key.Name} {row.Key.Version} | {row.Key.Ships?.ToString() ?? "nothing"} |");
            }
            return text.ToString();
        }

        private static bool TokensMatch(Identity asked, Identity candidate) => asked.Token.Length == 0 || asked.Token == candidate.Token;

        private static AssemblyName ToAssemblyName(Identity id) =>
            new AssemblyName($"{id.Name}, Version={id.Version}, Culture=neutral, PublicKeyToken={(id.Token.Length == 0 ? "null" : id.Token)}");

        private static Identity? ReadIdentity(string path, out List<Identity> references)
        {
            references = new List<Identity>();
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return null;
            var reader = pe.GetMetadataReader();
            if (!reader.IsAssembly) return null;
            var definition = reader.GetAssemblyDefinition();
            foreach (var handle in reader.AssemblyReferences)
            {
                var reference = reader.GetAssemblyReference(handle);
                var blob = reader.GetBlobBytes(reference.PublicKeyOrToken);
                var token = (reference.Flags & AssemblyFlags.PublicKey) != 0 ? TokenOf(blob) : Hex(blob);
                references.Add(new Identity(reader.GetString(reference.Name), reference.Version, token));
            }
            return new Identity(reader.GetString(definition.Name), definition.Version, TokenOf(reader.GetBlobBytes(definition.PublicKey)));
        }

        private static string TokenOf(byte[] publicKey)
        {
            if (publicKey.Length == 0) return "";
            var hash = SHA1.HashData(publicKey);
            var token = new byte[8];
            for (var i = 0; i < 8; i++) token[i] = hash[hash.Length - 1 - i];
            return Hex(token);
        }

        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
    }
}
