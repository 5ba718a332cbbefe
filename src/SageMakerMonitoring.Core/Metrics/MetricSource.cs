namespace SageMakerMonitoring.Core.Metrics
{
    /// <summary>Where a training job's utilization comes from.</summary>
    public enum MetricSource
    {
        /// <summary>CloudWatch's /aws/sagemaker/TrainingJobs (per host, summed over devices).</summary>
        CloudWatch,
        /// <summary>Debugger's system-monitor files in S3 (per device, at the job's profiling interval).</summary>
        Debugger,
        /// <summary>Debugger where the job has it and the range asks for more than CloudWatch keeps; else CloudWatch.</summary>
        Auto,
    }
}
