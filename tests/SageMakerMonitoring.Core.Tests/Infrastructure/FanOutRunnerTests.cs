using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SageMakerMonitoring.Core.Infrastructure;
using Xunit;

namespace SageMakerMonitoring.Core.Tests.Infrastructure
{
    /// <summary>The one fan-out runner: bounded concurrency, per-item failures that do not stop the rest, a terminal
    /// failure or cancellation that stops everything.</summary>
    public sealed class FanOutRunnerTests
    {
        private static async IAsyncEnumerable<int> Items(int count, [EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                yield return i;
            }
        }

        [Fact]
        public async Task Never_runs_more_items_at_once_than_the_throttle_limit()
        {
            var running = 0;
            var peak = 0;
            var done = new ConcurrentBag<int>();
            // Every item waits until three run at once: the run can only finish if three do run together.
            var threeAtOnce = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var run = FanOutRunner.RunAsync(Items(12), 3, async (i, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                if (now == 3) threeAtOnce.TrySetResult(true);
                await threeAtOnce.Task.ConfigureAwait(false);
                await Task.Yield();
                Interlocked.Decrement(ref running);
                done.Add(i);
            }, (i, e) => throw e, CancellationToken.None);
            Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))));
            await run;
            Assert.Equal(12, done.Count);
            Assert.Equal(3, peak);
        }

        [Fact]
        public async Task A_failed_item_is_reported_and_the_others_still_run()
        {
            var done = new ConcurrentBag<int>();
            var failed = new ConcurrentBag<(int, string)>();
            await FanOutRunner.RunAsync(Items(6), 2, (i, ct) =>
            {
                if (i == 2) throw new InvalidOperationException("item 2 broke");
                done.Add(i);
                return Task.CompletedTask;
            }, (i, e) => failed.Add((i, e.Message)), CancellationToken.None);
            Assert.Equal(new[] { 0, 1, 3, 4, 5 }, done.OrderBy(i => i));
            Assert.Equal(new[] { (2, "item 2 broke") }, failed.ToArray());
        }

        [Fact]
        public async Task A_failure_the_handler_rethrows_cancels_the_running_items_and_ends_the_run()
        {
            var cancelled = 0;
            var started = new ConcurrentBag<int>();
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => FanOutRunner.RunAsync(Items(100), 4, async (i, ct) =>
            {
                started.Add(i);
                if (i == 3) throw new InvalidOperationException("fatal");
                try { await Task.Delay(Timeout.Infinite, ct); }
                catch (OperationCanceledException) { Interlocked.Increment(ref cancelled); throw; }
            }, (i, e) => throw e, CancellationToken.None));
            Assert.Equal("fatal", error.Message);
            Assert.Equal(3, cancelled);           // items 0, 1 and 2 were waiting and were cancelled
            Assert.Equal(new[] { 0, 1, 2, 3 }, started.OrderBy(x => x));
            Assert.True(started.Count < 100);
        }

        [Fact]
        public async Task Cancelling_the_caller_stops_every_item()
        {
            using var cts = new CancellationTokenSource();
            var started = 0;
            var run = FanOutRunner.RunAsync(Items(10), 4, async (i, ct) =>
            {
                if (Interlocked.Increment(ref started) == 4) cts.Cancel();
                await Task.Delay(Timeout.Infinite, ct);
            }, (i, e) => throw e, cts.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            Assert.Equal(4, started);
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
        }
    }
}
