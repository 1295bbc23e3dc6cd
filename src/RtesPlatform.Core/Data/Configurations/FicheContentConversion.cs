using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Data.Configurations;

internal static class FicheContentConversion
{
    /// <summary>Stores fiche content as one jsonb document, compared by its JSON for change tracking.</summary>
    public static PropertyBuilder<FicheContent> AsJsonDocument(this PropertyBuilder<FicheContent> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                c => FicheJson.Serialize(c),
                s => FicheJson.Deserialize(s),
                new ValueComparer<FicheContent>(
                    (a, b) => FicheJson.Serialize(a!) == FicheJson.Serialize(b!),
                    c => FicheJson.Serialize(c).GetHashCode(StringComparison.Ordinal),
                    c => FicheJson.Deserialize(FicheJson.Serialize(c))));
}
