using System.CommandLine;

namespace QuantDesk.Cli.Commands;

/// <summary>The <c>ID</c> argument of <c>runs get</c> and <c>runs wait</c>.</summary>
internal static class RunIdArgument
{
    public static Argument<string> Create() => new("id")
    {
        Description = "The run id, as printed by 'runs submit'.",
        HelpName = "ID",
    };
}
