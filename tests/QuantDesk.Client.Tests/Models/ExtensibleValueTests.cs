using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace QuantDesk.Client.Tests.Models;

/// <summary>
/// Every extensible value generated from the contract's enums, found by reflection over the library: a value type
/// added to the contract is checked here without a line of test code.
/// </summary>
public sealed class ExtensibleValueTests
{
    public static IEnumerable<Type> ValueTypes() =>
        typeof(IQuantDeskClient).Assembly.GetTypes()
            .Where(type => type.IsValueType && type.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IExtensibleValue<>)))
            .OrderBy(type => type.Name);

    [Test]
    public void The_discovery_finds_every_value_type_of_the_contract()
    {
        Assert.That(ValueTypes(), Is.EquivalentTo(new[]
        {
            typeof(AssetClass), typeof(PositionSide), typeof(OrderSide), typeof(OrderType),
            typeof(CandleResolution), typeof(OrderbookSource), typeof(OrderStatus), typeof(BacktestRunStatus),
        }));
    }

    [TestCaseSource(nameof(ValueTypes))]
    public void Known_values_are_the_static_members_and_are_known(Type type) => Run(nameof(KnownValuesAreTheStaticMembers), type);

    [TestCaseSource(nameof(ValueTypes))]
    public void Known_values_round_trip_through_JSON_as_their_wire_text(Type type) => Run(nameof(KnownValuesRoundTrip), type);

    [TestCaseSource(nameof(ValueTypes))]
    public void An_unknown_value_is_kept_exactly_as_sent(Type type) => Run(nameof(UnknownValuesAreKept), type);

    [TestCaseSource(nameof(ValueTypes))]
    public void Values_compare_and_hash_ignoring_case_and_keep_their_spelling(Type type) => Run(nameof(CaseInsensitiveEquality), type);

    [TestCaseSource(nameof(ValueTypes))]
    public void A_JSON_value_that_is_not_a_string_is_refused(Type type) => Run(nameof(NonStringsAreRefused), type);

    [TestCaseSource(nameof(ValueTypes))]
    public void The_default_value_is_empty_unknown_and_null_is_refused(Type type) => Run(nameof(DefaultAndNull), type);

    private static void KnownValuesAreTheStaticMembers<T>()
        where T : struct, IExtensibleValue<T>
    {
        var known = KnownValues<T>();
        var members = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(property => property.PropertyType == typeof(T))
            .Select(property => (T)property.GetValue(null)!)
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(known, Is.Not.Empty);
            Assert.That(known.Select(value => value.ToString()), Is.EqualTo(members.Select(value => value.ToString())), "KnownValues lists the static members in order");
            Assert.That(known.Select(value => value.ToString()!.ToUpperInvariant()), Is.Unique);
            Assert.That(known.Select(value => value.ToString()), Has.All.Matches<string>(text => text.Length > 0 && text == text.Trim()));
            Assert.That(known.Select(IsKnown), Has.All.True);
        });
    }

    private static void KnownValuesRoundTrip<T>()
        where T : struct, IExtensibleValue<T>
    {
        foreach (var value in KnownValues<T>())
        {
            var json = JsonSerializer.Serialize(value);
            var back = JsonSerializer.Deserialize<T>(json);

            Assert.That(json, Is.EqualTo(JsonSerializer.Serialize(value.ToString())));
            Assert.That((back.Equals(value), back.ToString(), IsKnown(back)), Is.EqualTo((true, value.ToString(), true)));
        }
    }

    private static void UnknownValuesAreKept<T>()
        where T : struct, IExtensibleValue<T>
    {
        foreach (var text in new[] { "Brand_New-Value", "  spaced  ", "ünïcødé 运行", "a\"quote\\" })
        {
            var value = T.FromWire(text);
            var back = JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(text));

            Assert.Multiple(() =>
            {
                Assert.That(value.ToString(), Is.EqualTo(text));
                Assert.That(IsKnown(value), Is.False);
                Assert.That(KnownValues<T>(), Has.None.EqualTo(value));
                Assert.That(back.ToString(), Is.EqualTo(text), "read from JSON");
                Assert.That(JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value)), Is.EqualTo(text), "written to JSON");
            });
        }
    }

    private static void CaseInsensitiveEquality<T>()
        where T : struct, IExtensibleValue<T>
    {
        foreach (var value in KnownValues<T>())
        {
            var upper = T.FromWire(value.ToString()!.ToUpperInvariant());
            var lookup = new Dictionary<T, string> { [value] = "found" };

            Assert.Multiple(() =>
            {
                Assert.That(upper.Equals(value) && value.Equals(upper) && upper.Equals((object)value), Is.True);
                Assert.That(upper.GetHashCode(), Is.EqualTo(value.GetHashCode()));
                Assert.That(upper.ToString(), Is.EqualTo(value.ToString()!.ToUpperInvariant()));
                Assert.That(IsKnown(upper), Is.True);
                Assert.That(lookup.GetValueOrDefault(upper), Is.EqualTo("found"));
                Assert.That(Operator<T>("op_Equality", upper, value), Is.True);
                Assert.That(Operator<T>("op_Inequality", upper, value), Is.False);
            });
        }

        var first = KnownValues<T>()[0];
        Assert.That(first.Equals(T.FromWire(first + "x")), Is.False);
        Assert.That(first.Equals((object)first.ToString()!), Is.False, "a value is not equal to its text");
    }

    private static void NonStringsAreRefused<T>()
        where T : struct, IExtensibleValue<T>
    {
        foreach (var json in new[] { "3", "true", "{}", "[]" })
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<T>(json), json);
        }

        // A JSON null reads as an absent value: the empty default.
        Assert.That(JsonSerializer.Deserialize<T>("null"), Is.EqualTo(default(T)));
    }

    private static void DefaultAndNull<T>()
        where T : struct, IExtensibleValue<T>
    {
        Assert.That((default(T).ToString(), IsKnown(default(T)), default(T).Equals(T.FromWire(string.Empty))), Is.EqualTo((string.Empty, false, true)));
        Assert.Throws<ArgumentNullException>(() => T.FromWire(null!));
    }

    private static IReadOnlyList<T> KnownValues<T>() =>
        (IReadOnlyList<T>)typeof(T).GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static bool IsKnown<T>(T value) => (bool)typeof(T).GetProperty("IsKnown")!.GetValue(value)!;

    private static bool Operator<T>(string name, T left, T right) => (bool)typeof(T).GetMethod(name, [typeof(T), typeof(T)])!.Invoke(null, [left, right])!;

    private static void Run(string check, Type type)
    {
        try
        {
            typeof(ExtensibleValueTests).GetMethod(check, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type).Invoke(null, null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
        }
    }
}
