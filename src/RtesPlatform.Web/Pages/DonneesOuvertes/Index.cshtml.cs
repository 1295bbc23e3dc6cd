using Microsoft.AspNetCore.Mvc.RazorPages;
using RtesPlatform.Core.Features.OpenData;

namespace RtesPlatform.Web.Pages.DonneesOuvertes;

/// <summary>The open-data page: what each file holds, its columns and its licence.</summary>
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<OpenDataSet> Sets => OpenDataSets.All;

    public void OnGet()
    {
    }
}
