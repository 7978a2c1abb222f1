namespace QuantDesk.Client.Http;

/// <summary>Checks the generated code makes on required request values before anything is sent.</summary>
internal static class RequiredValue
{
    /// <summary>A required query value must have text: null, empty and white space are refused alike.</summary>
    public static void ThrowIfBlank<T>(T value, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value?.ToString()))
        {
            throw new ArgumentException($"The {parameterName} is required and must not be blank.", parameterName);
        }
    }
}
