namespace SageMakerMonitoring.Emulator.Services.Logs.Filtering
{
    /// <summary>The keyword tests of JSON filter patterns.</summary>
    internal enum JsonPropertyState
    {
        /// <summary><c>IS NULL</c>: present with the value null.</summary>
        IsNull,
        /// <summary><c>NOT EXISTS</c>: absent.</summary>
        NotExists,
        /// <summary><c>IS TRUE</c>.</summary>
        IsTrue,
        /// <summary><c>IS FALSE</c>.</summary>
        IsFalse,
    }
}
