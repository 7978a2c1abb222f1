using QuantDesk.Client.Http;

namespace QuantDesk.Client.Tests.Http;

/// <summary>Which values cannot be one URL path segment, and what is said about each.</summary>
public sealed class PathSegmentTests
{
    // Built in code: an attribute's strings are stored as UTF-8, which cannot hold an unpaired surrogate.
    private static readonly TestCaseData[] Problems =
    [
        new TestCaseData(" ", "it is empty or white space").SetName("A_blank_value_is_empty"),
        new TestCaseData(".", "'.' is a relative path reference, not data").SetName("A_dot_is_a_relative_reference"),
        new TestCaseData("..", "'..' is a relative path reference, not data").SetName("Two_dots_are_a_relative_reference"),
        new TestCaseData("run-\uD800", "it contains an unpaired surrogate character").SetName("An_unpaired_surrogate_cannot_be_sent"),
        new TestCaseData(new string('a', PathSegment.MaxEscapedLength + 1), "it is longer than 2048 characters once escaped").SetName("A_value_past_the_length_limit_is_too_long"),
        new TestCaseData(new string('/', (PathSegment.MaxEscapedLength / 3) + 1), "it is longer than 2048 characters once escaped").SetName("A_value_past_the_limit_only_once_escaped_is_too_long"),
        new TestCaseData(new string('a', PathSegment.MaxEscapedLength), null).SetName("A_value_at_the_length_limit_can_be_sent"),
        new TestCaseData("run-\U0001F600", null).SetName("A_surrogate_pair_can_be_sent"),
    ];

    [TestCaseSource(nameof(Problems))]
    public void Problem_says_why_a_value_cannot_be_a_path_segment(string value, string? problem)
    {
        Assert.That(PathSegment.Problem(value), Is.EqualTo(problem));
    }

    [Test]
    public void Escape_refuses_a_value_too_long_once_escaped_with_its_length()
    {
        var exception = Assert.Throws<ArgumentException>(() => PathSegment.Escape(new string('/', 700), "runId"));

        Assert.That(exception!.Message, Does.StartWith("The runId path segment is 2100 characters long once escaped, over the 2048 a request can carry."));
        Assert.That(exception.ParamName, Is.EqualTo("runId"));
    }

    [Test]
    public void Escape_sends_a_value_at_the_limit_once_escaped()
    {
        Assert.That(PathSegment.Escape(new string('/', 682) + "ab", "runId"), Has.Length.EqualTo(2048));
    }
}
