namespace QuantDesk.Client.Tests.Support;

/// <summary>A fresh sandbox per test and a plain HttpClient on it, so nothing of the client hides what the sandbox does.</summary>
public abstract class PlainHttpSandboxTests : SandboxPerTest
{
    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public void StartHttpClient() => Http = new HttpClient { BaseAddress = Sandbox.BaseAddress };

    [TearDown]
    public void StopHttpClient() => Http.Dispose();
}
