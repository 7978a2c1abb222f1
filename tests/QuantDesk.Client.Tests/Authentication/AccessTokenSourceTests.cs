using QuantDesk.Client.Authentication;

namespace QuantDesk.Client.Tests.Authentication;

public sealed class AccessTokenSourceTests
{
    [Test]
    public void An_issued_token_describes_itself_without_the_token()
    {
        var issued = new AccessTokenSource.IssuedToken("eyJ.secret.sig", 3, CanRefresh: true);

        Assert.That(issued.ToString(), Is.EqualTo("IssuedToken { Generation = 3, CanRefresh = True }"));
    }
}
