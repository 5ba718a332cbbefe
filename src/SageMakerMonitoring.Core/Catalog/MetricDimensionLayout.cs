namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>How SageMaker names the dimensions of a metric for one kind of resource.</summary>
    public enum MetricDimensionLayout
    {
        /// <summary>One dimension <c>Host</c> = <c>job-name/algo-N</c> (training, processing) or <c>job-name/instance-id</c> (transform).</summary>
        Host,
        /// <summary><c>EndpointName</c> + <c>VariantName</c>.</summary>
        EndpointVariant,
        /// <summary><c>EndpointName</c> + <c>VariantName</c> + <c>ContainerName</c> (inference pipelines).</summary>
        EndpointVariantContainer,
        /// <summary><c>EndpointName</c> only (asynchronous-inference queue metrics).</summary>
        Endpoint,
        /// <summary><c>InferenceComponentName</c>.</summary>
        InferenceComponent,
    }
}
