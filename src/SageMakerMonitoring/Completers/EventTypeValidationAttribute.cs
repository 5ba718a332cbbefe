using System;
using System.Management.Automation;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Completers
{
    /// <summary>Accepts only SageMaker event types of the catalog (short name or detail-type, any case).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EventTypeValidationAttribute : ValidateEnumeratedArgumentsAttribute
    {
        protected override void ValidateElement(object element)
        {
            var text = (element is PSObject p ? p.BaseObject : element)?.ToString();
            if (string.IsNullOrEmpty(text) || SageMakerEventCatalog.Find(text!) == null)
            {
                throw new ValidationMetadataException("'" + text + "' is not a SageMaker event type. Valid values: "
                    + string.Join(", ", SageMakerEventCatalog.ShortNames) + ".");
            }
        }
    }
}
