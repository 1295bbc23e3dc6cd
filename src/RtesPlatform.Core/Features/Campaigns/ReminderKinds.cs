namespace RtesPlatform.Core.Features.Campaigns;

/// <summary>The three reminders of a campaign, as stored in <c>campaign_reminders.kind</c>.</summary>
public static class ReminderKinds
{
    public const string Opening = "opening";
    public const string TwoWeeks = "two-weeks";
    public const string Deadline = "deadline";

    /// <summary>Days before the deadline of the second reminder.</summary>
    public const int TwoWeeksBefore = 14;

    /// <summary>
    /// The one reminder due on <paramref name="today"/> (Paris date), or null once the deadline has
    /// passed. Only the latest applicable kind is due: a reminder missed (node down) is replaced by
    /// the next one, never sent late on top of it. A campaign opened less than two weeks before its
    /// deadline has no "two weeks" reminder: the opening one stands for it.
    /// </summary>
    public static string? Due(DateOnly openedOn, DateOnly deadline, DateOnly today)
    {
        if (today > deadline || today < openedOn)
        {
            return null;
        }

        if (today == deadline)
        {
            return Deadline;
        }

        var twoWeeks = deadline.AddDays(-TwoWeeksBefore);
        return today >= twoWeeks && openedOn < twoWeeks ? TwoWeeks : Opening;
    }

    public static string French(string kind) => kind switch
    {
        Opening => "ouverture",
        TwoWeeks => "deux semaines avant l’échéance",
        Deadline => "jour de l’échéance",
        _ => kind,
    };
}
