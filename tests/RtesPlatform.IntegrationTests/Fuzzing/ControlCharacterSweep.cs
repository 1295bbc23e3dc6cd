using System.Text;
using static RtesPlatform.IntegrationTests.Fuzzing.FuzzRequest;

namespace RtesPlatform.IntegrationTests.Fuzzing;

/// <summary>
/// Every parameter of every route receives each control-character class once: each query parameter
/// (the others at an example value, so that the value reaches the code that uses it), each route
/// value in the path, each field of each form, and the JSON body of every API write (as the
/// officers' API token when the route needs one).
/// </summary>
internal static class ControlCharacterSweep
{
    public static IReadOnlyList<FuzzRequest> Generate(
        IReadOnlyList<FuzzTarget> targets, IReadOnlyDictionary<string, FuzzParameters.RouteParameters> parameters, string apiToken)
    {
        var requests = new List<FuzzRequest>();
        foreach (var target in targets)
        {
            var headers = target.IsApi && target.Route.StartsWith("/api/v1/workspace", StringComparison.OrdinalIgnoreCase)
                ? new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + apiToken) }
                : [];
            if (target.IsForm)
            {
                foreach (var field in target.Fields.Where(f => f.Name != FuzzGenerator.TokenField).DistinctBy(f => f.Name))
                {
                    foreach (var kind in ControlPayloads.Kinds)
                    {
                        var pairs = target.Fields.DistinctBy(f => f.Name)
                            .Select(f => new KeyValuePair<string, string>(Encode(f.Name),
                                f.Name == field.Name ? ControlPayloads.Encoded(kind) : Encode(f.Name == FuzzGenerator.TokenField ? target.Session.Token : f.Value)))
                            .ToList();
                        if (pairs.All(p => p.Key != FuzzGenerator.TokenField))
                        {
                            pairs.Add(new(FuzzGenerator.TokenField, Encode(target.Session.Token)));
                        }

                        requests.Add(new FuzzRequest(requests.Count, kind, target, target.Method, target.Url, EncodedForm(pairs),
                            "application/x-www-form-urlencoded", headers, WithCookies: true));
                    }
                }

                continue;
            }

            var known = parameters.TryGetValue(target.Route, out var found) ? found : new FuzzParameters.RouteParameters([], new Dictionary<string, string>());
            var isWrite = target.Method is "POST" or "PUT" or "PATCH";
            foreach (var kind in ControlPayloads.Kinds)
            {
                foreach (var name in known.Names)
                {
                    var query = known.Names.Where(n => n != name && known.Examples.ContainsKey(n))
                        .Select(n => $"{Encode(n)}={Encode(known.Examples[n])}")
                        .Append($"{Encode(name)}={ControlPayloads.Encoded(kind)}");
                    requests.Add(new FuzzRequest(requests.Count, kind, target, target.Method, WithQuery(target.Url, query),
                        isWrite ? "{}"u8.ToArray() : null, isWrite ? "application/json" : null, headers, WithCookies: true));
                }

                foreach (var url in InPathValues(target, kind))
                {
                    requests.Add(new FuzzRequest(requests.Count, kind, target, target.Method, url, null, null, headers, WithCookies: true));
                }

                if (target.IsApi && isWrite)
                {
                    var value = ControlPayloads.Json(kind);
                    var body = $$"""{"title":{{value}},"name":{{value}},"label":{{value}},"narrative":{{value}},"email":{{value}},"password":{{value}},"refreshToken":{{value}},"{{kind}}\u0000":1,"items":[{{value}}],"figures":[{"label":{{value}},"value":1}]}""";
                    requests.Add(new FuzzRequest(requests.Count, kind, target, target.Method, target.Url, Encoding.UTF8.GetBytes(body),
                        "application/json", headers, WithCookies: false));
                }
            }
        }

        return requests;
    }

    /// <summary>The target's URL with each route value in turn replaced by the payload.</summary>
    private static IEnumerable<string> InPathValues(FuzzTarget target, PayloadKind kind)
    {
        var routeSegments = target.Route.Split('/');
        var path = target.Url.Split('?')[0];
        var urlSegments = path.Split('/');
        if (routeSegments.Length != urlSegments.Length)
        {
            yield break;
        }

        for (var i = 0; i < routeSegments.Length; i++)
        {
            if (routeSegments[i].StartsWith('{') && urlSegments[i].Length > 0)
            {
                var copy = (string[])urlSegments.Clone();
                copy[i] = ControlPayloads.InPath(kind);
                yield return string.Join('/', copy) + target.Url[path.Length..];
            }
        }
    }

    private static string WithQuery(string url, IEnumerable<string> parts) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', parts);
}
