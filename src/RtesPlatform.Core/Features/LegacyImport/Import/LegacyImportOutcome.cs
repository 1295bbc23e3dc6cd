namespace RtesPlatform.Core.Features.LegacyImport.Import;

/// <summary>What an import did with one fiche.</summary>
public enum LegacyImportOutcome
{
    /// <summary>A draft was created for a tenant that had none.</summary>
    DraftCreated,
    /// <summary>A draft written by an earlier import (or equal to the published fiche) was replaced.</summary>
    DraftUpdated,
    /// <summary>The tenant's draft already holds exactly this content.</summary>
    Unchanged,
    /// <summary>The tenant's draft holds unpublished edits by a person: kept, nothing imported.</summary>
    SkippedDraftEdited,
    /// <summary>No official collectivity could be chosen: nothing imported.</summary>
    NotMatched,
    /// <summary>The fiche breaks a fiche rule (a text too long, a year out of range…): nothing imported, the notes say where.</summary>
    RefusedByRules,
}
