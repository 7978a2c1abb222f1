using System.Text.Json.Serialization;

namespace QuantDesk.Client;

/// <summary>
/// A flex card to publish. It is checked before it is sent: nothing reaches the API when <see cref="RunId"/> or
/// <see cref="Title"/> is blank or the title is longer than <see cref="MaxTitleLength"/> characters.
/// </summary>
public partial class PublishFlexCardRequest : IJsonOnSerializing
{
    /// <summary>The longest title the contract allows (<c>maxLength</c> of <c>title</c>).</summary>
    public const int MaxTitleLength = 120;

    void IJsonOnSerializing.OnSerializing()
    {
        const string parameter = "request";
        if (string.IsNullOrWhiteSpace(RunId))
        {
            throw new ArgumentException("PublishFlexCardRequest.RunId is required: the completed run that passed the deploy gate.", parameter);
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ArgumentException("PublishFlexCardRequest.Title is required.", parameter);
        }

        // JSON Schema's maxLength counts Unicode code points, not UTF-16 units: an emoji is one character.
        var length = Title.EnumerateRunes().Count();
        if (length > MaxTitleLength)
        {
            throw new ArgumentException($"PublishFlexCardRequest.Title has {length} characters; the API allows at most {MaxTitleLength}.", parameter);
        }
    }
}
