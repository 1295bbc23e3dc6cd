using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RtesPlatform.UnitTests.Deploy;

/// <summary>
/// Checks deploy/ without a Docker engine or a cluster: every YAML file parses (with the small
/// YAML-subset reader below, strict about indentation, tabs, duplicate keys and quotes), and the
/// Dockerfile, compose file and Kubernetes manifests agree with the application's source — its
/// commands (AppCommandLine.cs), its health routes (Health/HealthSetup.cs), its project and assembly name —
/// and with each other (ports, names, labels), and with what deploy/README.md tells to run.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string _root = FindRoot();
    private static readonly string _deploy = Path.Combine(_root, "deploy");

    [Fact]
    public void EveryYamlFile_Parses()
    {
        var files = Directory.GetFiles(_deploy, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(_deploy, "*.yml", SearchOption.AllDirectories))
            .ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var file in files)
        {
            var documents = Yaml.ParseFile(file);
            documents.ShouldNotBeEmpty(file);
            documents.ShouldAllBe(d => d is Dictionary<string, object?>, file);
        }
    }

    [Fact]
    public void KubernetesManifests_HaveKindNameAndApiVersion_AndKustomizationResourcesExist()
    {
        foreach (var (file, manifest) in Manifests())
        {
            Str(manifest, "apiVersion").ShouldNotBeNullOrWhiteSpace(file);
            Str(manifest, "kind").ShouldNotBeNullOrWhiteSpace(file);
            if (Str(manifest, "kind") != "Kustomization")
            {
                Str(manifest, "metadata", "name").ShouldNotBeNullOrWhiteSpace(file);
                Get(manifest, "metadata", "namespace").ShouldBeNull($"{file}: manifests are namespace-agnostic");
            }
        }

        var kustomization = Single("Kustomization");
        foreach (var resource in List(kustomization, "resources"))
        {
            File.Exists(Path.Combine(_deploy, "k8s", (string)resource!)).ShouldBeTrue($"kustomization resource {resource}");
        }
    }

    [Fact]
    public void ContainerCommands_AreCommandsOfTheApplication()
    {
        var commands = AppCommands();
        commands.ShouldContain("serve");
        commands.ShouldContain("migrate");

        DeploymentContainer()["args"].ShouldBeOfType<List<object?>>()[0].ShouldBe("serve");
        JobContainer()["args"].ShouldBeOfType<List<object?>>()[0].ShouldBe("migrate");

        var dockerfile = Dockerfile();
        JsonArray(dockerfile, "CMD")[0].ShouldBeOneOf([.. commands]);
        JsonArray(dockerfile, "CMD")[0].ShouldBe("serve");

        var services = Dict(Compose(), "services");
        foreach (var (name, service) in services)
        {
            if (service is Dictionary<string, object?> s && s.TryGetValue("command", out var command))
            {
                var first = command is List<object?> list ? (string)list[0]! : ((string)command!).Split(' ')[0];
                first.ShouldBeOneOf([.. commands], $"compose service {name}");
            }
        }

        List(services, "migrate", "command")[0].ShouldBe("migrate");
        List(services, "app", "command")[0].ShouldBe("serve");
    }

    [Fact]
    public void Ports_AgreeWithExposeAndAspNetCoreUrls()
    {
        var dockerfile = Dockerfile();
        var expose = int.Parse(ExposeRegex().Match(dockerfile).Groups[1].Value, CultureInfo.InvariantCulture);
        var urlsPort = int.Parse(UrlsRegex().Match(dockerfile).Groups[1].Value, CultureInfo.InvariantCulture);
        urlsPort.ShouldBe(expose);

        var container = DeploymentContainer();
        var ports = ((List<object?>)container["ports"]!).Cast<Dictionary<string, object?>>().ToList();
        ports.ShouldContain(p => (string?)p["containerPort"] == Inv(expose));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
        {
            if (container.TryGetValue(probe, out var value))
            {
                Str(value, "httpGet", "port").ShouldBe(Inv(expose), probe);
            }
        }

        var service = Single("Service");
        ((List<object?>)Get(service, "spec", "ports")!).Cast<Dictionary<string, object?>>()
            .ShouldContain(p => (string?)p["targetPort"] == Inv(expose) || (string?)p["targetPort"] == "http");

        var composePorts = List(Compose(), "services", "app", "ports");
        composePorts.Cast<string>().ShouldContain(p => p.EndsWith(":" + Inv(expose), StringComparison.Ordinal));

        // Health checks that call the app from inside its container use the same port.
        foreach (Match url in LocalUrlRegex().Matches(dockerfile + "\n" + File.ReadAllText(Path.Combine(_deploy, "compose.yaml"))))
        {
            url.Groups[1].Value.ShouldBe(Inv(expose), url.Value);
        }
    }

    [Fact]
    public void ProbesAndHealthChecks_CallTheApplicationsHealthRoutes()
    {
        var routes = HealthRoutes();
        routes.ShouldContain("/health/live");
        routes.ShouldContain("/health/ready");

        var container = DeploymentContainer();
        Str(container, "readinessProbe", "httpGet", "path").ShouldBeOneOf([.. routes]);
        Str(container, "livenessProbe", "httpGet", "path").ShouldBeOneOf([.. routes]);
        (Str(container, "readinessProbe", "httpGet", "path") ?? "").ShouldContain("ready");
        (Str(container, "livenessProbe", "httpGet", "path") ?? "").ShouldContain("live");
        if (container.ContainsKey("startupProbe"))
        {
            Str(container, "startupProbe", "httpGet", "path").ShouldBeOneOf([.. routes]);
        }

        var dockerfile = Dockerfile();
        dockerfile.ShouldContain("HEALTHCHECK");
        var localCalls = LocalUrlRegex().Matches(dockerfile + "\n" + File.ReadAllText(Path.Combine(_deploy, "compose.yaml")));
        localCalls.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (Match url in localCalls)
        {
            url.Groups[2].Value.ShouldBeOneOf([.. routes], url.Value);
        }

        // The health check's tool is installed in the runtime stage (the aspnet image has no curl).
        var runtime = FinalStage(dockerfile);
        var tool = HealthcheckToolRegex().Match(runtime).Groups[1].Value;
        tool.ShouldNotBeNullOrEmpty();
        runtime.ShouldMatch(@"apt-get install[^\n]*\b" + Regex.Escape(tool) + @"\b");
    }

    [Fact]
    public void Dockerfile_PublishesTheWebProject_AndRunsItsAssembly()
    {
        var dockerfile = Dockerfile();
        var project = PublishRegex().Match(dockerfile).Groups[1].Value;
        project.ShouldNotBeNullOrEmpty();
        var projectDir = Path.Combine(_root, project.Replace('/', Path.DirectorySeparatorChar));
        Directory.Exists(projectDir).ShouldBeTrue(project);
        var csproj = Directory.GetFiles(projectDir, "*.csproj").ShouldHaveSingleItem();
        var assemblyName = AssemblyNameRegex().Match(File.ReadAllText(csproj)) is { Success: true } m
            ? m.Groups[1].Value
            : Path.GetFileNameWithoutExtension(csproj);

        var entrypoint = JsonArray(dockerfile, "ENTRYPOINT");
        entrypoint[0].ShouldBe("dotnet");
        entrypoint[1].ShouldBe(assemblyName + ".dll");

        // Every file the build stage copies from the context exists.
        foreach (Match copy in CopyFromContextRegex().Matches(dockerfile))
        {
            foreach (var source in copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            {
                Path.Exists(Path.Combine(_root, source.TrimEnd('/'))).ShouldBeTrue($"COPY {source}");
            }
        }

        // The reference data package is installed, copied where ReferenceData__PackagePath says.
        File.Exists(Path.Combine(_root, "refdata", "package.json")).ShouldBeTrue();
        dockerfile.ShouldContain("npm ci --prefix refdata");
        var packagePath = PackagePathRegex().Match(dockerfile).Groups[1].Value;
        packagePath.ShouldEndWith("node_modules/@etalab/decoupage-administratif");
        FinalStage(dockerfile).ShouldMatch(@"COPY --from=\S+ \S+ " + Regex.Escape(packagePath) + @"\s");
    }

    [Fact]
    public void Dockerfile_RunsAsNonRootUser_FromTheExpectedImages()
    {
        var dockerfile = Dockerfile();
        dockerfile.ShouldContain("FROM mcr.microsoft.com/dotnet/sdk:10.0");
        var runtime = FinalStage(dockerfile);
        runtime.ShouldStartWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0");
        var users = UserRegex().Matches(runtime);
        users.Count.ShouldBeGreaterThan(0);
        var user = users[^1].Groups[1].Value;
        user.ShouldNotBeOneOf("root", "0", "0:0", "root:root");
        // Nothing after the last USER switches back to root.
        runtime[users[^1].Index..].ShouldNotContain("apt-get");
    }

    [Fact]
    public void Kubernetes_RunsTwoNonRootReplicas_WithADisruptionBudgetAndAMigrateJob()
    {
        var deployment = Single("Deployment");
        int.Parse(Str(deployment, "spec", "replicas")!, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        var podLabels = Dict(deployment, "spec", "template", "metadata", "labels");
        foreach (var (key, value) in Dict(deployment, "spec", "selector", "matchLabels"))
        {
            podLabels[key].ShouldBe(value);
        }

        var pdb = Single("PodDisruptionBudget");
        int.Parse(Str(pdb, "spec", "minAvailable")!, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        foreach (var (key, value) in Dict(pdb, "spec", "selector", "matchLabels"))
        {
            podLabels[key].ShouldBe(value, $"PDB selector {key}");
        }

        var service = Single("Service");
        foreach (var (key, value) in Dict(service, "spec", "selector"))
        {
            podLabels[key].ShouldBe(value, $"Service selector {key}");
        }

        var job = Single("Job");
        Str(job, "spec", "template", "spec", "restartPolicy").ShouldBeOneOf("Never", "OnFailure");

        foreach (var (pod, container) in new[]
                 {
                     (Dict(deployment, "spec", "template", "spec"), DeploymentContainer()),
                     (Dict(job, "spec", "template", "spec"), JobContainer()),
                 })
        {
            Str(pod, "securityContext", "runAsNonRoot").ShouldBe("true");
            Str(container, "securityContext", "allowPrivilegeEscalation").ShouldBe("false");
            Get(container, "resources", "requests").ShouldNotBeNull();
            if (Str(container, "securityContext", "readOnlyRootFilesystem") == "true")
            {
                ((List<object?>)container["volumeMounts"]!).Cast<Dictionary<string, object?>>()
                    .ShouldContain(v => (string?)v["mountPath"] == "/tmp", "the app writes to /tmp");
            }
        }
    }

    [Fact]
    public void Kubernetes_ReferencesOfConfigMapAndSecret_Resolve()
    {
        var configMap = Single("ConfigMap");
        var secret = Single("Secret");
        var secretKeys = Dict(secret, "stringData").Keys.ToHashSet(StringComparer.Ordinal);
        secretKeys.ShouldContain("ConnectionStrings__Rtes");
        secretKeys.ShouldContain("ConnectionStrings__RtesOwner");

        foreach (var container in new[] { DeploymentContainer(), JobContainer() })
        {
            foreach (var source in ((List<object?>)container["envFrom"]!).Cast<Dictionary<string, object?>>())
            {
                Str(source, "configMapRef", "name").ShouldBe(Str(configMap, "metadata", "name"));
            }

            foreach (var env in ((List<object?>)container["env"]!).Cast<Dictionary<string, object?>>())
            {
                if (Get(env, "valueFrom", "secretKeyRef") is Dictionary<string, object?> reference)
                {
                    reference["name"].ShouldBe(Str(secret, "metadata", "name"));
                    secretKeys.ShouldContain((string)reference["key"]!);
                }
            }
        }

        // The web tier runs as the application role; only the migrate Job gets the owner's string.
        ((List<object?>)DeploymentContainer()["env"]!).Cast<Dictionary<string, object?>>()
            .ShouldNotContain(e => (string?)e["name"] == "ConnectionStrings__RtesOwner");
        ((List<object?>)JobContainer()["env"]!).Cast<Dictionary<string, object?>>()
            .ShouldContain(e => (string?)e["name"] == "ConnectionStrings__RtesOwner");
    }

    [Fact]
    public void Compose_MigratesBeforeServing_WithRolesFromTheInitScript()
    {
        var services = Dict(Compose(), "services");
        Str(services, "postgres", "image").ShouldBe("postgres:15");
        Str(services, "app", "depends_on", "migrate", "condition").ShouldBe("service_completed_successfully");
        Dict(services, "migrate", "environment").ShouldContainKey("ConnectionStrings__RtesOwner");
        Dict(services, "app", "environment").ShouldContainKey("ConnectionStrings__Rtes");
        Dict(services, "app", "environment").ShouldNotContainKey("ConnectionStrings__RtesOwner");
        Str(services, "postgres", "environment", "POSTGRES_PASSWORD").ShouldStartWith("${");
        Dict(Compose(), "volumes").ShouldNotBeEmpty();

        var initMount = List(services, "postgres", "volumes").Cast<string>()
            .Single(v => v.Contains("docker-entrypoint-initdb.d", StringComparison.Ordinal));
        var initScript = Path.Combine(_deploy, initMount.Split(':')[0]);
        var sql = File.ReadAllText(initScript);
        sql.ShouldContain("CREATE ROLE rtes_owner");
        sql.ShouldMatch(@"CREATE ROLE rtes_app LOGIN NOSUPERUSER NOBYPASSRLS");
        sql.ShouldContain("OWNER rtes_owner");

        // Every variable compose reads is documented in .env.example.
        var example = File.ReadAllText(Path.Combine(_deploy, ".env.example"));
        foreach (Match variable in ComposeVariableRegex().Matches(File.ReadAllText(Path.Combine(_deploy, "compose.yaml"))))
        {
            example.ShouldContain(variable.Groups[1].Value + "=");
        }
    }

    [Fact]
    public void Readme_UsesTheDockerfileAndManifestsThatExist()
    {
        var readme = File.ReadAllText(Path.Combine(_deploy, "README.md"));
        var dockerfile = Dockerfile();
        readme.ShouldContain("docker build -f deploy/Dockerfile -t rtes-platform .");
        dockerfile.ShouldContain("docker build -f deploy/Dockerfile -t rtes-platform .");
        readme.ShouldContain(PublishRegex().Match(dockerfile).Value);

        foreach (Match path in RepoPathRegex().Matches(readme))
        {
            if (path.Value == "deploy/.env")
            {
                continue; // the operator's copy of deploy/.env.example, never committed
            }

            Path.Exists(Path.Combine(_root, path.Value)).ShouldBeTrue($"README mentions {path.Value}");
        }

        // Migrate before rollout: the Job is waited for before the deployment is applied.
        var wait = readme.IndexOf("kubectl -n rtes wait --for=condition=complete job/" + Str(Single("Job"), "metadata", "name"), StringComparison.Ordinal);
        wait.ShouldBeGreaterThan(0);
        readme.IndexOf("apply -k deploy/k8s", wait, StringComparison.Ordinal).ShouldBeGreaterThan(wait);
    }

    [Fact]
    public void Yaml_RejectsBrokenInput()
    {
        Should.Throw<FormatException>(() => Yaml.Parse("a:\n\tb: 1\n", "tab"));
        Should.Throw<FormatException>(() => Yaml.Parse("a:\n  b: 1\n c: 2\n", "indent"));
        Should.Throw<FormatException>(() => Yaml.Parse("a: 1\na: 2\n", "duplicate"));
        Should.Throw<FormatException>(() => Yaml.Parse("a: [1, 2\n", "bracket"));
        Should.Throw<FormatException>(() => Yaml.Parse("a: \"x\n", "quote"));
        Should.Throw<FormatException>(() => Yaml.Parse("a: b: c\n", "nested"));
        Should.Throw<FormatException>(() => Yaml.Parse("- a\nb: 1\n", "mixed"));
        var parsed = (Dictionary<string, object?>)Yaml.Parse("x: &d\n  k: v\ny:\n  <<: *d\n  l: [\"a\", b]\n- z\n".Replace("- z\n", "", StringComparison.Ordinal), "ok")[0]!;
        Str(parsed, "y", "k").ShouldBe("v");
        List(parsed, "y", "l").ShouldBe(["a", "b"]);
    }

    // --- Sources -----------------------------------------------------------------------------

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RtesPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"RtesPlatform.sln was not found above {AppContext.BaseDirectory}.");
    }

    private static string Dockerfile() => File.ReadAllText(Path.Combine(_deploy, "Dockerfile"));

    private static string FinalStage(string dockerfile) => dockerfile[FromRegex().Matches(dockerfile)[^1].Index..];

    private static Dictionary<string, object?> Compose() =>
        (Dictionary<string, object?>)Yaml.ParseFile(Path.Combine(_deploy, "compose.yaml")).Single()!;

    private static IEnumerable<(string File, Dictionary<string, object?> Manifest)> Manifests() =>
        Directory.GetFiles(Path.Combine(_deploy, "k8s"), "*.yaml")
            .SelectMany(f => Yaml.ParseFile(f).Select(d => (Path.GetFileName(f), (Dictionary<string, object?>)d!)));

    private static Dictionary<string, object?> Single(string kind) =>
        Manifests().Where(m => Str(m.Manifest, "kind") == kind).ShouldHaveSingleItem($"one {kind}").Manifest;

    private static Dictionary<string, object?> DeploymentContainer() =>
        (Dictionary<string, object?>)List(Single("Deployment"), "spec", "template", "spec", "containers").ShouldHaveSingleItem()!;

    private static Dictionary<string, object?> JobContainer() =>
        (Dictionary<string, object?>)List(Single("Job"), "spec", "template", "spec", "containers").ShouldHaveSingleItem()!;

    private static List<string> AppCommands()
    {
        var source = File.ReadAllText(Path.Combine(_root, "src", "RtesPlatform.Web", "Infrastructure", "AppCommandLine.cs"));
        return [.. CommandRegex().Matches(source).Select(m => m.Groups[1].Value)];
    }

    private static List<string> HealthRoutes()
    {
        // The routes are mapped by the health setup since the composition was split by feature.
        var source = File.ReadAllText(Path.Combine(_root, "src", "RtesPlatform.Web", "Infrastructure", "Health", "HealthSetup.cs"));
        return [.. HealthRouteRegex().Matches(source).Select(m => m.Groups[1].Value)];
    }

    private static List<string> JsonArray(string dockerfile, string instruction)
    {
        var match = Regex.Match(dockerfile, "^" + instruction + @"\s+\[(.*)\]\s*$", RegexOptions.Multiline);
        match.Success.ShouldBeTrue($"{instruction} in exec form");
        return [.. QuotedRegex().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value)];
    }

    private static string Inv(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static object? Get(object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not Dictionary<string, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    private static string? Str(object? node, params string[] path) => Get(node, path) as string;

    private static Dictionary<string, object?> Dict(object? node, params string[] path) =>
        Get(node, path).ShouldBeOfType<Dictionary<string, object?>>(string.Join('.', path));

    private static List<object?> List(object? node, params string[] path) =>
        Get(node, path).ShouldBeOfType<List<object?>>(string.Join('.', path));

    [GeneratedRegex(@"\[""([a-z][a-z-]*)""\]\s*=\s*AppCommand\.")]
    private static partial Regex CommandRegex();

    [GeneratedRegex(@"MapHealthChecks\(""([^""]+)""")]
    private static partial Regex HealthRouteRegex();

    [GeneratedRegex(@"^EXPOSE\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex ExposeRegex();

    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex UrlsRegex();

    [GeneratedRegex(@"http://localhost:(\d+)(/[A-Za-z0-9/_-]*)")]
    private static partial Regex LocalUrlRegex();

    [GeneratedRegex(@"CMD\s+(?:\[""CMD"",\s*"")?(\w+)")]
    private static partial Regex HealthcheckToolRegex();

    [GeneratedRegex(@"dotnet publish (\S+) -c Release -o /app")]
    private static partial Regex PublishRegex();

    [GeneratedRegex(@"<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNameRegex();

    [GeneratedRegex(@"^COPY (?!--from)([^\n]+)$", RegexOptions.Multiline)]
    private static partial Regex CopyFromContextRegex();

    [GeneratedRegex(@"ReferenceData__PackagePath=(\S+)")]
    private static partial Regex PackagePathRegex();

    [GeneratedRegex(@"^FROM\s", RegexOptions.Multiline)]
    private static partial Regex FromRegex();

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex UserRegex();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedRegex();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ComposeVariableRegex();

    [GeneratedRegex(@"(?<![\w/.-])deploy/[A-Za-z0-9_./-]*[A-Za-z0-9_]")]
    private static partial Regex RepoPathRegex();

    /// <summary>
    /// A strict reader for the YAML subset deploy/ uses: block mappings and sequences (two-space
    /// steps not required, but one indentation per level), flow sequences and mappings on one
    /// line, plain and quoted scalars, block scalars (| and >), comments, documents (---),
    /// anchors, aliases and merge keys. Anything else is a <see cref="FormatException"/>.
    /// Scalars stay strings (a test compares "2", "true" as text).
    /// </summary>
    private static class Yaml
    {
        private sealed record Line(int Number, int Indent, string Text);

        public static List<object?> ParseFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

        public static List<object?> Parse(string text, string name)
        {
            var documents = new List<List<Line>> { new() };
            var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var n = 0; n < raw.Length; n++)
            {
                var line = raw[n];
                if (line.Contains('\t', StringComparison.Ordinal))
                {
                    throw new FormatException($"{name}:{n + 1}: tab character");
                }

                if (line.TrimEnd() == "---")
                {
                    documents.Add([]);
                    continue;
                }

                var content = StripComment(line, name, n + 1).TrimEnd();
                if (content.Trim().Length == 0)
                {
                    continue;
                }

                var indent = content.Length - content.TrimStart(' ').Length;
                documents[^1].Add(new Line(n + 1, indent, content[indent..]));
            }

            var result = new List<object?>();
            foreach (var lines in documents.Where(d => d.Count > 0))
            {
                var parser = new Parser(lines, name);
                result.Add(parser.ParseDocument());
            }

            return result;
        }

        private static string StripComment(string line, string name, int number)
        {
            char? quote = null;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote is { } q)
                {
                    if (c == q)
                    {
                        quote = null;
                    }
                }
                else if ((c == '"' || c == '\'') && StartsToken(line, i))
                {
                    quote = c;
                }
                else if (c == '#' && (i == 0 || line[i - 1] == ' '))
                {
                    return line[..i];
                }
            }

            return quote is null ? line : throw new FormatException($"{name}:{number}: unterminated quote");
        }

        private static bool StartsToken(string s, int i)
        {
            var j = i - 1;
            while (j >= 0 && s[j] == ' ')
            {
                j--;
            }

            return j < 0 || s[j] is ':' or '-' or '[' or '{' or ',';
        }

        private sealed class Parser(List<Line> lines, string name)
        {
            private readonly Dictionary<string, object?> _anchors = new(StringComparer.Ordinal);
            private int _i;

            public object? ParseDocument()
            {
                var node = ParseBlock(lines[0].Indent);
                if (_i < lines.Count)
                {
                    throw Error(lines[_i], "unexpected content (indentation or a mapping mixed with a sequence)");
                }

                return node;
            }

            private FormatException Error(Line line, string message) => new($"{name}:{line.Number}: {message}: {line.Text}");

            private static bool IsItem(Line line) => line.Text == "-" || line.Text.StartsWith("- ", StringComparison.Ordinal);

            private object? ParseBlock(int indent) =>
                IsItem(lines[_i]) ? ParseSequence(indent) : ParseMapping(indent);

            private List<object?> ParseSequence(int indent)
            {
                var items = new List<object?>();
                while (_i < lines.Count && lines[_i].Indent == indent && IsItem(lines[_i]))
                {
                    var line = lines[_i];
                    var rest = line.Text[1..].TrimStart(' ');
                    if (rest.Length == 0)
                    {
                        _i++;
                        items.Add(ParseChild(indent, line));
                    }
                    else if (KeyOf(rest) is not null)
                    {
                        // "- key: value": a mapping whose first key sits after the dash.
                        var inner = indent + (line.Text.Length - rest.Length);
                        lines[_i] = new Line(line.Number, inner, rest);
                        items.Add(ParseMapping(inner));
                    }
                    else
                    {
                        _i++;
                        items.Add(ParseInline(rest, line));
                    }
                }

                if (_i < lines.Count && lines[_i].Indent > indent)
                {
                    throw Error(lines[_i], "bad indentation in a sequence");
                }

                return items;
            }

            private Dictionary<string, object?> ParseMapping(int indent)
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
                while (_i < lines.Count && lines[_i].Indent == indent && !IsItem(lines[_i]))
                {
                    var line = lines[_i++];
                    var key = KeyOf(line.Text) ?? throw Error(line, "expected 'key: value'");
                    var rest = line.Text[(line.Text.IndexOf(':', key.End) + 1)..].Trim();
                    string? anchor = null;
                    if (rest.StartsWith('&'))
                    {
                        var end = rest.IndexOf(' ', StringComparison.Ordinal);
                        anchor = end < 0 ? rest[1..] : rest[1..end];
                        rest = end < 0 ? "" : rest[(end + 1)..].Trim();
                    }

                    object? value;
                    if (rest.Length == 0)
                    {
                        value = _i < lines.Count && lines[_i].Indent == indent && IsItem(lines[_i])
                            ? ParseSequence(indent)
                            : ParseChild(indent, line);
                    }
                    else if (rest is "|" or ">" or "|-" or ">-" or "|+" or ">+")
                    {
                        var text = new StringBuilder();
                        while (_i < lines.Count && lines[_i].Indent > indent)
                        {
                            text.Append(lines[_i++].Text).Append('\n');
                        }

                        value = text.ToString();
                    }
                    else
                    {
                        value = ParseInline(rest, line);
                    }

                    if (anchor is not null)
                    {
                        _anchors[anchor] = value;
                    }

                    if (key.Name == "<<")
                    {
                        foreach (var (k, v) in value as Dictionary<string, object?> ?? throw Error(line, "merge of a non-mapping"))
                        {
                            if (!explicitKeys.Contains(k))
                            {
                                map[k] = v;
                            }
                        }
                    }
                    else if (!explicitKeys.Add(key.Name))
                    {
                        throw Error(line, $"duplicate key '{key.Name}'");
                    }
                    else
                    {
                        map[key.Name] = value; // overrides a merged value
                    }
                }

                if (_i < lines.Count && lines[_i].Indent > indent)
                {
                    throw Error(lines[_i], "bad indentation in a mapping");
                }

                return map;
            }

            private object? ParseChild(int indent, Line parent)
            {
                if (_i >= lines.Count || lines[_i].Indent <= indent)
                {
                    return null;
                }

                var node = ParseBlock(lines[_i].Indent);
                return _i < lines.Count && lines[_i].Indent > indent
                    ? throw Error(lines[_i], $"bad indentation under line {parent.Number}")
                    : node;
            }

            private object? ParseInline(string text, Line line)
            {
                text = text.Trim();
                if (text.StartsWith('*'))
                {
                    return _anchors.TryGetValue(text[1..], out var aliased) ? aliased : throw Error(line, $"unknown alias {text}");
                }

                if (text.StartsWith('['))
                {
                    return text.EndsWith(']')
                        ? SplitFlow(text[1..^1], line).Select(item => ParseInline(item, line)).ToList()
                        : throw Error(line, "unterminated flow sequence");
                }

                if (text.StartsWith('{'))
                {
                    if (!text.EndsWith('}'))
                    {
                        throw Error(line, "unterminated flow mapping");
                    }

                    var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var entry in SplitFlow(text[1..^1], line))
                    {
                        var key = KeyOf(entry) ?? throw Error(line, "expected 'key: value' in a flow mapping");
                        if (!map.TryAdd(key.Name, ParseInline(entry[(entry.IndexOf(':', key.End) + 1)..], line)))
                        {
                            throw Error(line, $"duplicate key '{key.Name}'");
                        }
                    }

                    return map;
                }

                if (text[0] is '"' or '\'')
                {
                    if (text.Length < 2 || text[^1] != text[0])
                    {
                        throw Error(line, "unterminated or trailing text after a quoted scalar");
                    }

                    var inner = text[1..^1];
                    return text[0] == '\'' ? inner.Replace("''", "'", StringComparison.Ordinal) : inner.Replace("\\\"", "\"", StringComparison.Ordinal);
                }

                if (text[0] is ']' or '}' or '&' or '!' or '%' or '@' or '`' || text.Contains(": ", StringComparison.Ordinal) || text.EndsWith(':'))
                {
                    throw Error(line, "not a plain scalar");
                }

                return text;
            }

            private List<string> SplitFlow(string inner, Line line)
            {
                var items = new List<string>();
                var depth = 0;
                char? quote = null;
                var start = 0;
                for (var i = 0; i < inner.Length; i++)
                {
                    var c = inner[i];
                    if (quote is { } q)
                    {
                        quote = c == q ? null : quote;
                    }
                    else if (c is '"' or '\'')
                    {
                        quote = c;
                    }
                    else if (c is '[' or '{')
                    {
                        depth++;
                    }
                    else if (c is ']' or '}')
                    {
                        depth--;
                    }
                    else if (c == ',' && depth == 0)
                    {
                        items.Add(inner[start..i]);
                        start = i + 1;
                    }
                }

                if (depth != 0 || quote is not null)
                {
                    throw Error(line, "unbalanced flow collection");
                }

                items.Add(inner[start..]);
                var trimmed = items.Select(s => s.Trim()).ToList();
                if (trimmed is [""])
                {
                    return [];
                }

                return trimmed.Contains("") ? throw Error(line, "empty flow item") : trimmed;
            }

            private static (string Name, int End)? KeyOf(string text)
            {
                if (text[0] is '"' or '\'')
                {
                    var close = text.IndexOf(text[0], 1);
                    return close > 0 && close + 1 < text.Length && text[close + 1] == ':' && (close + 2 == text.Length || text[close + 2] == ' ')
                        ? (text[1..close], close + 1)
                        : null;
                }

                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
                    {
                        var name = text[..i].Trim();
                        return name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) && name != "<<" ? null : (name, i);
                    }

                    if (text[i] is '[' or '{' or '"' or '\'' or '*' or '&' && i == 0)
                    {
                        return null;
                    }
                }

                return null;
            }
        }
    }
}
