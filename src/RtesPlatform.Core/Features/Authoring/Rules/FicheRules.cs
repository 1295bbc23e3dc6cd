using System.Globalization;
using RtesPlatform.Core.Features.Fiches;

namespace RtesPlatform.Core.Features.Authoring.Rules;

/// <summary>
/// What a valid fiche is, section by section, whoever writes it (back-office pages, officers' API,
/// legacy importer, demo seed): required fields, lengths (<see cref="FicheLimits"/>), years,
/// amounts, known units and natures, sources that exist, compared indicators of the catalogue
/// (in the figure's unit, one value per year), known themes, contacts' e-mail and phone. Each
/// broken rule gives the field's JSON path and a French message. Pure: the caller supplies the
/// context (<see cref="FicheRuleSet"/> loads it).
/// </summary>
public sealed class FicheRules
{
    private static readonly CultureInfo _fr = CultureInfo.GetCultureInfo("fr-FR");

    private readonly List<FicheRuleError> _errors = [];
    private readonly FicheRuleContext _context;
    private readonly FicheContent _content;
    private readonly HashSet<string> _sourceKeys;

    private FicheRules(FicheContent content, FicheRuleContext context)
    {
        _content = content;
        _context = context;
        _sourceKeys = [.. content.Sources.OfType<Source>().Select(s => s.Key).OfType<string>()];
    }

    /// <summary>The broken rules of the whole fiche.</summary>
    public static IReadOnlyList<FicheRuleError> Check(FicheContent content, FicheRuleContext context) =>
        Check(content, context, Enum.GetValues<FicheSection>());

    /// <summary>The broken rules of the given sections of the fiche (cross-references to the other sections included).</summary>
    public static IReadOnlyList<FicheRuleError> Check(FicheContent content, FicheRuleContext context, IEnumerable<FicheSection> sections)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sections);
        var rules = new FicheRules(content, context);
        foreach (var section in sections.Distinct())
        {
            switch (section)
            {
                case FicheSection.Panorama: rules.Panorama(); break;
                case FicheSection.Budget: rules.Budget(); break;
                case FicheSection.Programme: rules.Programme(); break;
                case FicheSection.Actions: rules.Actions(); break;
                case FicheSection.Contacts: rules.Contacts(); break;
                default: rules.Sources(); break;
            }
        }

        return rules._errors;
    }

    /// <summary>The sections whose content differs between two versions of a fiche.</summary>
    public static IReadOnlyList<FicheSection> ChangedSections(FicheContent before, FicheContent after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. Enum.GetValues<FicheSection>().Where(s => SectionJson(before, s) != SectionJson(after, s))];
    }

    private static string SectionJson(FicheContent content, FicheSection section) => section switch
    {
        FicheSection.Panorama => System.Text.Json.JsonSerializer.Serialize(content.Panorama, FicheJson.Options),
        FicheSection.Budget => System.Text.Json.JsonSerializer.Serialize(content.Budget, FicheJson.Options),
        FicheSection.Programme => System.Text.Json.JsonSerializer.Serialize(content.Programme, FicheJson.Options),
        FicheSection.Actions => System.Text.Json.JsonSerializer.Serialize(content.Actions, FicheJson.Options),
        FicheSection.Contacts => System.Text.Json.JsonSerializer.Serialize(content.Contacts, FicheJson.Options),
        _ => System.Text.Json.JsonSerializer.Serialize(content.Sources, FicheJson.Options),
    };

    private void Panorama()
    {
        var panorama = _content.Panorama ?? new PanoramaSection();
        Text("panorama.narrative", "présentation du panorama", panorama.Narrative, "le texte", FicheLimits.Narrative);
        var figures = panorama.Figures ?? [];
        Count("panorama.figures", "chiffres clés", figures.Count, FicheLimits.Figures, "chiffres clés");
        var tagged = new Dictionary<(string Code, int Year), int>();
        for (var i = 0; i < figures.Count; i++)
        {
            var path = $"panorama.figures[{i}]";
            var where = $"chiffre clé {N(i + 1)}";
            if (figures[i] is not { } figure)
            {
                Error(path, where, "Ce chiffre est vide : retirez-le.");
                continue;
            }

            Text($"{path}.label", where, figure.Label, "le libellé", FicheLimits.FigureLabel, required: true);
            Amount($"{path}.value", where, figure.Value, "la valeur");
            Defined($"{path}.unit", where, figure.Unit, "l’unité");
            Year($"{path}.year", where, figure.Year);
            SourceKey($"{path}.sourceKey", where, figure.SourceKey);
            Indicator($"{path}.indicatorCode", where, figure, i, tagged);
        }
    }

    private void Budget()
    {
        var budget = _content.Budget ?? new BudgetSection();
        Text("budget.narrative", "présentation du budget", budget.Narrative, "le texte", FicheLimits.Narrative);
        var lines = budget.Lines ?? [];
        Count("budget.lines", "lignes budgétaires", lines.Count, FicheLimits.BudgetLines, "lignes budgétaires");
        for (var i = 0; i < lines.Count; i++)
        {
            var path = $"budget.lines[{i}]";
            var where = $"ligne budgétaire {N(i + 1)}";
            if (lines[i] is not { } line)
            {
                Error(path, where, "Cette ligne est vide : retirez-la.");
                continue;
            }

            Text($"{path}.label", where, line.Label, "le poste", FicheLimits.BudgetLineLabel, required: true);
            Amount($"{path}.amount", where, line.Amount, "le montant");
            Year($"{path}.year", where, line.Year);
            Defined($"{path}.nature", where, line.Nature, "la nature");
            SourceKey($"{path}.sourceKey", where, line.SourceKey);
        }

        if (budget.Staff is { } staff)
        {
            const string where = "moyens humains";
            Amount("budget.staff.fte", where, staff.Fte, "le nombre d’ETP");
            Year("budget.staff.year", where, staff.Year);
            Text("budget.staff.note", where, staff.Note, "la précision", FicheLimits.StaffNote);
            SourceKey("budget.staff.sourceKey", where, staff.SourceKey);
        }
    }

    private void Programme()
    {
        var programme = _content.Programme ?? new ProgrammeSection();
        const string where = "programme";
        Text("programme.strategyTitle", where, programme.StrategyTitle, "le titre", FicheLimits.StrategyTitle);
        Year("programme.periodStart", where, programme.PeriodStart);
        Year("programme.periodEnd", where, programme.PeriodEnd, _context.LastPeriodYear);
        if (programme.PeriodStart is { } start && programme.PeriodEnd is { } end && end < start)
        {
            Error("programme.periodEnd", where, "L’année de fin doit être postérieure ou égale à l’année de début.");
        }

        Text("programme.narrative", where, programme.Narrative, "le texte", FicheLimits.Narrative);
        var axes = programme.Axes ?? [];
        Count("programme.axes", "axes", axes.Count, FicheLimits.Axes, "axes");
        for (var i = 0; i < axes.Count; i++)
        {
            var path = $"programme.axes[{i}]";
            var axisWhere = $"axe {N(i + 1)}";
            if (axes[i] is not { } axis)
            {
                Error(path, axisWhere, "Cet axe est vide : retirez-le.");
                continue;
            }

            Text($"{path}.title", axisWhere, axis.Title, "le titre de l’axe", FicheLimits.AxisTitle, required: true);
            Text($"{path}.text", axisWhere, axis.Text, "le texte", FicheLimits.AxisText);
        }
    }

    private void Actions()
    {
        var actions = _content.Actions ?? [];
        Count("actions", "actions", actions.Count, FicheLimits.Actions, "actions");
        for (var i = 0; i < actions.Count; i++)
        {
            var path = $"actions[{i}]";
            var where = $"action {N(i + 1)}";
            if (actions[i] is not { } action)
            {
                Error(path, where, "Cette action est vide : retirez-la.");
                continue;
            }

            Text($"{path}.title", where, action.Title, "le titre", FicheLimits.ActionTitle, required: true);
            Text($"{path}.description", where, action.Description, "la description", FicheLimits.ActionDescription);
            if ((action.Themes ?? []).Any(t => t is null || !_context.ThemeCodes.Contains(t)))
            {
                Error($"{path}.themes", where, "Choisissez les thèmes dans la liste proposée.");
            }

            Year($"{path}.yearStart", where, action.YearStart);
            Year($"{path}.yearEnd", where, action.YearEnd);
            if (action.YearStart is { } start && action.YearEnd is { } end && end < start)
            {
                Error($"{path}.yearEnd", where, "L’année de fin doit être postérieure ou égale à l’année de début.");
            }

            if (action.Amount is { } amount)
            {
                Amount($"{path}.amount", where, amount, "le montant");
            }

            Year($"{path}.amountYear", where, action.AmountYear);
            var partners = action.Partners ?? [];
            if (partners.Count > FicheLimits.Partners || partners.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > FicheLimits.PartnerName))
            {
                Error($"{path}.partners", where, string.Create(_fr,
                    $"Indiquez au plus {FicheLimits.Partners} partenaires, de {FicheLimits.PartnerName} caractères chacun au plus."));
            }

            SourceKey($"{path}.sourceKey", where, action.SourceKey);
            var results = action.Results ?? [];
            Count($"{path}.results", where, results.Count, FicheLimits.Results, "résultats");
            for (var j = 0; j < results.Count; j++)
            {
                var resultPath = $"{path}.results[{j}]";
                var resultWhere = $"{where}, résultat {N(j + 1)}";
                if (results[j] is not { } result)
                {
                    Error(resultPath, resultWhere, "Ce résultat est vide : retirez-le.");
                    continue;
                }

                Text($"{resultPath}.label", resultWhere, result.Label, "l’indicateur", FicheLimits.FigureLabel, required: true);
                Amount($"{resultPath}.value", resultWhere, result.Value, "la valeur");
                Defined($"{resultPath}.unit", resultWhere, result.Unit, "l’unité");
                Year($"{resultPath}.year", resultWhere, result.Year);
                SourceKey($"{resultPath}.sourceKey", resultWhere, result.SourceKey);
            }
        }
    }

    private void Contacts()
    {
        var contacts = _content.Contacts ?? [];
        Count("contacts", "contacts", contacts.Count, FicheLimits.Contacts, "contacts");
        for (var i = 0; i < contacts.Count; i++)
        {
            var path = $"contacts[{i}]";
            var where = $"contact {N(i + 1)}";
            if (contacts[i] is not { } contact)
            {
                Error(path, where, "Ce contact est vide : retirez-le.");
                continue;
            }

            Defined($"{path}.role", where, contact.Role, "le rôle");
            Text($"{path}.name", where, contact.Name, "le nom", FicheLimits.ContactName, required: true);
            Text($"{path}.title", where, contact.Title, "la fonction", FicheLimits.ContactTitle);
            Text($"{path}.service", where, contact.Service, "le service", FicheLimits.ContactService);
            if (Text($"{path}.email", where, contact.Email, "l’adresse électronique", FicheLimits.ContactEmail) is { } email
                && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
            {
                Error($"{path}.email", where, "Saisissez une adresse électronique valide, par exemple prenom.nom@ville.fr.");
            }

            if (Text($"{path}.phone", where, contact.Phone, "le téléphone", FicheLimits.ContactPhone) is { } phone
                && phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '+' or '.' or '-' or '(' or ')')))
            {
                Error($"{path}.phone", where, "Saisissez un numéro de téléphone avec des chiffres, espaces, points ou le signe +.");
            }
        }
    }

    private void Sources()
    {
        Text("unclassified", "texte non classé", _content.Unclassified, "le texte", FicheLimits.Unclassified);
        var sources = _content.Sources ?? [];
        Count("sources", "sources", sources.Count, FicheLimits.Sources, "sources");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            var path = $"sources[{i}]";
            var where = $"source {N(i + 1)}";
            if (sources[i] is not { } source)
            {
                Error(path, where, "Cette source est vide : retirez-la.");
                continue;
            }

            if (Text($"{path}.key", where, source.Key, "la clé", FicheLimits.SourceKey, required: true) is { } key)
            {
                if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    Error($"{path}.key", where, "La clé ne contient que des lettres sans accent, des chiffres et des tirets, par exemple insee-flores-2021.");
                }
                else if (!seen.Add(key))
                {
                    Error($"{path}.key", where, "Cette clé est déjà celle d’une autre source : choisissez-en une autre.");
                }
            }

            Text($"{path}.title", where, source.Title, "le titre", FicheLimits.SourceTitle, required: true);
            Text($"{path}.publisher", where, source.Publisher, "l’éditeur", FicheLimits.SourcePublisher);
            Year($"{path}.year", where, source.Year);
            if (source.Url is { } url && !IsWebAddress(url))
            {
                Error($"{path}.url", where, string.Create(_fr,
                    $"Saisissez une adresse web complète commençant par http:// ou https:// ({N(FicheLimits.Url)} caractères au plus)."));
            }
        }

        var cited = CitedKeys(_content).Where(k => !_sourceKeys.Contains(k)).ToList();
        if (cited.Count > 0)
        {
            Error("sources", "sources", $"Ces sources sont citées par des chiffres de la fiche et ne peuvent pas être supprimées : {string.Join(", ", cited)}. Changez d’abord la source de ces chiffres.");
        }
    }

    /// <summary>An absolute http(s) address of at most <see cref="FicheLimits.Url"/> characters.</summary>
    public static bool IsWebAddress(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.OriginalString.Length <= FicheLimits.Url;
    }

    /// <summary>The source keys the figures of a fiche cite.</summary>
    public static IReadOnlyList<string> CitedKeys(FicheContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return [.. (content.Panorama?.Figures ?? []).Select(f => f?.SourceKey)
            .Concat((content.Budget?.Lines ?? []).Select(l => l?.SourceKey))
            .Append(content.Budget?.Staff?.SourceKey)
            .Concat((content.Actions ?? []).Select(a => a?.SourceKey))
            .Concat((content.Actions ?? []).SelectMany(a => (a?.Results ?? []).Select(r => r?.SourceKey)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A figure tagged with an indicator is compared across the network: the indicator must be in
    /// the catalogue, in the figure's unit, and carry one value per year.
    /// </summary>
    private void Indicator(string path, string where, KeyFigure figure, int index, Dictionary<(string Code, int Year), int> tagged)
    {
        if (string.IsNullOrWhiteSpace(figure.IndicatorCode))
        {
            return;
        }

        var code = figure.IndicatorCode;
        var indicator = _context.FigureIndicators.FirstOrDefault(i => i.Code == code);
        if (indicator is null)
        {
            Error(path, where, "Choisissez un indicateur comparé dans la liste, ou aucun.");
        }
        else if (figure.Unit != indicator.Unit)
        {
            Error(path, where, $"L’indicateur « {indicator.LabelFr} » se mesure en {UnitWord(indicator.Unit)} : choisissez cette unité ou un autre indicateur.");
        }
        else if (!tagged.TryAdd((code, figure.Year), index))
        {
            Error(path, where, string.Create(CultureInfo.InvariantCulture,
                $"Le chiffre {tagged[(code, figure.Year)] + 1} porte déjà cet indicateur pour {figure.Year} : un indicateur n’a qu’une valeur par année."));
        }
    }

    /// <summary>The unit as the back office names it ("nombre", "euros"), for messages.</summary>
    public static string UnitWord(FigureUnit unit) => unit switch
    {
        FigureUnit.Count => "nombre",
        FigureUnit.Persons => "personnes",
        FigureUnit.Euros => "euros",
        FigureUnit.Percent => "pourcentage",
        FigureUnit.Fte => "ETP",
        _ => "heures",
    };

    private string? Text(string path, string where, string? value, string label, int maxLength, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Error(path, where, $"Indiquez {label}.");
            }

            return null;
        }

        var text = value.Trim();
        if (text.Length > maxLength)
        {
            Error(path, where, $"{Capitalized(label)} ne doit pas dépasser {N(maxLength)} caractères (actuellement {N(text.Length)}).");
        }

        return text;
    }

    private void Year(string path, string where, int? year, int? latest = null)
    {
        var last = latest ?? _context.LastYear;
        if (year is { } y && (y < FicheRuleContext.FirstYear || y > last))
        {
            Error(path, where, string.Create(CultureInfo.InvariantCulture, $"L’année doit être comprise entre {FicheRuleContext.FirstYear} et {last}."));
        }
    }

    private void Amount(string path, string where, decimal value, string label)
    {
        if (value < 0)
        {
            Error(path, where, $"Saisissez un nombre positif ou nul pour {label}.");
        }
        else if (value >= FicheLimits.MaxAmount)
        {
            Error(path, where, $"Saisissez {label} sous 1 million de milliards.");
        }
    }

    private void Defined<TEnum>(string path, string where, TEnum value, string label)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Error(path, where, $"Choisissez {label} dans la liste.");
        }
    }

    private void SourceKey(string path, string where, string? key)
    {
        if (!string.IsNullOrWhiteSpace(key) && !_sourceKeys.Contains(key))
        {
            Error(path, where, "Choisissez une source parmi celles de la fiche (rubrique « Sources »).");
        }
    }

    private void Count(string path, string where, int count, int max, string what)
    {
        if (count > max)
        {
            Error(path, where, $"Une fiche compte au plus {N(max)} {what} (celle-ci en a {N(count)}).");
        }
    }

    private void Error(string path, string where, string message) => _errors.Add(new FicheRuleError(path, where, message));

    private static string N(int value) => value.ToString("N0", _fr);

    private static string Capitalized(string label) => string.Concat(label[..1].ToUpper(_fr), label[1..]);
}
