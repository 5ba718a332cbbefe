using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.S3
{
    /// <summary>An object as stored: bytes, content type, user metadata (x-amz-meta-*), ETag (quoted MD5) and time.</summary>
    public sealed record S3StoredObject(string Key, byte[] Data, string ContentType, string ETag, DateTime LastModified,
        IReadOnlyDictionary<string, string> Metadata);
}
