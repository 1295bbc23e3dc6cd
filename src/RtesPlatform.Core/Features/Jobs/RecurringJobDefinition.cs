using Hangfire;
using Hangfire.Common;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// A recurring job as its feature declares it: every node stores it at start
/// (<see cref="RecurringJobsRegistrar"/>); Hangfire then creates each occurrence once for the
/// whole cluster. Cron expressions are read in Europe/Paris; six fields include the seconds
/// (Quartz-style expressions such as <c>0 30 2 * * ?</c> are accepted).
/// </summary>
public sealed record RecurringJobDefinition(string Id, JobKind Kind, string Cron, Job Job, MisfireHandlingMode Misfire = MisfireHandlingMode.Relaxed);
