namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>What every emulated service shares.</summary>
    public sealed class EmulatorContext
    {
        public EmulatorContext(EmulatorClock clock, int randomSeed = 42, string accountId = "123456789012", string region = "us-east-1")
        {
            Clock = clock;
            RandomSeed = randomSeed;
            AccountId = accountId;
            Region = region;
        }

        public EmulatorClock Clock { get; }
        /// <summary>Seed for any randomness, so that runs are reproducible.</summary>
        public int RandomSeed { get; }
        public string AccountId { get; }
        /// <summary>Default region for ARNs of seeded resources.</summary>
        public string Region { get; }

        /// <summary>AWS's request quotas when the emulator enforces them (services report the data points they answer).</summary>
        public QuotaEnforcer? Quotas { get; init; }
    }
}
