namespace RtesPlatform.Core.Features.LegacyImport;

/// <summary>
/// Collects the lines of one fiche as they come: headings switch the current section, identity
/// labels take the value that follows them, everything else is text of the current section.
/// </summary>
internal sealed class LegacyFicheBuilder
{
    private const int MaxAddressLines = 6;

    private readonly Dictionary<LegacySection, List<LegacySourceLine>> _sections = [];
    private readonly HashSet<LegacyLineKind> _headingsSeen = [];
    private LegacySection _section = LegacySection.Panorama;
    private LegacySection _contentSection = LegacySection.Panorama;
    private LegacyLineKind? _awaiting;

    public LegacyFicheBuilder(LegacySourceLine? name)
    {
        Name = name;
        if (name is not null)
        {
            Uses.Add(new LegacyLineUse(name.Number, name.Text, LegacyLineRole.Name));
        }
    }

    public LegacySourceLine? Name { get; }
    public List<LegacyLineUse> Uses { get; } = [];
    public List<string> Warnings { get; } = [];
    public bool InProgress { get; private set; }
    public string? MembershipText => MembershipLine?.Text;
    public LegacySourceLine? MembershipLine { get; private set; }
    /// <summary>Values of a label given a second time: only the first is read, these are kept as text.</summary>
    public List<LegacySourceLine> ExtraValues { get; } = [];
    public List<LegacySourceLine> TypeLines { get; } = [];
    public List<LegacySourceLine> PopulationLines { get; } = [];
    public List<LegacySourceLine> AddressLines { get; } = [];
    public List<LegacySourceLine> RegionLines { get; } = [];
    public IReadOnlySet<LegacyLineKind> HeadingsSeen => _headingsSeen;

    /// <summary>The label whose value <paramref name="line"/> would be, if any (see <see cref="LegacyFicheBoundary"/>).</summary>
    public LegacyLineKind? AwaitingValueFor(LegacySourceLine line) =>
        _awaiting == LegacyLineKind.AddressLabel && AddressLines.Count > 0 && line.BlankBefore ? null : _awaiting;

    public IReadOnlyList<LegacySourceLine> Lines(LegacySection section) =>
        _sections.TryGetValue(section, out var lines) ? lines : [];

    public void Add(LegacySourceLine line)
    {
        switch (line.Kind)
        {
            case LegacyLineKind.Text or LegacyLineKind.SiteHeader:
                AddText(line);
                break;
            case LegacyLineKind.InProgress:
                _awaiting = null;
                InProgress = true;
                Uses.Add(new LegacyLineUse(line.Number, line.Text, LegacyLineRole.InProgressFlag));
                break;
            case LegacyLineKind.Panorama:
                StartSection(line, LegacySection.Panorama);
                break;
            case LegacyLineKind.Budget:
                StartSection(line, LegacySection.Budget);
                break;
            case LegacyLineKind.Programme:
                StartSection(line, LegacySection.Programme);
                break;
            case LegacyLineKind.Actions:
                StartSection(line, LegacySection.Actions);
                break;
            case LegacyLineKind.ContactHeading:
                StartSection(line, LegacySection.Contacts);
                break;
            default:
                StartLabel(line);
                break;
        }
    }

    private void StartSection(LegacySourceLine line, LegacySection section)
    {
        _awaiting = null;
        if (!_headingsSeen.Add(line.Kind))
        {
            Warnings.Add($"Rubrique « {line.Text} » présente deux fois (ligne {line.Number}) : les textes sont mis bout à bout.");
        }

        Uses.Add(new LegacyLineUse(line.Number, line.Text, LegacyLineRole.Heading));
        _section = section;
        if (section != LegacySection.Contacts)
        {
            _contentSection = section;
        }

        if (line.InlineValue is not null)
        {
            Section(section).Add(line with { Text = line.InlineValue, Kind = LegacyLineKind.Text, InlineValue = null });
        }
    }

    private void StartLabel(LegacySourceLine line)
    {
        if (!_headingsSeen.Add(line.Kind))
        {
            Warnings.Add($"Champ « {line.Text} » présent deux fois (ligne {line.Number}) : la première valeur est gardée.");
        }

        Uses.Add(new LegacyLineUse(line.Number, line.Text, LegacyLineRole.IdentityLabel));

        // An identity block interrupts the sections: text after it goes back to the last content section.
        _section = _contentSection;
        _awaiting = line.Kind;
        if (line.InlineValue is not null)
        {
            TakeValue(line.Kind, line with { Text = line.InlineValue }, recordUse: false);
            _awaiting = null;
        }
    }

    private void AddText(LegacySourceLine line)
    {
        if (_awaiting is { } label && AwaitingValueFor(line) is not null)
        {
            TakeValue(label, line, recordUse: true);
            return;
        }

        _awaiting = null;
        Section(_section).Add(line);
    }

    private void TakeValue(LegacyLineKind label, LegacySourceLine line, bool recordUse)
    {
        if (recordUse)
        {
            Uses.Add(new LegacyLineUse(line.Number, line.Text, LegacyLineRole.IdentityValue));
        }

        switch (label)
        {
            case LegacyLineKind.MembershipYear:
                Keep(MembershipLine is null ? null : ExtraValues, line);
                MembershipLine ??= line;
                _awaiting = null;
                break;
            case LegacyLineKind.AddressLabel:
                AddressLines.Add(line);
                var country = LegacyText.Key(line.Text) == "france";
                _awaiting = country || AddressLines.Count >= MaxAddressLines ? null : label;
                break;
            case LegacyLineKind.TypeLabel:
                Keep(TypeLines.Count == 0 ? TypeLines : ExtraValues, line);
                _awaiting = null;
                break;
            case LegacyLineKind.PopulationLabel:
                Keep(PopulationLines.Count == 0 ? PopulationLines : ExtraValues, line);
                _awaiting = null;
                break;
            default:
                Keep(RegionLines.Count == 0 ? RegionLines : ExtraValues, line);
                _awaiting = null;
                break;
        }
    }

    private static void Keep(List<LegacySourceLine>? list, LegacySourceLine line) => list?.Add(line);

    private List<LegacySourceLine> Section(LegacySection section)
    {
        if (!_sections.TryGetValue(section, out var lines))
        {
            lines = [];
            _sections[section] = lines;
        }

        return lines;
    }
}
