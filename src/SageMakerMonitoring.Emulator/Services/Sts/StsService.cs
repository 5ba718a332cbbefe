using System.Text.Json.Nodes;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.Sts
{
    /// <summary>
    /// AWS STS (awsQuery, version 2011-06-15), GetCallerIdentity only: the account of the world the request's access key
    /// maps to (see <see cref="CredentialStore"/>), the key as UserId and an IAM user ARN in that account, the members of
    /// botocore's GetCallerIdentityResponse.
    /// </summary>
    public sealed class StsService : IJsonService
    {
        private readonly EmulatorContext _context;

        public StsService(EmulatorContext context)
        {
            _context = context;
        }

        public string SigningName => "sts";

        public JsonNode? Handle(string operation, JsonObject request) => operation switch
        {
            "GetCallerIdentity" => new JsonObject
            {
                ["UserId"] = "AIDAEMULATOR" + _context.AccountId,
                ["Account"] = _context.AccountId,
                ["Arn"] = $"arn:aws:iam::{_context.AccountId}:user/emulator",
            },
            _ => throw new AwsErrorException("InvalidAction", $"The action {operation} is not valid for this web service.", 400, queryCode: "InvalidAction"),
        };

        public void Reset()
        {
        }

        public void Seed(string seedName)
        {
        }

        public bool TryControl(string action, JsonObject arguments, out JsonNode? result)
        {
            result = null;
            return false;
        }
    }
}
