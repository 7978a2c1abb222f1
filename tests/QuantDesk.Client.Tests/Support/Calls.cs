namespace QuantDesk.Client.Tests.Support;

/// <summary>Runs a call to its end and hands back how it ended.</summary>
public static class Calls
{
    /// <summary>The exception the call ended in, or null for a result.</summary>
    public static async Task<Exception?> CatchAsync(Task call)
    {
        try
        {
            await call;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
