using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RtesPlatform.Core.Features.Jobs;

namespace RtesPlatform.Bench;

/// <summary>A Hangfire server over the bench's services, as a web node runs it (recurring jobs stored first).</summary>
internal static class JobNode
{
    public static BackgroundJobServer Start(IServiceProvider services)
    {
        services.GetRequiredService<RecurringJobsRegistrar>().Register();
        var options = JobsSetup.ServerOptions(services, services.GetRequiredService<IOptions<JobsOptions>>().Value);
        options.ServerName = "rtes-bench-" + Environment.ProcessId;
        return new BackgroundJobServer(options, services.GetRequiredService<JobStorage>(), services.GetServices<IBackgroundProcess>());
    }
}
