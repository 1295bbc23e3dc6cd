namespace RtesPlatform.Core.Tenancy;

/// <summary>Thrown when a unit of work tries to write a row of another tenant, or without a tenant.</summary>
public sealed class TenantMismatchException : InvalidOperationException
{
    public TenantMismatchException()
    {
    }

    public TenantMismatchException(string message)
        : base(message)
    {
    }

    public TenantMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
