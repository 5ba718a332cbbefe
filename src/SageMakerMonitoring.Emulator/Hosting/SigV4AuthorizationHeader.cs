using System;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>The parts of an "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=..." header.</summary>
    public sealed class SigV4AuthorizationHeader
    {
        public const string Algorithm = "AWS4-HMAC-SHA256";

        private SigV4AuthorizationHeader(string accessKeyId, string date, string region, string service, string[] signedHeaders, string signature)
        {
            AccessKeyId = accessKeyId;
            Date = date;
            Region = region;
            Service = service;
            SignedHeaders = signedHeaders;
            Signature = signature;
        }

        public string AccessKeyId { get; }
        /// <summary>yyyyMMdd from the credential scope.</summary>
        public string Date { get; }
        public string Region { get; }
        public string Service { get; }
        public string[] SignedHeaders { get; }
        public string Signature { get; }
        public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

        public static bool TryParse(string? header, out SigV4AuthorizationHeader? parsed)
        {
            parsed = null;
            if (header is null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return false;
            string? credential = null, signedHeaders = null, signature = null;
            foreach (string part in header.Substring(Algorithm.Length + 1).Split(','))
            {
                string item = part.Trim();
                int eq = item.IndexOf('=');
                if (eq <= 0) continue;
                string name = item.Substring(0, eq);
                string value = item.Substring(eq + 1).Trim();
                if (name == "Credential") credential = value;
                else if (name == "SignedHeaders") signedHeaders = value;
                else if (name == "Signature") signature = value;
            }
            if (credential is null || signedHeaders is null || signature is null) return false;
            string[] scope = credential.Split('/');
            if (scope.Length != 5 || scope[4] != "aws4_request" || scope[0].Length == 0) return false;
            parsed = new SigV4AuthorizationHeader(scope[0], scope[1], scope[2], scope[3],
                signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries), signature);
            return true;
        }
    }
}
