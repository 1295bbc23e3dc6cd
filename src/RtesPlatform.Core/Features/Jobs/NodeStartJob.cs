using Hangfire.Common;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>A job every node enqueues once as it starts (before its server runs), e.g. "generate the open-data files if none exists".</summary>
public sealed record NodeStartJob(JobKind Kind, Job Job);
