namespace SageMakerMonitoring.Core.Logs
{
    /// <summary>Totals over every query a run started.</summary>
    public sealed record LogQueryStatistics(int Queries, int Splits, long Rows, double RecordsMatched, double RecordsScanned, double BytesScanned);
}
