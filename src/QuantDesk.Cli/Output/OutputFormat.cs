namespace QuantDesk.Cli.Output;

/// <summary>Who reads standard output: people (tables, pictures, progress), scripts (JSON) or spreadsheets (CSV).</summary>
internal enum OutputFormat
{
    Human,
    Json,
    Csv,
}
