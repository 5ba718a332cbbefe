namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>A production variant of an emulated endpoint.</summary>
    public sealed record EndpointVariant(string Name, int InstanceCount, string InstanceType);
}
