using System.Text.RegularExpressions;
using QuantDesk.Client.Tests.Support;

namespace QuantDesk.Client.Tests.Contract;

/// <summary>
/// openapi.json is the upstream QuantDesk document (contract/quantdesk-openapi.upstream.json) with names, docs and
/// vendor extensions added for generation: on the wire the two must say the same thing.
/// </summary>
public sealed partial class ContractDriftTests
{
    private const string OurCopy = "openapi.json";
    private const string Upstream = "contract/quantdesk-openapi.upstream.json";

    [Test]
    public void The_contract_says_on_the_wire_exactly_what_the_upstream_document_says()
    {
        var ours = WireContract.Load(OurCopy).Wire.ToJsonString();
        var upstream = WireContract.Load(Upstream).Wire.ToJsonString();

        Assert.That(ours, Is.EqualTo(upstream), "openapi.json drifted from the upstream document at wire level (paths, methods, parameters, statuses, media types, schemas, examples, security)");
    }

    [Test]
    public void The_upstream_document_requires_no_response_field_and_ours_requires_only_the_documented_ones()
    {
        var documented = DocumentedRequiredFields();

        Assert.Multiple(() =>
        {
            Assert.That(WireContract.Load(Upstream).RequiredResponseFields, Is.Empty);
            Assert.That(WireContract.Load(OurCopy).RequiredResponseFields, Is.EquivalentTo(documented), "every field our copy requires in a response must be listed, with its reason, in docs/contract.md");
        });
    }

    [Test]
    public void The_copy_covers_all_seventeen_operations_of_seven_tags()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(OurCopy)))!;
        var operations = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()).ToList();

        Assert.That(operations, Has.Count.EqualTo(17));
        Assert.That(operations.Select(operation => operation.Value!["tags"]![0]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "Markets", "Oracle", "Portfolio", "MarketData", "Social", "Backtest", "Referrals" }));
    }

    // The rows of the table in docs/contract.md: | `operationId` | status | `field` | why |
    private static List<string> DocumentedRequiredFields() =>
        [.. File.ReadAllLines(RepositoryFiles.PathOf("docs/contract.md"))
            .Select(line => RequiredRow().Match(line))
            .Where(match => match.Success)
            .Select(match => $"{match.Groups["operation"].Value} {match.Groups["status"].Value} {match.Groups["field"].Value}")];

    [GeneratedRegex(@"^\| `(?<operation>\w+)` \| (?<status>\d{3}) \| `(?<field>[\w.\[\]]+)` \|")]
    private static partial Regex RequiredRow();
}
