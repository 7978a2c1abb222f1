using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using QuantDesk.Cli.Output.Rendering;
using Spectre.Console.Rendering;

namespace QuantDesk.Cli.Output;

/// <summary>
/// How one kind of result is shown: drawn for people, one JSON document for scripts, and CSV for spreadsheets
/// where the result is rows. A command builds its view and hands it with the result to <see cref="ICliOutput.Result{T}"/>.
/// </summary>
internal sealed class CliView<T>(Func<T, ViewContext, IRenderable> human, Action<T, TextWriter> json, Action<T, TextWriter>? csv = null)
{
    public IRenderable Human(T value, ViewContext context) => human(value, context);

    public void Json(T value, TextWriter writer) => json(value, writer);

    public bool HasCsv => csv is not null;

    public void Csv(T value, TextWriter writer) => (csv ?? throw new InvalidOperationException("This result has no CSV form."))(value, writer);
}

/// <summary>Builds views.</summary>
internal static class CliView
{
    /// <summary>A view whose JSON is the value itself, as the API names its fields.</summary>
    public static CliView<T> Of<T>(JsonTypeInfo<T> json, Func<T, ViewContext, IRenderable> human, Action<T, TextWriter>? csv = null) =>
        new(human, (value, writer) => writer.WriteLine(JsonSerializer.Serialize(value, json)), csv);

    /// <summary>A view whose JSON is a projection of the value.</summary>
    public static CliView<T> Projected<T, TJson>(
        Func<T, TJson> project, JsonTypeInfo<TJson> json, Func<T, ViewContext, IRenderable> human, Action<T, TextWriter>? csv = null) =>
        new(human, (value, writer) => writer.WriteLine(JsonSerializer.Serialize(project(value), json)), csv);

    /// <summary>Rows: a table for people, the rows as JSON, and CSV.</summary>
    public static CliView<IReadOnlyList<TRow>> Rows<TRow>(JsonTypeInfo<IReadOnlyList<TRow>> json, TableView<TRow> table) =>
        Of(json, (rows, _) => table.Render(rows), table.WriteCsv);
}
