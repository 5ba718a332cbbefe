namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>How the streams of a SageMaker log group are named (which parts a stream name carries).</summary>
    public enum LogStreamLayout
    {
        /// <summary>A group SageMaker does not write, or one whose layout is not known: stream names are kept whole.</summary>
        Unknown,
        /// <summary><c>job/algo-N-epoch</c> in <c>/aws/sagemaker/TrainingJobs</c>.</summary>
        TrainingJob,
        /// <summary><c>job/hostname-epoch</c> in <c>/aws/sagemaker/ProcessingJobs</c>.</summary>
        ProcessingJob,
        /// <summary><c>job/instance-id-epoch[/data-log|/container]</c> in <c>/aws/sagemaker/TransformJobs</c>.</summary>
        TransformJob,
        /// <summary><c>variant/instance-id[/data-log|/container]</c> in <c>/aws/sagemaker/Endpoints/name</c>.</summary>
        Endpoint,
        /// <summary><c>notebook/LifecycleConfigOnStart|LifecycleConfigOnCreate|jupyter.log</c> in <c>/aws/sagemaker/NotebookInstances</c>.</summary>
        NotebookInstance,
        /// <summary><c>domain/user-or-space/app-type/app-name[/LifecycleConfigOnStart]</c> in <c>/aws/sagemaker/studio</c>.</summary>
        StudioApp,
        /// <summary><c>job</c> in <c>/aws/sagemaker/LabelingJobs</c>.</summary>
        LabelingJob,
        /// <summary><c>job/execution</c>, <c>job/CompilationJob/name</c>, <c>job/Endpoint/name</c> in <c>/aws/sagemaker/InferenceRecommendationsJobs</c>.</summary>
        InferenceRecommendationsJob,
        /// <summary><c>job</c> in <c>/aws/sagemaker/CompilationJobs</c>.</summary>
        CompilationJob,
        /// <summary><c>LifecycleConfig/instance-group/instance-id</c> in <c>/aws/sagemaker/Clusters/name/id</c>.</summary>
        Cluster,
    }
}
