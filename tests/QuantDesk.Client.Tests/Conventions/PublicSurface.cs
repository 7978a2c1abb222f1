using System.Reflection;
using System.Runtime.CompilerServices;

namespace QuantDesk.Client.Tests.Conventions;

/// <summary>What users of the packages can see and call: public types and their public or protected members.</summary>
public static class PublicSurface
{
    public static readonly Assembly[] Assemblies = [typeof(BacktestClient).Assembly, typeof(QuantDesk.Client.Testing.QuantDeskSandbox).Assembly];

    /// <summary>
    /// The packages' reachable types. A mutation run (eng/mutation-test.sh) injects a public helper of its own into the
    /// assembly it mutates; left in, it would fail these tests for every mutant they run against, and so count every
    /// such mutant as killed.
    /// </summary>
    public static IEnumerable<Type> Types(Assembly assembly) =>
        assembly.GetTypes().Where(type => IsReachable(type) && !type.IsDefined(typeof(CompilerGeneratedAttribute)) && !IsMutationHelper(type));

    private static bool IsMutationHelper(Type type) => type.Namespace?.StartsWith("Stryker", StringComparison.Ordinal) == true;

    /// <summary>
    /// Members to document: an implicit parameterless constructor has no source to put a comment on (and the
    /// compiler asks for none), so parameterless constructors are left out.
    /// </summary>
    public static IEnumerable<MemberInfo> DocumentableMembers(Type type) =>
        Members(type).Where(member => member is not ConstructorInfo { IsStatic: false } constructor || constructor.GetParameters().Length > 0);

    private static bool IsReachable(Type type) =>
        type.IsVisible || (type.IsNested && (type.IsNestedFamily || type.IsNestedFamORAssem) && IsReachable(type.DeclaringType!));

    public static IEnumerable<MemberInfo> Members(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(IsVisible)
            .Where(member => !member.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(member => member is not MethodInfo { IsSpecialName: true } || member.Name.StartsWith("op_", StringComparison.Ordinal))
            .Where(member => member is not FieldInfo { IsSpecialName: true })
            .Where(member => member is not Type);

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase method => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly,
        FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
        PropertyInfo property => property.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo @event => @event.AddMethod is { } add && IsVisible(add),
        Type nested => nested.IsNestedPublic || nested.IsNestedFamily || nested.IsNestedFamORAssem,
        _ => false,
    };
}
