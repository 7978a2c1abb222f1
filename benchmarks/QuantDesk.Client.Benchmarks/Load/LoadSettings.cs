using System.Globalization;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>The load run's command line: --calls (20,000) and --concurrency (64).</summary>
public sealed record LoadSettings(int Calls, int Concurrency)
{
    public static LoadSettings Parse(ReadOnlySpan<string> args)
    {
        var settings = new LoadSettings(20_000, 64);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--calls" => settings with { Calls = value },
                "--concurrency" => settings with { Concurrency = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; expected --calls N or --concurrency N."),
            };
        }

        return settings;
    }
}
