namespace SageMakerMonitoring.Emulator.Services.SageMaker
{
    /// <summary>The SageMaker resource kinds the emulator describes (names as the control routes take them).</summary>
    public enum SageMakerResourceKind
    {
        TrainingJob,
        ProcessingJob,
        TransformJob,
        Endpoint,
        NotebookInstance,
        InferenceComponent,
    }
}
