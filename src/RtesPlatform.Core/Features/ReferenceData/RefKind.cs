namespace RtesPlatform.Core.Features.ReferenceData;

public enum RefKind
{
    Commune,
    Epci,
    Ept,
    Departement,
    Region,
}
