using System.Diagnostics;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RtesPlatform.Core.Data;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// Opens each job's DI scope and, before the job resolves anything, sets the scope's
/// <see cref="TenantContext"/> (tenant access: row-level security applies) and
/// <see cref="CurrentUser"/> from the parameters <see cref="TenantJobFilter"/> stamped; the job's
/// log lines carry its id, kind, tenant and user. A tenant that no longer exists fails the job.
/// </summary>
internal sealed class TenantJobActivator(IServiceScopeFactory scopes, JobCatalogue catalogue, ILogger<TenantJobActivator> logger) : JobActivator
{
    public override JobActivatorScope BeginScope(JobActivatorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = scopes.CreateAsyncScope();
        try
        {
            var services = scope.ServiceProvider;
            var kind = catalogue.KindOf(context.BackgroundJob.Job)?.Key;
            var state = new Dictionary<string, object?>
            {
                ["JobId"] = context.BackgroundJob.Id,
                ["JobKind"] = kind,
            };
            if (context.GetJobParameter<Guid?>(TenantJobFilter.TenantParameter, allowStale: true) is { } tenantId)
            {
                var tenant = services.GetRequiredService<RtesDbContext>().Tenants.AsNoTracking()
                    .Where(t => t.Id == tenantId)
                    .Select(t => new TenantInfo(t.Id, t.Slug, t.Name, t.Status))
                    .SingleOrDefault()
                    ?? throw new InvalidOperationException($"The tenant {tenantId} of job {context.BackgroundJob.Id} no longer exists.");
                services.GetRequiredService<TenantContext>().UseForTenantAccess(tenant);
                state["TenantId"] = tenant.Id;
                state["TenantSlug"] = tenant.Slug;
            }

            if (context.GetJobParameter<Guid?>(TenantJobFilter.UserParameter, allowStale: true) is { } userId)
            {
                services.GetRequiredService<CurrentUser>().SignedIn(userId);
                state["UserId"] = userId;
            }

            var activity = JobTelemetry.Source.StartActivity("job " + kind, ActivityKind.Internal);
            foreach (var (key, value) in state)
            {
                activity?.SetTag("rtes." + key, value);
            }

            return new Scope(scope, logger.BeginScope(new JobLogScope([.. state])), activity);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    private sealed class Scope(AsyncServiceScope scope, IDisposable? logScope, Activity? activity) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope()
        {
            activity?.Dispose();
            logScope?.Dispose();
            scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
