using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.OpenData;
using RtesPlatform.Web.Infrastructure;

namespace RtesPlatform.Web.Pages.DonneesOuvertes;

/// <summary>The open-data page: what each file holds, its columns, its licence, and when it was generated.</summary>
public sealed class IndexModel(OpenDataFiles files) : PageModel
{

    private Dictionary<(string Set, string Format), OpenDataFileInfo> _files = [];

    public IReadOnlyList<OpenDataSet> Sets => OpenDataSets.All;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        _files = (await files.ListAsync(cancellationToken)).ToDictionary(f => (f.SetName, f.Format));

    public OpenDataFileInfo? File(OpenDataSet set, string format) => _files.GetValueOrDefault((set.Name, format));

    /// <summary>"généré le 22 novembre 2026 à 03:00, 1,2 Mo, 1 234 lignes" (Paris time).</summary>
    public static string Describe(OpenDataFileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var date = FrenchFormat.DateTime(file.GeneratedAt);
        var rows = FrenchFormat.Plural(file.RowCount, "ligne", "lignes");
        return $"généré le {date}, {Size(file.ByteCount)}, {rows}";
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes.ToString("N0", WebSetup.French)}\u00a0octets",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("N1", WebSetup.French)}\u00a0ko",
        < 1024L * 1024 * 1024 => $"{(bytes / 1024.0 / 1024).ToString("N1", WebSetup.French)}\u00a0Mo",
        _ => $"{(bytes / 1024.0 / 1024 / 1024).ToString("N1", WebSetup.French)}\u00a0Go",
    };
}
