using System.Reflection;
using QuantDesk.Client.Authentication;

namespace QuantDesk.Client.Tests.Authentication;

public sealed class AccessTokenSourceTests
{
    private const string Secret = "eyJ.secret.sig";

    [Test]
    public void An_issued_token_describes_itself_without_the_token()
    {
        var issued = new AccessTokenSource.IssuedToken(Secret, 3, CanRefresh: true);

        Assert.That(issued.ToString(), Is.EqualTo("IssuedToken { Generation = 3, CanRefresh = True }"));
    }

    // Private records that hold a token: nothing formats them today, but a debugger, a dump or a later log line would,
    // and a record's own ToString prints every property.
    [Test]
    public void A_refreshed_token_describes_itself_without_the_token() =>
        Assert.That(Describe(typeof(AccessTokenSource), "RefreshedToken", 4L, Secret), Is.EqualTo("RefreshedToken { Generation = 4 }"));

    [Test]
    public void A_formatted_header_describes_itself_without_the_token() =>
        Assert.That(Describe(typeof(BearerTokenHandler), "HeaderValue", Secret, "Bearer " + Secret), Is.EqualTo("HeaderValue { (redacted) }"));

    private static string? Describe(Type owner, string recordName, params object[] values)
    {
        var record = owner.GetNestedType(recordName, BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{owner.Name} has no nested {recordName}.");
        return Activator.CreateInstance(record, values)!.ToString();
    }
}
