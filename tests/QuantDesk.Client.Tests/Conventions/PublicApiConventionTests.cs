using System.Reflection;
using System.Xml.Linq;

namespace QuantDesk.Client.Tests.Conventions;

/// <summary>Rules every public type and member of the packages follows, including what is generated or added later.</summary>
public sealed class PublicApiConventionTests
{
    private static IEnumerable<MethodInfo> PublicAsyncMethods() =>
        PublicSurface.Assemblies.SelectMany(PublicSurface.Types).SelectMany(PublicSurface.Members)
            .OfType<MethodInfo>()
            .Where(method => method.IsPublic && IsAwaitable(method.ReturnType));

    [Test]
    public void Every_public_async_method_ends_in_Async_takes_a_defaulted_CancellationToken_and_can_be_overridden()
    {
        var methods = PublicAsyncMethods().ToList();
        var broken = methods
            .Select(method => (Method: Describe(method), Problems: Problems(method)))
            .Where(result => result.Problems.Count > 0)
            .Select(result => $"{result.Method}: {string.Join(", ", result.Problems)}");

        Assert.That(methods, Is.Not.Empty);
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Every_public_exception_exposes_the_status_code_and_the_request_id()
    {
        var exceptions = PublicSurface.Assemblies.SelectMany(PublicSurface.Types).Where(type => typeof(Exception).IsAssignableFrom(type)).ToList();

        Assert.That(exceptions, Has.Count.GreaterThanOrEqualTo(8));
        Assert.Multiple(() =>
        {
            foreach (var exception in exceptions)
            {
                Assert.That(exception.GetProperty("StatusCode")?.PropertyType, Is.EqualTo(typeof(int?)), exception.Name);
                Assert.That(exception.GetProperty("RequestId")?.PropertyType, Is.EqualTo(typeof(string)), exception.Name);
                Assert.That(exception.IsSubclassOf(typeof(QuantDeskException)) || exception == typeof(QuantDeskException), Is.True, $"{exception.Name} derives from QuantDeskException");
            }
        });
    }

    [Test]
    public void Every_public_type_and_member_has_XML_documentation()
    {
        var undocumented = new List<string>();
        foreach (var assembly in PublicSurface.Assemblies)
        {
            var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
                .Descendants("member")
                .Where(member => member.Elements().Any(element => element.Name != "param" || !string.IsNullOrWhiteSpace(element.Value)))
                .Select(member => (string)member.Attribute("name")!)
                .ToHashSet(StringComparer.Ordinal);
            var surface = PublicSurface.Types(assembly).SelectMany(type => PublicSurface.DocumentableMembers(type).Prepend(type));
            undocumented.AddRange(surface.Select(DocumentationIds.Of).Where(id => !documented.Contains(id) && !GeneratedWithoutDocumentation.Contains(id)));
        }

        Assert.That(undocumented, Is.Empty);
    }

    /// <summary>
    /// Nothing is excused today: the client plumbing lives once in QuantDeskClientBase (private protected), and the
    /// generated clients, interfaces and constructors get their summaries from the Generation/Templates hooks.
    /// </summary>
    private static readonly HashSet<string> GeneratedWithoutDocumentation = [];

    private static List<string> Problems(MethodInfo method)
    {
        var problems = new List<string>();
        if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
        {
            problems.Add("name does not end in Async");
        }

        var token = method.GetParameters().LastOrDefault();
        if (token?.ParameterType != typeof(CancellationToken))
        {
            problems.Add("last parameter is not a CancellationToken");
        }
        else if (!token.HasDefaultValue || token.DefaultValue is not null)
        {
            problems.Add("CancellationToken is not defaulted to default");
        }

        if (!method.DeclaringType!.IsInterface && (!method.IsVirtual || method.IsFinal))
        {
            problems.Add("not virtual");
        }

        return problems;
    }

    private static bool IsAwaitable(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    private static string Describe(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
