using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace SageMakerMonitoring.Core.Aws.Wire
{
    /// <summary>
    /// Reads an awsJson error answer: code from the x-amzn-query-error header for query-compatible services
    /// (CloudWatch: "Code;Sender"), else from __type (text after the last '#', before any ':'), else from
    /// x-amzn-ErrorType; message from "message" or "Message"; request id from x-amzn-RequestId.
    /// </summary>
    internal static class JsonErrorReader
    {
        public static AmazonServiceException Read(ServiceDescriptor service, Stream body, IWebResponseData response, Exception? inner, HttpStatusCode statusCode)
        {
            string? type = null;
            string? message = null;
            string raw = "";
            try
            {
                using (ResponseBody content = ResponseBody.Read(body, response.ContentLength))
                {
                    if (content.Length > 0)
                    {
                        ReadFields(content.Span, out type, out message);
                        if (type == null && message == null)
                        {
                            raw = System.Text.Encoding.UTF8.GetString(content.Span.ToArray());
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, a truncated body): fall back to headers and status.
            }
            catch (IOException)
            {
            }

            ErrorType errorType = (int)statusCode >= 500 ? ErrorType.Receiver : ErrorType.Sender;
            string? code = null;
            if (service.QueryCompatible)
            {
                string? queryError = Header(response, "x-amzn-query-error");
                if (!string.IsNullOrEmpty(queryError))
                {
                    int semicolon = queryError!.IndexOf(';');
                    code = semicolon >= 0 ? queryError.Substring(0, semicolon) : queryError;
                    string fault = semicolon >= 0 ? queryError.Substring(semicolon + 1) : "";
                    if (fault.Equals("Sender", StringComparison.OrdinalIgnoreCase)) errorType = ErrorType.Sender;
                    else if (fault.Equals("Receiver", StringComparison.OrdinalIgnoreCase)) errorType = ErrorType.Receiver;
                }
            }
            if (string.IsNullOrEmpty(code))
            {
                code = ShapeName(type) ?? ShapeName(Header(response, "x-amzn-ErrorType"));
            }
            if (string.IsNullOrEmpty(code))
            {
                code = "Http" + (int)statusCode;
            }
            if (string.IsNullOrEmpty(message))
            {
                message = raw.Length > 0 && raw.Length < 512
                    ? raw
                    : service.ServiceId + " answered HTTP " + (int)statusCode + " (" + code + ") without a message.";
            }
            string? requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
            return new AmazonServiceException(message, inner, errorType, code, requestId, statusCode);
        }

        private static void ReadFields(ReadOnlySpan<byte> json, out string? type, out string? message)
        {
            type = null;
            message = null;
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("__type");
                bool isCode = !isType && reader.ValueTextEquals("code");
                bool isMessage = !isType && !isCode && (reader.ValueTextEquals("message") || reader.ValueTextEquals("Message"));
                reader.Read();
                if ((isType || isCode || isMessage) && reader.TokenType == JsonTokenType.String)
                {
                    string value = reader.GetString()!;
                    if (isType) type = value;
                    else if (isCode) type ??= value;
                    else message = value;
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        /// <summary>"aws.protocoltests#ThrottlingException:http://..." → "ThrottlingException".</summary>
        internal static string? ShapeName(string? type)
        {
            if (string.IsNullOrEmpty(type))
            {
                return null;
            }
            string value = type!;
            int colon = value.IndexOf(':');
            if (colon >= 0)
            {
                value = value.Substring(0, colon);
            }
            int hash = value.LastIndexOf('#');
            if (hash >= 0)
            {
                value = value.Substring(hash + 1);
            }
            return value.Length == 0 ? null : value;
        }

        private static string? Header(IWebResponseData response, string name)
        {
            if (!response.IsHeaderPresent(name))
            {
                return null;
            }
            string value = response.GetHeaderValue(name);
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
