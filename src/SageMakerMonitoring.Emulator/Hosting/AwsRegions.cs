using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// The AWS regions a request may be signed for: every region of every partition in botocore 1.43.11's
    /// <c>botocore/data/endpoints.json</c> (the table the AWS CLI resolves endpoints from). The emulator stands in for
    /// each of them; a region outside the table has no endpoint on AWS at all.
    /// </summary>
    public static class AwsRegions
    {
        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal)
        {
            // aws (AWS Standard)
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
            "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
            "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1",
            "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
            "us-west-2",
            // aws-cn (AWS China)
            "cn-north-1", "cn-northwest-1",
            // aws-us-gov (AWS GovCloud (US))
            "us-gov-east-1", "us-gov-west-1",
            // aws-iso (AWS ISO (US))
            "us-iso-east-1", "us-iso-west-1",
            // aws-iso-b (AWS ISOB (US))
            "us-isob-east-1", "us-isob-west-1",
            // aws-iso-e (AWS ISOE (Europe))
            "eu-isoe-west-1",
            // aws-iso-f (AWS ISOF)
            "us-isof-east-1", "us-isof-south-1",
            // aws-eusc (AWS EUSC)
            "eusc-de-east-1",
        };

        /// <summary>Every known region code.</summary>
        public static IReadOnlyCollection<string> All => Known;

        /// <summary>True when <paramref name="region"/> is a region AWS has (exact, lower-case code).</summary>
        public static bool IsKnown(string? region) => region != null && Known.Contains(region);
    }
}
