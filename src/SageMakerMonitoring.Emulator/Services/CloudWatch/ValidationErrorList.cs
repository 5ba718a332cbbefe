using System;
using System.Collections.Generic;
using SageMakerMonitoring.Emulator.Hosting;

namespace SageMakerMonitoring.Emulator.Services.CloudWatch
{
    /// <summary>
    /// Collects validation failures of one request. CloudWatch reports every failing member of a request in one
    /// message, one line each (e.g. every bad Timestamp of a PutMetricData); the error code is that of the first
    /// failure, and only failures sharing that code are listed.
    /// </summary>
    internal sealed class ValidationErrorList
    {
        private readonly List<AwsErrorException> _errors = new List<AwsErrorException>();

        public void Add(AwsErrorException error) => _errors.Add(error);

        public bool Any => _errors.Count > 0;

        public void ThrowIfAny()
        {
            if (_errors.Count == 0) return;
            var first = _errors[0];
            if (_errors.Count == 1) throw first;
            var lines = new List<string>();
            foreach (var error in _errors)
            {
                if (string.Equals(error.Code, first.Code, StringComparison.Ordinal)) lines.Add(error.Message);
            }
            throw new AwsErrorException(first.Code, string.Join("\n", lines), first.StatusCode, first.QueryCode, first.SenderFault);
        }
    }
}
