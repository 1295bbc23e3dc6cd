using System.Text;
using System.Text.RegularExpressions;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

/// <summary>
/// Every line of every seed fiche, and of variants of them the seeds do not hold (line endings,
/// encoding, spaces, bullets, heading spellings, section order), ends in exactly one place.
/// </summary>
public sealed partial class LegacyLineAccountingTests
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in new[] { LegacySamples.GrandEst, LegacySamples.EstEnsemble })
        {
            foreach (var variant in new[] { "tel quel", "CRLF", "espaces insécables", "puces -", "puces *", "listes numérotées", "autres intitulés", "rubriques inversées" })
            {
                data.Add(seed, variant);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Parse_SeedOrVariant_AccountsForEveryLine(string seed, string variant)
    {
        var text = Variant(LegacySamples.Text(seed), variant);

        var result = LegacyFicheParser.Parse(text);

        result.Succeeded.ShouldBeTrue();
        LegacyLineAccounting.ShouldAccountForEveryLine(text, result);
    }

    [Theory]
    [InlineData(LegacySamples.GrandEst)]
    [InlineData(LegacySamples.EstEnsemble)]
    public void Parse_Windows1252Copy_ReadsTheSameFichesAndAccountsForEveryLine(string seed)
    {
        var original = LegacySamples.Text(seed);
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(original);

        var text = LegacyFileReader.ReadAllText(bytes);
        var result = LegacyFicheParser.Parse(text);

        text.ShouldBe(original);
        result.Fiches.Select(f => f.SourceName).ShouldBe(LegacyFicheParser.Parse(original).Fiches.Select(f => f.SourceName));
        LegacyLineAccounting.ShouldAccountForEveryLine(text, result);
    }

    [Fact]
    public void Parse_ReversedSections_ReadsTheSameContentAsTheSeed()
    {
        var seed = LegacySamples.Text(LegacySamples.GrandEst);
        var reversed = LegacyFicheParser.Parse(Variant(seed, "rubriques inversées"));
        var original = LegacyFicheParser.Parse(seed);

        reversed.Fiches.Select(f => (f.SourceName, f.MembershipYear, f.Address, f.Content.Actions.Count, f.Content.Contacts.Count, f.Content.Budget.Lines.Count))
            .ShouldBe(original.Fiches.Select(f => (f.SourceName, f.MembershipYear, f.Address, f.Content.Actions.Count, f.Content.Contacts.Count, f.Content.Budget.Lines.Count)));
    }

    [Fact]
    public void Parse_UnreadableAndRepeatedIdentityValues_AreKeptAsTexteNonClasse()
    {
        const string text = """
            Ville de Testville

            Année d'adhésion au RTES
            depuis longtemps
            Type de collectivité
            Commune
            Nombre d'habitants sur le territoire
            environ beaucoup
            Type de collectivité
            Métropole
            Contact public
            Pour tout renseignement, écrire à la mairie
            Élue représentante : Anne Roux

            Panorama de l'ESS sur le territoire
            Un territoire associatif.
            """;

        var result = LegacyFicheParser.Parse(text);

        var fiche = result.Fiches.ShouldHaveSingleItem();
        fiche.Content.Unclassified.ShouldBe("depuis longtemps\nenviron beaucoup\nMétropole\nPour tout renseignement, écrire à la mairie");
        LegacyLineAccounting.ShouldAccountForEveryLine(text, result);
    }

    private static readonly (string From, string To)[] _otherHeadings =
    [
        ("Panorama de l’ESS sur le territoire", "PANORAMA DE L'ÉCONOMIE SOCIALE ET SOLIDAIRE"),
        ("Panorama de l'ESS sur le territoire", "Panorama de l’économie sociale et solidaire :"),
        ("Budget  / Moyens affectés à l’ESS", "Moyens consacrés à l'ESS"),
        ("Budget / Moyens affectés à l’ESS", "budget annuel / moyens alloués à l’économie sociale et solidaire"),
        ("Programme d’intervention dans le champ de l’ESS", "Programme d'actions en faveur de l'ESS"),
        ("Exemples d’actions soutenues par la collectivité", "Actions menées par la collectivité :"),
        ("Contact public", "CONTACTS"),
        ("Type de collectivité", "Type de la collectivité :"),
        ("Nombre d'habitants sur le territoire", "Population"),
    ];

    /// <summary>A variant of an export, as the RTES site or a person's editor could have written it.</summary>
    internal static string Variant(string text, string variant) => variant switch
    {
        "tel quel" => text,
        "CRLF" => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal),
        "espaces insécables" => Spaces().Replace(text.Replace(" :", "\u00A0:", StringComparison.Ordinal), "$1\u202F$2").Replace("\n", "\n\u00A0", StringComparison.Ordinal),
        "puces -" => Bullet().Replace(text, "$1- "),
        "puces *" => Bullet().Replace(text, "$1* "),
        "listes numérotées" => Numbered(text),
        "autres intitulés" => _otherHeadings.Aggregate(text, (t, h) => Regex.Replace(t, "^" + Regex.Escape(h.From) + "$", h.To, RegexOptions.Multiline)),
        "rubriques inversées" => ReverseSections(text),
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    private static string Numbered(string text)
    {
        var number = 0;
        var lines = text.Split('\n').Select(line =>
        {
            var bullet = Bullet().Match(line + "\n");
            if (!bullet.Success || bullet.Index != 0)
            {
                number = 0;
                return line;
            }

            number++;
            return $"{number}. {line[bullet.Length..]}";
        });
        return string.Join('\n', lines);
    }

    /// <summary>Each fiche's sections (from a content heading to the next) in reverse order, its identity block first.</summary>
    private static string ReverseSections(string text)
    {
        var names = LegacyFicheParser.Parse(text).Fiches.Select(f => f.SourceName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var output = new StringBuilder();
        List<string>? head = null;
        var sections = new List<List<string>>();
        void Flush()
        {
            if (head is null)
            {
                return;
            }

            foreach (var line in head.Concat(Enumerable.Reverse(sections).SelectMany(s => s)))
            {
                output.Append(line).Append('\n');
            }

            (head, sections) = (null, []);
        }

        foreach (var line in text.Split('\n'))
        {
            if (names.Contains(line.Trim()))
            {
                Flush();
                head = [line];
            }
            else if (head is not null && ContentHeading().IsMatch(line.Trim()))
            {
                sections.Add(["", line]);
            }
            else if (sections.Count > 0)
            {
                sections[^1].Add(line);
            }
            else if (head is not null)
            {
                head.Add(line);
            }
            else
            {
                output.Append(line).Append('\n');
            }
        }

        Flush();
        return output.ToString();
    }

    [GeneratedRegex(@"(?m)^(\s*)•\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(\d) (\d{3})")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:Panorama de l|Budget|Programme d|Exemples d)")]
    private static partial Regex ContentHeading();
}
