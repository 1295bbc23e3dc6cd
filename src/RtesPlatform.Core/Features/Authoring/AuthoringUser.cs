namespace RtesPlatform.Core.Features.Authoring;

/// <summary>The signed-in person an authoring action is recorded for.</summary>
public sealed record AuthoringUser(string? Id, string? Name)
{
    /// <summary>What <c>updated_by</c> and <c>published_by</c> hold (at most 200 characters).</summary>
    public string Label
    {
        get
        {
            var label = Name ?? Id ?? "inconnu";
            return label.Length <= 200 ? label : label[..200];
        }
    }
}
