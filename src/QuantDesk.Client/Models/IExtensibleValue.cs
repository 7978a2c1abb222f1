namespace QuantDesk.Client;

/// <summary>
/// A string value of the contract whose set can grow (a status, a side, a resolution): known values are static
/// members of the type, and any other value is kept exactly as sent. Values compare case-insensitively.
/// </summary>
/// <typeparam name="TSelf">The value type itself.</typeparam>
public interface IExtensibleValue<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IExtensibleValue<TSelf>
{
    /// <summary>Creates a value from its wire text, whatever it is.</summary>
    /// <param name="value">The wire text.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromWire(string value);
}
