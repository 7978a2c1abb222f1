using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Support;

/// <summary>A fresh sandbox per test and a plain HttpClient on it, so nothing of the client hides what the sandbox does.</summary>
public abstract class PlainHttpSandboxTests
{
    protected QuantDeskSandbox Sandbox { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public void StartSandbox()
    {
        Sandbox = QuantDeskSandbox.Start();
        Http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
    }

    [TearDown]
    public void StopSandbox()
    {
        Http.Dispose();
        Sandbox.Dispose();
    }
}
