using Microsoft.Extensions.Logging;

namespace QuantDesk.Client.Tests.Support;

public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message);
