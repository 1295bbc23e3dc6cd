namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>The control-character classes of the corpus: a value for URLs and forms (percent-encoded) and one for JSON strings.</summary>
internal static class ControlPayloads
{
    public static readonly IReadOnlyList<PayloadKind> Kinds =
        [PayloadKind.Nul, PayloadKind.C0Controls, PayloadKind.C1Controls, PayloadKind.LoneSurrogates, PayloadKind.OverlongUtf8];

    /// <summary>Percent-encoded, for a query or form value (or, without NUL, a path segment).</summary>
    public static string Encoded(PayloadKind kind) => kind switch
    {
        PayloadKind.Nul => "a%00b",
        PayloadKind.C0Controls => "a%01%02%08%0B%0C%1B%1F%7F%09%0D%0Ab",
        PayloadKind.C1Controls => "a%C2%80%C2%85%C2%9Fb",
        PayloadKind.LoneSurrogates => "a%ED%A0%80b%ED%BF%BF",
        PayloadKind.OverlongUtf8 => "a%C0%80b%E0%80%AF%C1%BF",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>For a path segment (the test server cannot send an encoded NUL in a path; Kestrel refuses it with 400).</summary>
    public static string InPath(PayloadKind kind) => kind == PayloadKind.Nul ? "a%C0%80b" : Encoded(kind).Replace("%0D%0A", "", StringComparison.Ordinal);

    /// <summary>A JSON string literal (quotes included).</summary>
    public static string Json(PayloadKind kind) => kind switch
    {
        PayloadKind.Nul => "\"a\\u0000b\"",
        PayloadKind.C0Controls => "\"a\\u0001\\u001b\\u007f\\tb\"",
        PayloadKind.C1Controls => "\"a\\u0085\\u009fb\"",
        PayloadKind.LoneSurrogates => "\"a\\ud800b\\udfff\"",
        PayloadKind.OverlongUtf8 => "\"a\\u00c0\\u0080b\"",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
