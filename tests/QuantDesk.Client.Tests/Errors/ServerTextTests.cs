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
