using System.CommandLine;

namespace QuantDesk.Cli.Commands;

/// <summary>
/// A required text argument (a run id, a symbol). Its name is what both the usage line and the Arguments list show,
/// and a blank value is bad input, caught before anything is sent.
/// </summary>
internal static class TextArgument
{
    public static Argument<string> Create(string name, string description)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{name} must not be blank.");
            }
        });
        return argument;
    }

    /// <summary>A market symbol such as SOL-PERP.</summary>
    public static Argument<string> Symbol() => Create("SYMBOL", "The market symbol, for example SOL-PERP (see 'markets list').");
}
