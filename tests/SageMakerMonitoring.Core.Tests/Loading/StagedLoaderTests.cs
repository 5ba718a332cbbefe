using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Loading
{
    /// <summary>
    /// The staged loader (out/SageMakerMonitoring/loader, written by `build.ps1 build`) is the one assembly of the module
    /// in PowerShell's default load context: it must reference nothing but the runtime (or it would pull the module's
    /// dependencies into that context), target the runtime of the oldest supported PowerShell 7 (7.4, .NET 8), and stay
    /// out of the root folder that Windows PowerShell's closure check covers.
    /// </summary>
    public sealed class StagedLoaderTests
    {
        private static string StagedModule()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (!File.Exists(Path.Combine(folder.FullName, "Module.sln"))) continue;
                var staged = Path.Combine(folder.FullName, "out", "SageMakerMonitoring");
                if (!File.Exists(Path.Combine(staged, "loader", "SageMakerMonitoring.Loader.dll")))
                {
                    throw new InvalidOperationException($"No staged loader in {staged}: run 'dotnet pwsh ./build.ps1 build' first.");
                }
                return staged;
            }
            throw new InvalidOperationException("The repository root (Module.sln) was not found above " + AppContext.BaseDirectory);
        }

        [Fact]
        public void The_loader_references_only_the_runtime_and_targets_NET_8()
        {
            var path = Path.Combine(StagedModule(), "loader", "SageMakerMonitoring.Loader.dll");
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
            Assert.Contains("System.Runtime.Loader", references);
            Assert.All(references, name => Assert.True(name == "System.Runtime" || name.StartsWith("System.", StringComparison.Ordinal),
                $"The loader references {name}; it may reference only the runtime."));

            var framework = metadata.GetAssemblyDefinition().GetCustomAttributes()
                .Select(h => metadata.GetCustomAttribute(h))
                .Where(a => AttributeName(metadata, a) == "TargetFrameworkAttribute")
                .Select(a => a.DecodeValue(new StringOnlyDecoder()).FixedArguments[0].Value as string)
                .Single();
            Assert.Equal(".NETCoreApp,Version=v8.0", framework);
        }

        [Fact]
        public void The_loader_is_not_in_the_root_folder_Windows_PowerShell_loads()
        {
            Assert.False(File.Exists(Path.Combine(StagedModule(), "SageMakerMonitoring.Loader.dll")));
        }

        private static string AttributeName(MetadataReader metadata, CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference) return "";
            var parent = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            return parent.Kind == HandleKind.TypeReference ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) : "";
        }

        /// <summary>Decodes the string arguments of an attribute (all TargetFrameworkAttribute has).</summary>
        private sealed class StringOnlyDecoder : ICustomAttributeTypeProvider<Type>
        {
            public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : typeof(object);
            public Type GetSystemType() => typeof(Type);
            public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();
            public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);
            public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);
            public Type GetTypeFromSerializedName(string name) => typeof(object);
            public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;
            public bool IsSystemType(Type type) => type == typeof(Type);
        }
    }
}
