namespace RtesPlatform.Core.Features.ReferenceData;

/// <summary>One département of the map background: its INSEE code ("01", "2A"), its name and its SVG path.</summary>
public sealed record DepartementOutline(string Code, string Name, string Path);
