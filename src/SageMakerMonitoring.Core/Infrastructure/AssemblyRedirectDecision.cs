using System.Reflection;

namespace SageMakerMonitoring.Core.Infrastructure
{
    public enum AssemblyRedirectAction
    {
        /// <summary>Not the module's to answer: the handler returns null and the loader goes on.</summary>
        Decline,
        /// <summary>Return the copy already loaded in the process.</summary>
        UseLoaded,
        /// <summary>Load the module folder's own copy.</summary>
        LoadShipped,
    }

    /// <summary>What <see cref="AssemblyRedirectPolicy"/> decided for one request, and why (for -Verbose and test messages).</summary>
    public sealed class AssemblyRedirectDecision
    {
        private AssemblyRedirectDecision(AssemblyRedirectAction action, AssemblyName? assembly, string reason)
        {
            Action = action;
            Assembly = assembly;
            Reason = reason;
        }

        public AssemblyRedirectAction Action { get; }
        /// <summary>The loaded or shipped assembly that answers; null when declined.</summary>
        public AssemblyName? Assembly { get; }
        public string Reason { get; }

        internal static AssemblyRedirectDecision Decline(string reason) => new AssemblyRedirectDecision(AssemblyRedirectAction.Decline, null, reason);
        internal static AssemblyRedirectDecision UseLoaded(AssemblyName assembly, string reason) => new AssemblyRedirectDecision(AssemblyRedirectAction.UseLoaded, assembly, reason);
        internal static AssemblyRedirectDecision LoadShipped(AssemblyName assembly, string reason) => new AssemblyRedirectDecision(AssemblyRedirectAction.LoadShipped, assembly, reason);

        public override string ToString() => $"{Action}: {Reason}";
    }
}
