using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SageMakerMonitoring.Emulator.Hosting
{
    /// <summary>
    /// An emulated AWS service with a REST protocol (S3). Like <see cref="IJsonService"/> the host finds it by
    /// reflection, verifies SigV4, counts requests and applies faults; the service reads the request and writes the
    /// whole HTTP answer itself.
    /// </summary>
    public interface IRestService
    {
        /// <summary>SigV4 credential-scope service name.</summary>
        string SigningName { get; }

        /// <summary>The operation a request asks for (e.g. "PutObject"), used for counting and faults.</summary>
        string ResolveOperation(RestRequest request);

        /// <summary>Answers one request. Throw <see cref="AwsErrorException"/> for service errors; the host writes them
        /// in the service's error shape via <see cref="WriteErrorAsync"/>.</summary>
        Task HandleAsync(RestRequest request, HttpResponse response);

        /// <summary>Writes a service error in this service's wire shape.</summary>
        Task WriteErrorAsync(RestRequest request, HttpResponse response, AwsErrorException error, string requestId);

        /// <summary>The service's throttling error (used by fault injection).</summary>
        AwsErrorException ThrottlingError();

        void Reset();

        void Seed(string seedName);

        bool TryControl(string action, JsonObject arguments, out JsonNode? result);
    }
}
