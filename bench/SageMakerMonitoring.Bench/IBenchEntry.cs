namespace SageMakerMonitoring.Bench
{
    /// <summary>One benchmark: prepares its workload, then measures the subject and its baseline in the same run.</summary>
    public interface IBenchEntry
    {
        string Name { get; }

        BenchFigure Run();
    }
}
