namespace RtesPlatform.Core.Features.Authoring;

public enum DiffKind
{
    Unchanged,
    Added,
    Removed,
}
