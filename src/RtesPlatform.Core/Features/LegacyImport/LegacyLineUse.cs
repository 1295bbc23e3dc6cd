namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>One input line, verbatim, and what the parser made of it.</summary>
public sealed record LegacyLineUse(int LineNumber, string Text, LegacyLineRole Role);
