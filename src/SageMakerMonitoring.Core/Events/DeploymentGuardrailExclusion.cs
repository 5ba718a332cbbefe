namespace SageMakerMonitoring.Core.Events
{
    /// <summary>An endpoint feature that keeps SageMaker deployment guardrails (blue/green canary/linear, rolling) from applying.</summary>
    public sealed class DeploymentGuardrailExclusion
    {
        public DeploymentGuardrailExclusion(string feature, string consequence, bool currentlyDocumented)
        {
            Feature = feature;
            Consequence = consequence;
            CurrentlyDocumented = currentlyDocumented;
        }

        public string Feature { get; }
        public string Consequence { get; }

        /// <summary>False for items only the 2023 version of the page listed.</summary>
        public bool CurrentlyDocumented { get; }

        public override string ToString() => Feature + ": " + Consequence;
    }
}
