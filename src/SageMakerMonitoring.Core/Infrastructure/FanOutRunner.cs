using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SageMakerMonitoring.Core.Infrastructure
{
    /// <summary>
    /// Runs one piece of work per item with at most <c>throttleLimit</c> running at once, starting each as soon as the
    /// (streamed) items yield it and a slot is free. Each item's work writes its own results as they come, so what one
    /// item writes stays in its order. A failed item goes to <c>onFailure</c> (which writes it as that item's error) and
    /// the rest still run; when <c>onFailure</c> throws, or the caller cancels, every running item is cancelled and the
    /// run ends with that exception once they have stopped.
    /// </summary>
    public static class FanOutRunner
    {
        /// <summary>The default -ThrottleLimit.</summary>
        public const int DefaultThrottleLimit = 4;

        public static async Task RunAsync<T>(IAsyncEnumerable<T> items, int throttleLimit, Func<T, CancellationToken, Task> work,
            Action<T, Exception> onFailure, CancellationToken cancellationToken)
        {
            if (items is null) throw new ArgumentNullException(nameof(items));
            if (work is null) throw new ArgumentNullException(nameof(work));
            if (onFailure is null) throw new ArgumentNullException(nameof(onFailure));
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, "The throttle limit must be at least 1.");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var token = stop.Token;
            using var slots = new SemaphoreSlim(throttleLimit, throttleLimit);
            var running = new List<Task>();
            Exception? fatal = null;
            var gate = new object();

            async Task RunOne(T item)
            {
                try
                {
                    await work(item, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Stopping: the run ends with the reason below.
                }
                catch (Exception ex)
                {
                    try
                    {
                        onFailure(item, ex);
                    }
                    catch (Exception terminal)
                    {
                        lock (gate) fatal ??= terminal;
                        stop.Cancel();
                    }
                }
                finally
                {
                    slots.Release();
                }
            }

            try
            {
                await foreach (var item in items.WithCancellation(token).ConfigureAwait(false))
                {
                    await slots.WaitAsync(token).ConfigureAwait(false);
                    // A slot freed in the same instant as the run stopped can still be granted: start nothing then.
                    if (token.IsCancellationRequested)
                    {
                        slots.Release();
                        break;
                    }
                    running.Add(Task.Run(() => RunOne(item)));
                    running.RemoveAll(t => t.IsCompleted);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // A fatal failure or the caller stopped the run while items were still coming.
            }
            catch (Exception ex)
            {
                // The items themselves failed (e.g. a List call): stop what runs, then report it.
                lock (gate) fatal ??= ex;
                stop.Cancel();
            }
            await Task.WhenAll(running).ConfigureAwait(false);
            if (fatal != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(fatal).Throw();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
