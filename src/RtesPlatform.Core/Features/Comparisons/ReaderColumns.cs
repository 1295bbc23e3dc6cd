using System.Data.Common;

namespace RtesPlatform.Core.Features.Comparisons;

/// <summary>Reads result columns by name, never by position: a query's columns may be reordered freely.</summary>
internal static class ReaderColumns
{
    public static T Get<T>(this DbDataReader reader, string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));

    public static T? Nullable<T>(this DbDataReader reader, string column)
        where T : struct
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    /// <summary>A column of a reference type (an array), or null.</summary>
    public static T? OrNull<T>(this DbDataReader reader, string column)
        where T : class
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
    }

    public static string? Text(this DbDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
