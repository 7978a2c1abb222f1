using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

/// <summary>The pooled URL builder the generated code writes each request's path and query into.</summary>
public sealed class UrlBuilderTests
{
    [Test]
    public void Characters_appended_one_at_a_time_past_the_first_buffer_are_all_kept()
    {
        var url = new UrlBuilder();
        var expected = new string('a', 1000);

        foreach (var character in expected)
        {
            url.Append(character);
        }

        Assert.That(url.ToString(), Is.EqualTo(expected));
    }

    [TestCase(10, 1000)]
    [TestCase(100, 100)]
    [TestCase(0, 5000)]
    public void A_value_longer_than_twice_the_buffer_fits_in_one_append(int before, int appended)
    {
        var url = new UrlBuilder().Append(new string('p', before));

        url.Append(new string('q', appended));

        Assert.That(url.ToString(), Is.EqualTo(new string('p', before) + new string('q', appended)));
    }

    [Test]
    public void Shortening_drops_a_trailing_separator_and_the_text_goes_on_from_there()
    {
        var url = new UrlBuilder().Append("api/v2/markets?").Append("limit=10").Append('&');

        url.Length--;
        url.Append("#x");

        Assert.That(url.ToString(), Is.EqualTo("api/v2/markets?limit=10#x"));
    }

    [Test]
    public void Null_and_empty_values_add_nothing()
    {
        var url = new UrlBuilder().Append("a").Append((string?)null).Append(string.Empty).Append("b");

        Assert.That(url.ToString(), Is.EqualTo("ab"));
    }

    [TestCase(-1)]
    [TestCase(4)]
    public void A_length_outside_the_text_written_is_refused(int length)
    {
        var url = new UrlBuilder().Append("abc");

        Assert.Multiple(() =>
        {
            Assert.That(() => url.Length = length, Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(url.ToString(), Is.EqualTo("abc"));
        });
    }

    [TestCase(0, "")]
    [TestCase(3, "abc")]
    public void A_length_at_either_end_of_the_text_is_taken(int length, string url)
    {
        var builder = new UrlBuilder().Append("abc");

        builder.Length = length;

        Assert.That(builder.ToString(), Is.EqualTo(url));
    }
}
