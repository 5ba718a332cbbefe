using System;
using System.Collections.Generic;
using System.Linq;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>
    /// What a reading cmdlet was asked for: one kind of resource, names and wildcard patterns of it (PowerShell's
    /// rules, see <see cref="ResourceNamePattern"/>), and for jobs the creation-time and status filters, which apply to
    /// plain names too. The request of <see cref="SageMakerResourceSelector"/>.
    /// </summary>
    public sealed record ResourceSelection(SageMakerResourceType Type, IReadOnlyList<string> Names)
    {
        /// <summary>For endpoints: the variant every selected endpoint is narrowed to.</summary>
        public string? VariantName { get; init; }

        /// <summary>Only resources created after this time (UTC).</summary>
        public DateTime? CreatedAfter { get; init; }

        /// <summary>Only resources in one of these statuses (the kind's status values, any case).</summary>
        public IReadOnlyList<string> Statuses { get; init; } = Array.Empty<string>();

        /// <summary>Whether -CreatedAfter or -Status narrow the selection.</summary>
        public bool HasFilters => CreatedAfter != null || Statuses.Count > 0;

        /// <summary>One plain name and no filters: read exactly as a single-resource call always was (no lookup first,
        /// every failure the call's own).</summary>
        public bool IsSinglePlainName => Names.Count == 1 && !ResourceNamePattern.ContainsWildcard(Names[0]) && !HasFilters;

        /// <summary>A single resource, as the cmdlets built it before names took lists.</summary>
        public static ResourceSelection Single(SageMakerResource resource) =>
            new ResourceSelection(resource.Type, new[] { resource.Name }) { VariantName = resource.VariantName };

        public override string ToString() => string.Join(", ", Names.Select(n => "'" + n + "'"));
    }
}
