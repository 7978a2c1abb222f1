using QuantDesk.Client.Errors;

namespace QuantDesk.Client.Tests.Errors;

/// <summary>How server text is made printable: unsafe characters escaped, surrogate pairs kept whole, long text cut.</summary>
public sealed class ServerTextTests
{
    // Built in code: an attribute's strings are stored as UTF-8, which cannot hold an unpaired surrogate.
    private static readonly TestCaseData[] Surrogates =
    [
        new TestCaseData("a\U0001F600b", "a\U0001F600b").SetName("A_surrogate_pair_is_kept"),
        new TestCaseData("\u0001\U0001F600", "\\u0001\U0001F600").SetName("A_surrogate_pair_is_kept_beside_an_escaped_character"),
        new TestCaseData("ab\uD83D", "ab\\uD83D").SetName("A_high_surrogate_at_the_end_is_escaped"),
        new TestCaseData("\uD83Dx", "\\uD83Dx").SetName("A_high_surrogate_before_another_character_is_escaped"),
        new TestCaseData("\uDE00a", "\\uDE00a").SetName("A_low_surrogate_at_the_start_is_escaped"),
        new TestCaseData("x\uDE00", "x\\uDE00").SetName("A_low_surrogate_after_another_character_is_escaped"),
        new TestCaseData("\uDE00\uD83D", "\\uDE00\\uD83D").SetName("Surrogates_in_the_wrong_order_are_both_escaped"),
    ];

    [TestCaseSource(nameof(Surrogates))]
    public void Unpaired_surrogates_are_escaped_and_pairs_kept(string value, string printable)
    {
        Assert.That(ServerText.Printable(value), Is.EqualTo(printable));
    }

    // Line and paragraph separators and every bidirectional mark, embedding, override and isolate: each could forge a
    // log line or reorder what a reader sees. Their neighbours, which do neither, are kept.
    [TestCase('\u2028')]
    [TestCase('\u2029')]
    [TestCase('\u200E')]
    [TestCase('\u200F')]
    [TestCase('\u061C')]
    [TestCase('\u202A')]
    [TestCase('\u202B')]
    [TestCase('\u202C')]
    [TestCase('\u202D')]
    [TestCase('\u202E')]
    [TestCase('\u2066')]
    [TestCase('\u2067')]
    [TestCase('\u2068')]
    [TestCase('\u2069')]
    [TestCase('\u0085')]
    public void A_separator_or_bidirectional_control_is_escaped(char unsafeCharacter) =>
        Assert.That(ServerText.Printable($"a{unsafeCharacter}b"), Is.EqualTo($"a\\u{(int)unsafeCharacter:X4}b"));

    [TestCase('\u2027')]
    [TestCase('\u200D')]
    [TestCase('\u061B')]
    [TestCase('\u2065')]
    [TestCase('\u206A')]
    [TestCase('\u202F')]
    public void A_neighbour_of_the_escaped_ranges_is_kept(char character) =>
        Assert.That(ServerText.Printable($"a{character}b"), Is.EqualTo($"a{character}b"));

    [Test]
    public void Nothing_of_the_text_is_kept_under_a_limit_of_zero()
    {
        Assert.That(ServerText.Printable("\uDE00x", maxLength: 0), Is.EqualTo("… (2 characters)"));
    }

    [Test]
    public void Long_text_is_cut_at_the_limit_and_says_how_long_it_was()
    {
        Assert.That(ServerText.Printable("abcdef", maxLength: 3), Is.EqualTo("abc… (6 characters)"));
    }

    [Test]
    public void Text_at_the_limit_is_not_cut()
    {
        Assert.That(ServerText.Printable("abc", maxLength: 3), Is.EqualTo("abc"));
    }

    [Test]
    public void A_cut_never_falls_between_the_halves_of_a_surrogate_pair()
    {
        Assert.That(ServerText.Printable("ab\U0001F600cd", maxLength: 3), Is.EqualTo("ab\U0001F600… (6 characters)"));
    }

    [Test]
    public void A_cut_after_an_unpaired_high_surrogate_falls_right_after_it()
    {
        Assert.That(ServerText.Printable("ab\uD83Dcd", maxLength: 3), Is.EqualTo("ab\\uD83D… (5 characters)"));
    }
}
