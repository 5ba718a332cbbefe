namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>
    /// A production variant of an emulated endpoint: instance-based (a type and a count), or serverless (memory and
    /// concurrency, no instance type), as ProductionVariant in botocore's model.
    /// </summary>
    public sealed record EndpointVariant(string Name, int InstanceCount, string? InstanceType)
    {
        /// <summary>Serverless variants: ServerlessConfig.MemorySizeInMB (null for instance-based variants).</summary>
        public int? ServerlessMemorySizeInMB { get; init; }

        /// <summary>Serverless variants: ServerlessConfig.MaxConcurrency.</summary>
        public int ServerlessMaxConcurrency { get; init; } = 1;

        public bool IsServerless => ServerlessMemorySizeInMB.HasValue;
    }
}
