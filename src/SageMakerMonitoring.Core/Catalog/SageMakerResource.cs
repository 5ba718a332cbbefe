using System;

namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>A named SageMaker resource, optionally narrowed to one endpoint variant.</summary>
    public sealed record SageMakerResource(SageMakerResourceType Type, string Name, string? VariantName = null)
    {
        public bool IsJob => Type == SageMakerResourceType.TrainingJob || Type == SageMakerResourceType.ProcessingJob || Type == SageMakerResourceType.TransformJob;

        public override string ToString() => VariantName is null ? $"{Type} '{Name}'" : $"{Type} '{Name}' variant '{VariantName}'";

        public static SageMakerResource Create(SageMakerResourceType type, string name, string? variantName = null)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A resource name must not be empty.", nameof(name));
            return new SageMakerResource(type, name.Trim(), string.IsNullOrWhiteSpace(variantName) ? null : variantName!.Trim());
        }
    }
}
