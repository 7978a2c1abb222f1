using Microsoft.Extensions.Time.Testing;

namespace QuantDesk.Client.Tests.Support;

/// <summary>
/// A fake clock that counts the timers it creates and fires, so a test can move it only while the code under test
/// is waiting on one: after a timer fires, the next step waits until that code has made its next timer or ended.
/// </summary>
public sealed class SteppedClock : FakeTimeProvider
{
    private int _created;
    private int _fired;

    public int TimersCreated => Volatile.Read(ref _created);

    public int TimersFired => Volatile.Read(ref _fired);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _created);
        return base.CreateTimer(
            value =>
            {
                Interlocked.Increment(ref _fired);
                callback(value);
            },
            state,
            dueTime,
            period);
    }

    /// <summary>
    /// Moves the clock in <paramref name="step"/>s until <paramref name="task"/> ends or <paramref name="limit"/> of
    /// fake time has passed. After a step that fired a timer, the next waits (in real time, up to 30 s: "does not
    /// hang") until the code has created its next timer or the task has ended, so no poll is ever late.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan step, TimeSpan limit)
    {
        for (var advanced = TimeSpan.Zero; !task.IsCompleted && advanced < limit; advanced += step)
        {
            var (created, fired) = (TimersCreated, TimersFired);
            Advance(step);
            if (TimersFired > fired)
            {
                await Eventually.TrueAsync(() => task.IsCompleted || TimersCreated > created, "the code woken by the timer made its next timer or ended");
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
