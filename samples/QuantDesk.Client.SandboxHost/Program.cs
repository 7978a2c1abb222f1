// Runs the QuantDesk sandbox (WireMock.Net on a free loopback port) until stopped, for clients in other processes,
// such as the Native AOT sample, which cannot host WireMock.Net themselves.
//   dotnet run --project samples/QuantDesk.Client.SandboxHost
// Prints "QuantDesk sandbox listening on <url>" once it answers, then runs until Ctrl+C or SIGTERM.
using System.Runtime.InteropServices;
using QuantDesk.Client.Testing;

using var sandbox = QuantDeskSandbox.Start();
var stopped = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

Console.WriteLine($"QuantDesk sandbox listening on {sandbox.BaseAddress}");
await stopped.Task;
Console.WriteLine("QuantDesk sandbox stopped");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.TrySetResult();
}
