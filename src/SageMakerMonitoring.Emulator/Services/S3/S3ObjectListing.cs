using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>One page of a bucket listing: objects, common prefixes (with a delimiter), and where to continue.</summary>
    public sealed record S3ObjectListing(IReadOnlyList<S3StoredObject> Objects, IReadOnlyList<string> CommonPrefixes, bool IsTruncated, string? LastItem);
}
