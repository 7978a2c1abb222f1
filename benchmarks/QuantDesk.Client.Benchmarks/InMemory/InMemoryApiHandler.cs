namespace QuantDesk.Client.Benchmarks.InMemory;

/// <summary>Answers like the sandbox: the example run for its id, the documented 404 body for any other.</summary>
public sealed class InMemoryApiHandler : InMemoryAnswerHandler
{
    protected override byte[]? BodyFor(HttpRequestMessage request) =>
        request.RequestUri!.OriginalString.EndsWith(ExampleBodies.RunId, StringComparison.Ordinal) ? ExampleBodies.Run : null;
}
