// Runs the QuantDesk sandbox (WireMock.Net on a free loopback port) until stopped, for clients in other processes,
// such as the Native AOT sample, which cannot host WireMock.Net themselves.
//   dotnet run --project samples/QuantDesk.Client.SandboxHost
// Prints "QuantDesk sandbox listening on <url>" once it answers, then waits for Ctrl+C, SIGTERM or the end of stdin.
using QuantDesk.Client.Testing;

using var sandbox = QuantDeskSandbox.Start();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

Console.WriteLine($"QuantDesk sandbox listening on {sandbox.BaseAddress}");
Console.Out.Flush();

// Input redirected (a script or a parent process): closing it stops the sandbox too.
var stdinClosed = Console.IsInputRedirected ? Task.Run(() => Console.In.ReadToEnd()) : Task.Delay(Timeout.Infinite);
await Task.WhenAny(stdinClosed, Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default));
return 0;
