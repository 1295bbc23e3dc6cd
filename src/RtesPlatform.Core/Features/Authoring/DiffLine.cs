namespace RtesPlatform.Core.Features.Authoring;

/// <summary>One line of a difference between two texts.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);
