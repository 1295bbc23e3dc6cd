using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace RtesPlatform.Web.Api;

/// <summary>
/// Pagination of the API's lists: <c>page</c> (from 1) and <c>pageSize</c> (1 to
/// <see cref="MaxPageSize"/>, <see cref="DefaultPageSize"/> by default), the page metadata of the
/// envelope and the <c>Link</c> header (RFC 8288: first, prev, next, last).
/// </summary>
public sealed record ApiPaging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 1_000_000;

    public static ApiPaging Read(ApiValidation validation, string? page, string? pageSize)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return new(
            validation.WholeNumber("page", page, 1, MaxPage, 1) ?? 1,
            validation.WholeNumber("pageSize", pageSize, 1, MaxPageSize, DefaultPageSize) ?? DefaultPageSize);
    }

    public int TotalPages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The envelope of one page of <paramref name="items"/>; sets the Link header.</summary>
    public PagedResponse<T> Respond<T>(HttpContext context, IReadOnlyList<T> items, int total)
    {
        ArgumentNullException.ThrowIfNull(context);
        var totalPages = TotalPages(total);
        var links = new List<string>
        {
            Link(context, 1, "first"),
            Link(context, totalPages, "last"),
        };
        if (Page > 1)
        {
            links.Add(Link(context, Math.Min(Page - 1, totalPages), "prev"));
        }

        if (Page < totalPages)
        {
            links.Add(Link(context, Page + 1, "next"));
        }

        context.Response.Headers.Link = string.Join(", ", links);
        return new PagedResponse<T>(items, Page, PageSize, total, totalPages);
    }

    /// <summary>The same request with another page number (other parameters kept).</summary>
    private string Link(HttpContext context, int page, string rel)
    {
        var request = context.Request;
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(q.Key, "pageSize", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)));
        var url = QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
        return $"<{url}>; rel=\"{rel}\"";
    }
}
