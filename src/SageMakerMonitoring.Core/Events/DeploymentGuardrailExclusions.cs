using System.Collections.Generic;

namespace SageMakerMonitoring.Core.Events
{
    /// <summary>
    /// Features excluded from deployment guardrails (SageMaker Developer Guide, deployment-guardrails-exclusions), for
    /// the warning printed with Endpoint Deployment State Change rules: such endpoints emit no canary/linear/baking steps.
    /// </summary>
    public static class DeploymentGuardrailExclusions
    {
        private const string FallBack = "guardrails do not apply; updates fall back to blue/green with all-at-once traffic shifting and no final baking period";

        public static IReadOnlyList<DeploymentGuardrailExclusion> All { get; } = new[]
        {
            new DeploymentGuardrailExclusion("AWS Marketplace containers", FallBack, true),
            new DeploymentGuardrailExclusion("Inf1 (Inferentia) instances", FallBack, true),
            new DeploymentGuardrailExclusion("Serverless inference endpoints", "rolling deployments are unavailable", true),
            new DeploymentGuardrailExclusion("Multi-variant endpoints", "rolling deployments are unavailable", true),
            new DeploymentGuardrailExclusion("Amazon Elastic Inference endpoints", FallBack + " (listed only in the 2023 version of the guide)", false),
        };

        /// <summary>One line for a cmdlet warning.</summary>
        public static string WarningText =>
            "Deployment state events describe guardrail steps (canary, linear, rolling, baking). Endpoints using AWS Marketplace containers "
            + "or Inf1 instances cannot use guardrails (blue/green all-at-once, no baking); serverless and multi-variant endpoints cannot use rolling deployments. "
            + "Blue/green and rolling deployments also need the new endpoint config to keep the same variant name.";
    }
}
