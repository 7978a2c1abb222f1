using System.Globalization;

namespace QuantDesk.Client.Benchmarks.Load;

/// <summary>
/// The load run's command line: --calls per variant per round (20,000), --rounds (3) and --concurrency, which may be
/// given more than once (64 and 256).
/// </summary>
public sealed record LoadSettings(int Calls, int Rounds, IReadOnlyList<int> Concurrency)
{
    public static LoadSettings Parse(ReadOnlySpan<string> args)
    {
        var settings = new LoadSettings(20_000, 3, [64, 256]);
        var concurrency = new List<int>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--calls": settings = settings with { Calls = value }; break;
                case "--rounds": settings = settings with { Rounds = value }; break;
                case "--concurrency": concurrency.Add(value); break;
                default: throw new ArgumentException($"Unknown option {args[i]}; expected --calls N, --rounds N or --concurrency N.");
            }
        }

        return concurrency.Count > 0 ? settings with { Concurrency = concurrency } : settings;
    }
}
