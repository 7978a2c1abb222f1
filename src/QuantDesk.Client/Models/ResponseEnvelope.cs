using System.Text.Json;

namespace QuantDesk.Client.Models;

/// <summary>
/// Rules of the envelope every QuantDesk answer comes in (<c>{ "success": ..., "data": ... }</c>).
/// </summary>
internal static class ResponseEnvelope
{
    /// <summary>
    /// A success status whose envelope says <c>success: false</c> is a failure; an envelope without <c>success</c> is not (the contract does not require it). Raised as a
    /// <see cref="JsonException"/> from deserialization, so the client reports it like any unusable body, with
    /// the error fields the body carries.
    /// </summary>
    public static void EnsureSucceeded(bool? success)
    {
        if (success == false)
        {
            throw new JsonException("The response envelope reports \"success\": false.");
        }
    }

    /// <summary>
    /// A JSON null inside a list of the contract is an unusable body, like a null where an object is promised:
    /// <c>RespectNullableAnnotations</c> checks properties, not the items of a list.
    /// </summary>
    public static void EnsureNoNullItems<T>(IReadOnlyList<T>? items, string name)
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new JsonException($"Item {i} of \"{name}\" is null.");
            }
        }
    }
}
