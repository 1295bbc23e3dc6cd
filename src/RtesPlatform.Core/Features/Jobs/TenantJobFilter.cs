using Hangfire.Client;
using RtesPlatform.Core.Features.Accounts;
using RtesPlatform.Core.Tenancy;

namespace RtesPlatform.Core.Features.Jobs;

/// <summary>
/// When a job is created: refuses a job of an undeclared kind, stamps the ambient tenant and user
/// of the unit of work creating it as job parameters (<see cref="TenantParameter"/>,
/// <see cref="UserParameter"/>), and refuses a job that needs a tenant when there is none — at
/// enqueue, with the reason, rather than later in a worker. <see cref="TenantJobActivator"/> sets
/// them again in the job's own scope.
/// </summary>
public sealed class TenantJobFilter(JobCatalogue catalogue) : IClientFilter
{
    public const string TenantParameter = "TenantId";
    public const string UserParameter = "UserId";

    public void OnCreating(CreatingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = catalogue.KindOf(context.Job) ?? throw new InvalidOperationException(
            $"The job {context.Job.Type.Name}.{context.Job.Method.Name} is not declared: declare its kind (retry policy, French name) "
            + "in its feature's AddXxxJobs with JobsSetup.AddJobKind.");
        var tenant = TenantContext.Ambient?.Tenant;
        if (tenant is not null)
        {
            context.SetJobParameter(TenantParameter, tenant.Id);
        }
        else if (kind.RequiresTenant)
        {
            throw new InvalidOperationException(
                $"The job {kind.Key} works on one tenant's data and was created without a tenant: create it inside a unit of work "
                + "whose TenantContext is set (a back-office request, or a scope with TenantContext.UseForTenantAccess).");
        }

        if (CurrentUser.Ambient?.UserId is { } user)
        {
            context.SetJobParameter(UserParameter, user);
        }
    }

    public void OnCreated(CreatedContext context)
    {
    }
}
