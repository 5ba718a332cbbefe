namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The fault (if any) and the delay to apply to one request.</summary>
    public readonly record struct FaultDecision(FaultKind Kind, int LatencyMs)
    {
        public static readonly FaultDecision NoFault = new FaultDecision(FaultKind.None, 0);
    }
}
