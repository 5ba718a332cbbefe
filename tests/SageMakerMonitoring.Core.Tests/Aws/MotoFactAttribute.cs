using Xunit;

namespace SageMakerMonitoring.Core.Tests.Aws
{
    /// <summary>A fact that runs against moto_server; skipped with a clear reason when moto_server is not installed
    /// (unless CI=true, where the fixture fails instead).</summary>
    public sealed class MotoFactAttribute : FactAttribute
    {
        public MotoFactAttribute()
        {
            if (MotoServer.Executable == null && !MotoServer.RequiredByCi)
            {
                Skip = MotoServer.MissingMessage;
            }
        }
    }
}
