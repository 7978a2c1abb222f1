using System.Reflection;
using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

/// <summary>The User-Agent's product token: the package version, without build metadata, and the runtime.</summary>
public sealed class UserAgentTests
{
    private static readonly string Runtime = ".NET 10.0.1";

    [Test]
    public void No_application_id_is_the_library_product_alone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(UserAgent.Create(null), Does.StartWith("QuantDesk.Client/"));
            Assert.That(UserAgent.Create(string.Empty), Is.EqualTo(UserAgent.Create(null)));
            Assert.That(UserAgent.Create("grid-bot/2.1"), Is.EqualTo("grid-bot/2.1 " + UserAgent.Create(null)));
        });
    }

    [Test]
    public void The_version_is_the_packages_own_without_its_build_metadata()
    {
        var informational = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.That(UserAgent.Create(null), Does.StartWith($"QuantDesk.Client/{informational.Split('+')[0]} (.NET "));
    }

    [TestCase("3.1.0-preview.2+4f2a9c1", "3.1.0.0", "QuantDesk.Client/3.1.0-preview.2 (.NET 10.0.1)")]
    [TestCase("3.1.0", "3.1.0.0", "QuantDesk.Client/3.1.0 (.NET 10.0.1)")]
    [TestCase(null, "3.1.0.0", "QuantDesk.Client/3.1.0.0 (.NET 10.0.1)")]
    [TestCase(null, null, "QuantDesk.Client/0.0.0 (.NET 10.0.1)")]
    public void The_version_falls_back_to_the_assembly_version_then_to_zero(string? informational, string? assembly, string product) =>
        Assert.That(UserAgent.LibraryProductOf(informational, assembly is null ? null : Version.Parse(assembly), Runtime), Is.EqualTo(product));
}
