namespace RtesPlatform.Web.Api.PublicReads;

/// <summary>One step of a widening "similar" group: the group tried, in French, and how many members had a value in it.</summary>
public sealed record ApiGroupStep(string Group, string Label, int MembersWithValue);
