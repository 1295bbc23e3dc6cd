namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// Writes the rows of an <see cref="ExportTable"/>, one cell after the other in column order, in
/// one format (<see cref="CsvWriter"/>, <see cref="XlsxWriter"/>). The code that reads the data is
/// written once and every format gets the same rows; null is an empty cell.
/// </summary>
public interface IRowWriter : IAsyncDisposable
{
    void Text(string? value);

    /// <summary>A coded value: CSV files write the stable code ("EUR"), spreadsheets the French label ("€").</summary>
    void Code(string? code, string? label);

    void WholeNumber(long? value);

    void Number(decimal? value);

    void Number(double? value);

    /// <summary>A date and time in UTC.</summary>
    void Timestamp(DateTime? value);

    /// <summary>Ends the current row (it must have one cell per column).</summary>
    ValueTask EndRowAsync(CancellationToken cancellationToken);

    /// <summary>Writes what remains (the header of an empty table, the closing parts) and flushes.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
