using System;
using SageMakerMonitoring.Core.Catalog;

namespace SageMakerMonitoring.Core.Resources
{
    /// <summary>One piece of fan-out work: a resource in a scope, or the failure of a name or of a whole scope (its
    /// List call failed: no access, bad credentials), which is written as that scope's error while the others run.</summary>
    public sealed record FleetItem(FleetScope Scope, SelectedResource? Selected)
    {
        public Exception? Failure { get; init; }

        /// <summary>The resource (null for a failed scope).</summary>
        public SageMakerResource? Resource => Selected?.Resource;

        /// <summary>What an error about this item targets: the resource name, else the scope.</summary>
        public object Target => (object?)Selected?.Resource.Name ?? Scope.Label;
    }
}
