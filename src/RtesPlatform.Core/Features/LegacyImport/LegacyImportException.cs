namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>A file that cannot be read as a legacy export; the message is in French, for the user.</summary>
public sealed class LegacyImportException : Exception
{
    public LegacyImportException()
    {
    }

    public LegacyImportException(string message)
        : base(message)
    {
    }

    public LegacyImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
