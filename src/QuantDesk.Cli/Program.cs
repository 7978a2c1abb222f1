using QuantDesk.Cli;
using QuantDesk.Cli.Hosting;

return await QuantDeskCli.RunAsync(args, CliTerminal.ForProcess());
