using System;
using System.Management.Automation;

namespace SageMakerMonitoring.Binding
{
    /// <summary>
    /// Lets a DateTime parameter take what the module's own objects carry: a <see cref="DateTimeOffset"/> (their
    /// timestamps) becomes the same instant as a UTC DateTime; anything else binds as PowerShell would bind it. So
    /// <c>-StartTime $point.Timestamp</c> works as users expect.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class UtcDateTimeAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            return value is DateTimeOffset offset ? offset.UtcDateTime : inputData;
        }
    }
}
