namespace QuantDesk.Client.Tests.Support;

/// <summary>What <see cref="LoopbackHttpServer"/> answers to one request.</summary>
public sealed record LoopbackAnswer(int Status, string? ContentType, byte[] Body, params IReadOnlyList<string> Headers);
