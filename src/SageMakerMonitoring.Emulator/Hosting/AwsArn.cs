using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// An Amazon Resource Name, <c>arn:partition:service:region:account-id:resource</c> (AWS IAM User Guide, "Amazon
    /// Resource Names"), parsed strictly so every service input that takes an ARN refuses what AWS refuses: a known
    /// partition, a lower-case service, a region that is empty (global resources such as IAM roles) or one AWS has, an
    /// account that is empty, 12 digits or "aws" (AWS-managed resources), and a non-empty resource, which may itself hold
    /// ':' and '/'.
    /// </summary>
    public sealed class AwsArn
    {
        /// <summary>The partitions of botocore's endpoints.json.</summary>
        private static readonly HashSet<string> Partitions = new HashSet<string>(StringComparer.Ordinal)
        {
            "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
        };

        private AwsArn(string partition, string service, string region, string account, string resource)
        {
            Partition = partition;
            Service = service;
            Region = region;
            Account = account;
            Resource = resource;
        }

        public string Partition { get; }
        public string Service { get; }
        /// <summary>Empty for global resources.</summary>
        public string Region { get; }
        /// <summary>Empty for resources without an owner account (e.g. S3 buckets).</summary>
        public string Account { get; }
        /// <summary>Everything after the fifth ':' (e.g. "rule/name", "log-group:/aws/x:*", "function:f:1").</summary>
        public string Resource { get; }

        public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";

        /// <summary>True when <paramref name="text"/> is a well-formed ARN; <paramref name="arn"/> then holds its parts.</summary>
        public static bool TryParse(string? text, out AwsArn? arn)
        {
            arn = null;
            if (string.IsNullOrEmpty(text) || text!.Length > 2048) return false;
            string[] parts = text.Split(new[] { ':' }, 6);
            if (parts.Length != 6 || parts[0] != "arn") return false;
            string partition = parts[1], service = parts[2], region = parts[3], account = parts[4], resource = parts[5];
            if (!Partitions.Contains(partition)) return false;
            if (service.Length == 0 || !IsLowerToken(service)) return false;
            if (region.Length > 0 && !AwsRegions.IsKnown(region)) return false;
            if (account.Length > 0 && account != "aws" && !IsTwelveDigits(account)) return false;
            if (resource.Length == 0 || HasControlCharacter(resource)) return false;
            arn = new AwsArn(partition, service, region, account, resource);
            return true;
        }

        /// <summary>True when <paramref name="text"/> is a well-formed ARN of <paramref name="service"/>.</summary>
        public static bool IsArnOf(string? text, string service) => TryParse(text, out AwsArn? arn) && arn!.Service == service;

        private static bool IsLowerToken(string value)
        {
            foreach (char c in value)
                if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-')) return false;
            return true;
        }

        private static bool IsTwelveDigits(string value)
        {
            if (value.Length != 12) return false;
            foreach (char c in value)
                if (c is < '0' or > '9') return false;
            return true;
        }

        private static bool HasControlCharacter(string value)
        {
            foreach (char c in value)
                if (char.IsControl(c)) return true;
            return false;
        }
    }
}
