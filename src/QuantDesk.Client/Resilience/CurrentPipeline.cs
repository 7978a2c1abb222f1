using Polly;

namespace QuantDesk.Client.Resilience;

/// <summary>The Polly pipeline built for one version of a client's options, and the rate budget it draws on.</summary>
internal sealed record CurrentPipeline(QuantDeskClientOptions Options, ResiliencePipeline<HttpResponseMessage> Pipeline, RateBudget? Budget);
