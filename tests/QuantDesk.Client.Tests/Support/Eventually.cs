namespace QuantDesk.Client.Tests.Support;

/// <summary>Waits for a condition that other threads make true, with a generous "does not hang" bound instead of a timing guess.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string because)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail("Still not true after 30 s: " + because);
            }

            await Task.Delay(5);
        }
    }
}
