using System.Reflection;

namespace QuantDesk.Client.Tests.Conventions;

/// <summary>The ids the C# compiler gives members in its XML documentation file (<c>T:</c>, <c>M:</c>, <c>P:</c>...).</summary>
public static class DocumentationIds
{
    public static string Of(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        ConstructorInfo constructor => $"M:{TypeName(constructor.DeclaringType!)}.{(constructor.IsStatic ? "#cctor" : "#ctor")}{Parameters(constructor.GetParameters())}",
        MethodInfo method => $"M:{TypeName(method.DeclaringType!)}.{method.Name}{(method.IsGenericMethod ? "``" + method.GetGenericArguments().Length : string.Empty)}{Parameters(method.GetParameters())}{Conversion(method)}",
        PropertyInfo property => $"P:{TypeName(property.DeclaringType!)}.{property.Name}{Parameters(property.GetIndexParameters())}",
        FieldInfo field => $"F:{TypeName(field.DeclaringType!)}.{field.Name}",
        EventInfo @event => $"E:{TypeName(@event.DeclaringType!)}.{@event.Name}",
        _ => throw new NotSupportedException(member.GetType().Name),
    };

    private static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(parameter => ParameterType(parameter.ParameterType))) + ")";

    private static string Conversion(MethodInfo method) =>
        method.Name is "op_Implicit" or "op_Explicit" ? "~" + ParameterType(method.ReturnType) : string.Empty;

    private static string ParameterType(Type type)
    {
        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return ParameterType(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (!type.IsGenericType)
        {
            return (type.IsNested ? ParameterType(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name);
        }

        var definition = type.GetGenericTypeDefinition();
        var name = definition.IsNested ? ParameterType(definition.DeclaringType!) + "." + definition.Name : definition.Namespace + "." + definition.Name;
        return name[..name.IndexOf('`', StringComparison.Ordinal)] + "{" + string.Join(",", type.GetGenericArguments().Select(ParameterType)) + "}";
    }
}
