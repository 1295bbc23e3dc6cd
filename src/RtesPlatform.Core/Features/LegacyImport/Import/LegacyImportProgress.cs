namespace RtesPlatform.Core.Features.LegacyImport.Import;

public sealed record LegacyImportProgress(int Done, int Total, string? Current);
