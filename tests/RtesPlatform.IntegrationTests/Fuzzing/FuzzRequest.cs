using System.Net.Http.Headers;
using System.Text;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>The kinds of malformed input the fuzzer sends.</summary>
public enum PayloadKind
{
    /// <summary>The form as the page renders it: the control group.</summary>
    Baseline,
    OversizedField,
    WrongType,
    InvalidUtf8,
    HugeBody,
    DeepJson,
    PathTraversal,
    Sql,
    Html,
    BogusContentType,
    DuplicateFields,
    BogusQuery,
    BogusHeaders,
    IndexAbuse,
    MissingToken,
    Multipart,

    /// <summary>NUL in a value (PostgreSQL refuses it in text).</summary>
    Nul,

    /// <summary>Other C0 controls and DEL (tab and line breaks included).</summary>
    C0Controls,

    /// <summary>C1 controls (U+0080–U+009F, NEL included).</summary>
    C1Controls,

    /// <summary>Surrogates alone: encoded as UTF-8 bytes in URLs and forms, escaped in JSON.</summary>
    LoneSurrogates,

    /// <summary>Overlong UTF-8 forms (NUL and "/" among them).</summary>
    OverlongUtf8,
}

/// <summary>One generated request, built before the run (so that a seed gives the same requests in any order).</summary>
public sealed record FuzzRequest(
    int Number,
    PayloadKind Kind,
    FuzzTarget Target,
    string Method,
    string Url,
    byte[]? Body,
    string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    bool WithCookies)
{
    public HttpRequestMessage ToMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (WithCookies)
        {
            FuzzSite.Authenticate(request, Target.Session);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                content.Headers.Remove("Content-Type");
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            request.Content = content;
        }

        return request;
    }

    /// <summary>What a failure report shows: the kind, the request line and the start of the body.</summary>
    public string Describe()
    {
        var body = Body is null ? string.Empty
            : " body[" + Body.Length + "]=" + Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 160)).ReplaceLineEndings(" ");
        var headers = Headers.Count == 0 ? string.Empty : " headers=" + string.Join("; ", Headers.Select(h => $"{h.Key}: {Cut(h.Value)}"));
        return $"#{Number} {Kind} as {Target.Session.Name}: {Method} {Cut(Url)} ({ContentType ?? "no content type"}){headers}{body}";
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + $"…({text.Length} chars)";

    /// <summary>application/x-www-form-urlencoded from already-encoded pairs (so that invalid percent sequences survive).</summary>
    public static byte[] EncodedForm(IEnumerable<KeyValuePair<string, string>> encodedPairs) =>
        Encoding.ASCII.GetBytes(string.Join('&', encodedPairs.Select(p => p.Key + "=" + p.Value)));

    public static string Encode(string text) => Uri.EscapeDataString(text);

    public static MediaTypeHeaderValue FormType { get; } = new("application/x-www-form-urlencoded");
}
