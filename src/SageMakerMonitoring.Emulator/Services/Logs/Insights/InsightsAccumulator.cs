using System;
using System.Collections.Generic;

namespace SageMakerMonitoring.Emulator.Services.Logs.Insights
{
    /// <summary>Running state of one aggregate for one group.</summary>
    internal sealed class InsightsAccumulator
    {
        private readonly InsightsAggregation _aggregation;
        private long _count;
        private double _sum;
        private object? _extreme;
        private HashSet<string>? _distinct;

        public InsightsAccumulator(InsightsAggregation aggregation)
        {
            _aggregation = aggregation;
        }

        public void Add(IInsightsRow row)
        {
            if (_aggregation.Field == null) { _count++; return; }
            object? value = row.GetField(_aggregation.Field);
            if (value == null) return;
            switch (_aggregation.Function)
            {
                case "count":
                    _count++;
                    break;
                case "count_distinct":
                    (_distinct ??= new HashSet<string>(StringComparer.Ordinal)).Add(InsightsValues.Format(value));
                    break;
                case "min":
                    if (_extreme == null || InsightsValues.Compare(value, _extreme) < 0) _extreme = value;
                    break;
                case "max":
                    if (_extreme == null || InsightsValues.Compare(value, _extreme) > 0) _extreme = value;
                    break;
                default: // sum, avg: numeric values only
                    if (value is InsightsTimestamp || !InsightsValues.TryGetNumber(value, out double number)) return;
                    _sum += number;
                    _count++;
                    break;
            }
        }

        public object? Result()
        {
            switch (_aggregation.Function)
            {
                case "count": return (double)_count;
                case "count_distinct": return (double)(_distinct?.Count ?? 0);
                case "min":
                case "max": return _extreme;
                case "sum": return _count == 0 ? (object?)null : _sum;
                default: return _count == 0 ? (object?)null : _sum / _count;
            }
        }
    }
}
