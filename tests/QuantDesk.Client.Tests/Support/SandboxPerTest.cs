using QuantDesk.Client.Testing;

namespace QuantDesk.Client.Tests.Support;

/// <summary>A fresh sandbox for each test, stopped after it.</summary>
public abstract class SandboxPerTest
{
    protected QuantDeskSandbox Sandbox { get; private set; } = null!;

    [SetUp]
    public void StartSandbox() => Sandbox = QuantDeskSandbox.Start();

    [TearDown]
    public void StopSandbox() => Sandbox.Dispose();
}
