using System.Text;
using static RtesPlatform.IntegrationTests.Fuzzing.FuzzRequest;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>
/// Generates the malformed requests from a seed: each request picks a target and a kind of
/// payload, then mutates the target's form (or its URL, headers, body).
/// </summary>
internal sealed class FuzzGenerator(int seed, IReadOnlyList<FuzzTarget> targets)
{
    public const string TokenField = "__RequestVerificationToken";
    public const int OneMegabyte = 1024 * 1024;

    private static readonly string[] _sql =
    [
        "' OR '1'='1", "'; DROP TABLE tenants; --", "1; SELECT pg_sleep(0)--", "\" OR \"\"=\"", "1' UNION SELECT NULL, current_user --",
        "%' AND 1=0 UNION SELECT * FROM asp_net_users --", "'); SET app.tenant_id = '00000000-0000-0000-0000-000000000000'; --",
        "$$; RESET ROLE; $$", "\\'; COPY tenants TO '/tmp/x'; --", "admin'--", "1 OR 1=1", "ARRAY[1,2]::text",
    ];

    private static readonly string[] _html =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg onload=alert(1)>",
        "[clic](javascript:alert(1))", "![x](javascript:alert(1))", "<iframe src=//evil.example>", "'';!--\"<XSS>=&{()}",
        "{{7*7}}", "@(1+1)", "<!--", "]]>", "&#x3C;script&#x3E;", "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    ];

    private static readonly string[] _traversal =
    [
        "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/appsettings.json", "..\\..\\web.config",
        "%2e%2e%5c%2e%2e%5cwindows", "....//....//etc/passwd", "%00", "x%00.css", "..%00/", "%c0%ae%c0%ae/", "/etc/passwd",
        "file:///etc/passwd", "..;/..;/", "%252e%252e%252f", "\\\\evil.example\\share",
    ];

    /// <summary>Values of the wrong type for numbers, dates, identifiers, booleans, choices.</summary>
    private static readonly string[] _wrongTypes =
    [
        "abc", "-1", "0", "-2147483649", "2147483648", "99999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "∞",
        "1,5", "1.5", "1 000 000", "12\u00a0345", "0x1F", "true", "null", "undefined", "[]", "{}", "2026-13-45", "31/02/2026",
        "0001-01-01", "9999-12-31T23:59:59", "00000000-0000-0000-0000-000000000000", "not-a-guid", "", " ", "\t", "\u200b",
        "١٢٣", "+33", "--1", "1e5", "٣", "9223372036854775808", "-0", "½",
    ];

    /// <summary>Percent-encoded byte sequences that are not valid UTF-8 (overlong, surrogates, stray continuation, truncated).</summary>
    private static readonly string[] _invalidUtf8 =
    [
        "%FF", "%FE%FF", "%C0%AF", "%C0%AE%C0%AE%2F", "%E0%80%AF", "%ED%A0%80", "%ED%BF%BF", "%80", "%BF%BF", "%C3", "%E2%82",
        "%F4%90%80%80", "%F8%88%80%80%80", "abc%C3%28def", "%ZZ", "%", "%%%", "%u0041", "%00",
    ];

    private static readonly string[] _contentTypes =
    [
        "text/plain", "application/json", "application/xml", "multipart/form-data", "multipart/form-data; boundary=",
        "multipart/form-data; boundary=" + new string('b', 200), "application/x-www-form-urlencoded; charset=bogus",
        "application/x-www-form-urlencoded; charset=utf-7", "application/x-www-form-urlencoded; charset=utf-16",
        "application/x-www-form-urlencoded; charset=\"", "*/*", "x", "application/octet-stream", "image/svg+xml",
        "text/html; charset=iso-8859-1", "application/x-www-form-urlencoded; boundary=x; charset=utf-8; charset=ascii",
        "application/x-www-form-urlencoded" + new string(' ', 500) + ";", "application/json; charset=utf-32",
    ];

    private static readonly KeyValuePair<string, string>[] _headers =
    [
        new("Accept-Language", "xx-XX;q=abc, *;q=-1, " + new string('z', 300)),
        new("Accept-Language", "ar-SA"),
        new("Accept", "text/html;q=NaN, */*;q=2"),
        new("Accept-Encoding", "gzip;q=x, br, zstd, \u00e9"),
        new("Cookie", ".AspNetCore.Identity.Application=AAAA; .AspNetCore.Antiforgery.x=%FF%FE"),
        new("Cookie", "=; ;;; a=" + new string('c', 4000)),
        new("Cookie", ".AspNetCore.Identity.Application=CfDJ8" + new string('A', 500)),
        new("If-None-Match", "\"unterminated"),
        new("If-Modified-Since", "yesterday"),
        new("If-Modified-Since", "Mon, 01 Jan 0001 00:00:00 GMT"),
        new("Range", "bytes=999999999999-1"),
        new("Range", "bytes=-0,0-,abc"),
        new("X-Forwarded-For", "999.999.999.999, not-an-ip"),
        new("X-Forwarded-Proto", "gopher"),
        new("X-Forwarded-Host", "evil.example"),
        new("Referer", "javascript:alert(1)"),
        new("Origin", "null"),
        new("User-Agent", new string('U', 8000)),
        new("Authorization", "Bearer not.a.token"),
        new("Authorization", "Basic %%%"),
        new("X-HTTP-Method-Override", "DELETE"),
        new("traceparent", "00-zzzz-zzzz-01"),
        new("traceparent", "00-" + new string('0', 32) + "-" + new string('0', 16) + "-ff"),
        new("Content-Language", "\u0000"),
        new("Expect", "100-continue"),
    ];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    public IReadOnlyList<FuzzRequest> Generate(int count)
    {
        var forms = targets.Where(t => t.IsForm).ToList();
        var others = targets.Where(t => !t.IsForm).ToList();
        var requests = new List<FuzzRequest>(count);
        for (var number = 0; number < count; number++)
        {
            // Three requests in four go to the forms, where the input is read; the rest to every other route.
            var target = forms.Count > 0 && (others.Count == 0 || _random.Next(4) != 0)
                ? forms[number % forms.Count]
                : others[_random.Next(others.Count)];
            requests.Add(target.IsForm ? FormRequest(number, target) : OtherRequest(number, target));
        }

        return requests;
    }

    private FuzzRequest FormRequest(int number, FuzzTarget target)
    {
        // Megabyte fields cost the most (the page shows them back): half as often as the other kinds.
        var kind = Pick(Enum.GetValues<PayloadKind>());
        if (kind == PayloadKind.OversizedField && _random.Next(2) == 0)
        {
            kind = PayloadKind.WrongType;
        }

        // The fields as the form sends them, percent-encoded, the session's token included.
        var pairs = target.Fields
            .Where(f => f.Type is not ("checkbox" or "radio") || _random.Next(2) == 0)
            .Select(f => Pair(f.Name, f.Name == TokenField ? target.Session.Token : f.Value))
            .ToList();
        if (pairs.All(p => p.Key != TokenField))
        {
            pairs.Add(Pair(TokenField, target.Session.Token));
        }

        var url = target.Url;
        var headers = new List<KeyValuePair<string, string>>();
        var contentType = "application/x-www-form-urlencoded";
        byte[]? body = null;
        switch (kind)
        {
            case PayloadKind.Baseline:
                break;
            case PayloadKind.OversizedField:
                SetRandomField(pairs, Encode(Repeat(_random.Next(3) == 0 ? "é" : "A", OneMegabyte)));
                break;
            case PayloadKind.WrongType:
                MutateFields(pairs, () => Encode(Pick(_wrongTypes)), 0.6);
                break;
            case PayloadKind.InvalidUtf8:
                if (_random.Next(4) == 0)
                {
                    // Raw bytes, not percent-encoded: invalid UTF-8 on the wire.
                    body = [.. EncodedForm(pairs), .. "&"u8, .. Encoding.ASCII.GetBytes(PickOrNull(target.Fields)?.Name ?? "x"), (byte)'=', 0xFF, 0xC0, 0xAE, 0xED, 0xA0, 0x80, 0x00];
                }
                else if (_random.Next(3) == 0)
                {
                    pairs.Add(new(Pick(_invalidUtf8), "1"));
                }
                else
                {
                    MutateFields(pairs, () => Pick(_invalidUtf8) + Encode("ok") + Pick(_invalidUtf8), 0.5);
                }

                break;
            case PayloadKind.HugeBody:
                (body, contentType) = HugeBody(pairs, number);
                break;
            case PayloadKind.DeepJson:
                contentType = "application/json";
                body = DeepJson(_random.Next(2) == 0 ? 100_000 : 2_000);
                break;
            case PayloadKind.PathTraversal:
                if (_random.Next(3) == 0)
                {
                    url = TraversedUrl(url);
                }
                else
                {
                    MutateFields(pairs, () => Encode(Pick(_traversal)), 0.5);
                }

                break;
            case PayloadKind.Sql:
                MutateFields(pairs, () => Encode(Pick(_sql)), 0.6);
                break;
            case PayloadKind.Html:
                MutateFields(pairs, () => Encode(Pick(_html)), 0.6);
                break;
            case PayloadKind.BogusContentType:
                contentType = _random.Next(8) == 0 ? null : Pick(_contentTypes);
                break;
            case PayloadKind.DuplicateFields:
                pairs = [.. pairs.SelectMany(p => p.Key == TokenField && _random.Next(2) == 0
                    ? new[] { p, new(TokenField, "CfDJ8bogus") }
                    : new[] { p, new(p.Key, Encode(Pick(_wrongTypes))) })];
                break;
            case PayloadKind.BogusQuery:
                url = WithBogusQuery(url);
                break;
            case PayloadKind.BogusHeaders:
                headers.AddRange(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(_headers)));
                break;
            case PayloadKind.IndexAbuse:
                pairs.AddRange(IndexAbuse(target));
                break;
            case PayloadKind.MissingToken:
                pairs.RemoveAll(p => p.Key == TokenField);
                break;
            case PayloadKind.Multipart:
                (body, contentType) = Multipart(pairs);
                break;
            case PayloadKind.Nul or PayloadKind.C0Controls or PayloadKind.C1Controls or PayloadKind.LoneSurrogates or PayloadKind.OverlongUtf8:
                MutateFields(pairs, () => ControlPayloads.Encoded(kind), 0.5);
                if (_random.Next(2) == 0)
                {
                    url = WithQuery(url, QueryKeys().Select(k => k + "=" + ControlPayloads.Encoded(kind)));
                }

                break;
        }

        body ??= EncodedForm(pairs);
        return new FuzzRequest(number, kind, target, "POST", url, body, contentType, headers, WithCookies: kind != PayloadKind.BogusHeaders || _random.Next(2) == 0);
    }

    private FuzzRequest OtherRequest(int number, FuzzTarget target)
    {
        PayloadKind[] kinds = target.IsApi || target.Method != "GET"
            ? [PayloadKind.Baseline, PayloadKind.WrongType, PayloadKind.InvalidUtf8, PayloadKind.OversizedField, PayloadKind.HugeBody,
               PayloadKind.DeepJson, PayloadKind.PathTraversal, PayloadKind.Sql, PayloadKind.Html, PayloadKind.BogusContentType,
               PayloadKind.DuplicateFields, PayloadKind.BogusQuery, PayloadKind.BogusHeaders, .. ControlPayloads.Kinds]
            : [PayloadKind.Baseline, PayloadKind.WrongType, PayloadKind.InvalidUtf8, PayloadKind.OversizedField, PayloadKind.PathTraversal,
               PayloadKind.Sql, PayloadKind.Html, PayloadKind.BogusQuery, PayloadKind.BogusHeaders, PayloadKind.BogusContentType,
               .. ControlPayloads.Kinds];
        var kind = Pick(kinds);
        var url = target.Url;
        var method = target.Method;
        var headers = new List<KeyValuePair<string, string>>();
        byte[]? body = null;
        string? contentType = null;
        var hasBody = method is "POST" or "PUT" or "PATCH" || (method == "GET" && kind == PayloadKind.BogusContentType);
        if (hasBody)
        {
            contentType = "application/json";
            body = Encoding.UTF8.GetBytes("{}");
        }

        switch (kind)
        {
            case PayloadKind.WrongType:
                url = WithQuery(url, QueryKeys().Select(k => k + "=" + Encode(Pick(_wrongTypes))));
                if (hasBody)
                {
                    body = Encoding.UTF8.GetBytes(Pick(["[]", "\"text\"", "123", "null", "true", "{\"id\":\"abc\",\"year\":\"x\",\"value\":[1]}", "{\"a\":1e400}", "{\"title\":123456789012345678901234567890}"]));
                }

                break;
            case PayloadKind.InvalidUtf8:
                url = _random.Next(2) == 0 ? InPath(url, Pick(_invalidUtf8)) : WithQuery(url, [$"q={Pick(_invalidUtf8)}", $"{Pick(_invalidUtf8)}=1"]);
                if (hasBody)
                {
                    body = [.. "{\"title\":\""u8, 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. "\"}"u8];
                }

                break;
            case PayloadKind.OversizedField:
                url = WithQuery(url, [$"q={Repeat("A", 16 * 1024)}"]);
                if (hasBody)
                {
                    body = Encoding.UTF8.GetBytes("{\"title\":\"" + Repeat("A", OneMegabyte) + "\"}");
                }

                break;
            case PayloadKind.HugeBody:
                body = new byte[_random.Next(2) == 0 ? 5 * OneMegabyte : 31 * OneMegabyte];
                Array.Fill(body, (byte)'[');
                contentType = "application/json";
                break;
            case PayloadKind.DeepJson:
                body = DeepJson(_random.Next(2) == 0 ? 100_000 : 2_000);
                contentType = "application/json";
                break;
            case PayloadKind.PathTraversal:
                url = _random.Next(2) == 0 ? TraversedUrl(url) : WithQuery(url, QueryKeys().Select(k => k + "=" + Encode(Pick(_traversal))));
                break;
            case PayloadKind.Sql:
                url = WithQuery(url, QueryKeys().Select(k => k + "=" + Encode(Pick(_sql))));
                break;
            case PayloadKind.Html:
                url = WithQuery(url, QueryKeys().Select(k => k + "=" + Encode(Pick(_html))));
                break;
            case PayloadKind.BogusContentType:
                body ??= Encoding.UTF8.GetBytes("a=1");
                contentType = Pick(_contentTypes);
                break;
            case PayloadKind.DuplicateFields:
                url = WithQuery(url, ["p=1", "p=2", "q=a", "q=b"]);
                body = Encoding.UTF8.GetBytes("{\"title\":\"a\",\"title\":\"b\",\"title\":{}}");
                break;
            case PayloadKind.BogusQuery:
                url = WithBogusQuery(url);
                break;
            case PayloadKind.BogusHeaders:
                headers.AddRange(Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(_headers)));
                break;
            case PayloadKind.Nul or PayloadKind.C0Controls or PayloadKind.C1Controls or PayloadKind.LoneSurrogates or PayloadKind.OverlongUtf8:
                url = WithQuery(url, QueryKeys().Select(k => k + "=" + ControlPayloads.Encoded(kind)));
                if (hasBody)
                {
                    body = Encoding.UTF8.GetBytes("{\"title\":" + ControlPayloads.Json(kind) + "}");
                }

                break;
        }

        return new FuzzRequest(number, kind, target, method, url, body, contentType, headers, WithCookies: _random.Next(3) != 0);
    }

    /// <summary>Query keys the public pages read (search, filters, pages, comparisons) and some they do not.</summary>
    private IEnumerable<string> QueryKeys()
    {
        string[] keys = ["q", "p", "type", "region", "theme", "indicateur", "annee", "groupe", "collectivites", "mode", "par", "ReturnUrl",
            "jeton", "handler", "enregistre", "returnUrl", "code", "email", "tri", "page", "id", "version", "de", "a", "format", "etat"];
        return Enumerable.Range(0, 1 + _random.Next(4)).Select(_ => Pick(keys));
    }

    private string WithBogusQuery(string url)
    {
        string[] bogus =
        [
            "handler=Nope", "handler=", "handler=%00", "handler=" + Encode("Publish/../Delete"), "handler=OnPostAsync", "p=-1",
            "p=99999999999999999999", "p=abc", "%ZZ=1", "=", "&&&", "a[0][1][2]=1", "a=" + Repeat("%25", 2000), "ReturnUrl=https://evil.example",
            "ReturnUrl=%2F%2Fevil.example", "ReturnUrl=javascript:alert(1)", "q=" + Encode(Pick(_html)), "annee=-5", "annee=99999",
            "enregistre=maybe", "x=" + Repeat("y", 9000), string.Join('&', Enumerable.Range(0, 300).Select(i => $"k{i}={i}")),
        ];
        return WithQuery(url, Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => Pick(bogus)));
    }

    private static string WithQuery(string url, IEnumerable<string> parts) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', parts);

    private string TraversedUrl(string url)
    {
        var path = url.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var payload = Pick(_traversal);
        var query = url.Contains('?', StringComparison.Ordinal) ? url[url.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        if (payload.Contains("%00", StringComparison.Ordinal))
        {
            // Kestrel refuses an encoded NUL in the path (400) before the app; the in-process test
            // server cannot even build such a request. In a query value, it reaches the app.
            return WithQuery(url, ["chemin=" + payload]);
        }

        if (segments.Length == 0)
        {
            return "/" + payload + query;
        }

        segments[_random.Next(segments.Length)] = payload;
        return "/" + string.Join('/', segments) + query;
    }

    /// <summary>An invalid UTF-8 sequence where the path can carry it (see <see cref="TraversedUrl"/> for NUL).</summary>
    private static string InPath(string url, string encoded) =>
        encoded.Contains("%00", StringComparison.Ordinal) ? WithQuery(url, ["chemin=" + encoded]) : url.Split('?')[0].TrimEnd('/') + "/" + encoded;

    private (byte[] Body, string ContentType) HugeBody(List<KeyValuePair<string, string>> pairs, int number)
    {
        switch (number % 5)
        {
            case 0:
                // Beyond the form reader's value count limit (1 024).
                return (EncodedForm(pairs.Concat(Enumerable.Range(0, 1500).Select(i => new KeyValuePair<string, string>($"Form.Extra{i}", "1")))), "application/x-www-form-urlencoded");
            case 1:
                // Beyond the key length limit (2 048).
                return (EncodedForm(pairs.Append(new(Repeat("K", 5000), "1"))), "application/x-www-form-urlencoded");
            case 2 when number % 10 == 2:
                // Beyond the value length limit (4 MiB).
                return (EncodedForm(pairs.Append(new(pairs.Count > 0 ? pairs[0].Key : "x", Repeat("V", 5 * OneMegabyte)))), "application/x-www-form-urlencoded");
            case 3 when number % 40 == 3:
                // Beyond Kestrel's default request body limit (30 MB).
                return (EncodedForm(pairs.Append(new("Form.Big", Repeat("W", 31 * OneMegabyte)))), "application/x-www-form-urlencoded");
            default:
                // Many repeated keys, under every limit: a model binder's worst case.
                return (EncodedForm(pairs.Concat(Enumerable.Range(0, 1000).Select(_ => new KeyValuePair<string, string>(pairs.Count > 0 ? Pick(pairs).Key : "x", "1")))), "application/x-www-form-urlencoded");
        }
    }

    private IEnumerable<KeyValuePair<string, string>> IndexAbuse(FuzzTarget target)
    {
        var collection = target.Fields.Select(f => f.Name).FirstOrDefault(n => n.Contains('[', StringComparison.Ordinal));
        var prefix = collection is null ? "Form.Items" : collection[..collection.IndexOf('[', StringComparison.Ordinal)];
        var member = collection is null ? "Label" : collection[(collection.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart('.');
        string[] indices = ["999999999", "-1", "abc", "2147483648", "", "0][0", "%5B%5D", "1e3", " 1"];
        yield return Pair($"{prefix}[{Pick(indices)}].{member}", "x");
        yield return new($"{Encode(prefix)}%5B{Pick(indices)}%5D.{member}", "x");
        yield return Pair(string.Join('.', Enumerable.Repeat("Form", 200)), "x");
        yield return Pair("index", Pick(_wrongTypes));
        yield return Pair("handler", Pick(["", "Nope", "Publish", "%00"]));
    }

    private (byte[] Body, string ContentType) Multipart(List<KeyValuePair<string, string>> pairs)
    {
        var boundary = "fuzz" + _random.Next(1_000_000);
        var builder = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            builder.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"").Append(Uri.UnescapeDataString(key))
                .Append("\"\r\n\r\n").Append(Uri.UnescapeDataString(value)).Append("\r\n");
        }

        var file = Pick(["../../etc/passwd", new string('f', 3000) + ".txt", "a\u0000.txt", "fiche.exe", "\"quoted\".csv"]);
        builder.Append("--").Append(boundary).Append("\r\nContent-Disposition: form-data; name=\"File\"; filename=\"").Append(file)
            .Append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").Append("\u0001\u0002binary\u0000").Append("\r\n");
        if (_random.Next(3) != 0)
        {
            builder.Append("--").Append(boundary).Append("--\r\n");
        }

        return (Encoding.UTF8.GetBytes(builder.ToString()), $"multipart/form-data; boundary={boundary}");
    }

    private static byte[] DeepJson(int depth)
    {
        var bytes = new byte[depth * 6 + 2];
        var position = 0;
        for (var i = 0; i < depth; i++)
        {
            "{\"a\":"u8.CopyTo(bytes.AsSpan(position));
            position += 5;
        }

        bytes[position++] = (byte)'1';
        for (var i = 0; i < depth; i++)
        {
            bytes[position++] = (byte)'}';
        }

        return bytes[..position];
    }

    private void SetRandomField(List<KeyValuePair<string, string>> pairs, string encodedValue)
    {
        var candidates = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].Key != TokenField).ToList();
        if (candidates.Count == 0)
        {
            pairs.Add(new("Input.Email", encodedValue));
            return;
        }

        var index = Pick(candidates);
        pairs[index] = new(pairs[index].Key, encodedValue);
    }

    private void MutateFields(List<KeyValuePair<string, string>> pairs, Func<string> encodedValue, double probability)
    {
        var changed = false;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].Key != TokenField && _random.NextDouble() < probability)
            {
                pairs[i] = new(pairs[i].Key, encodedValue());
                changed = true;
            }
        }

        if (!changed)
        {
            SetRandomField(pairs, encodedValue());
        }
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(Encode(key), Encode(value));

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T? PickOrNull<T>(IReadOnlyList<T> items)
        where T : class => items.Count == 0 ? null : items[_random.Next(items.Count)];
}
