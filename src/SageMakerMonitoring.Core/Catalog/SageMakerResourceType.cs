namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>The kinds of SageMaker resource the module knows how to monitor.</summary>
    public enum SageMakerResourceType
    {
        TrainingJob,
        ProcessingJob,
        TransformJob,
        Endpoint,
        InferenceComponent,
        NotebookInstance,
        StudioApp,
        LabelingJob,
        InferenceRecommendationsJob,
        /// <summary>A raw namespace/dimension selection or an explicit log group.</summary>
        Custom,
    }
}
