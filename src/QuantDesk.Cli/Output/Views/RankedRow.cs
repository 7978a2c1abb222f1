using QuantDesk.Client;

namespace QuantDesk.Cli.Output.Views;

/// <summary>A leaderboard row with its place, counted from 1 at the top of the board.</summary>
internal sealed record RankedRow(int Rank, LeaderboardRow Row);
