using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace RtesPlatform.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on a page for WCAG 2.0 and 2.1, levels A and AA, and describes what it finds.</summary>
internal static class AxeScan
{
    private static readonly AxeRunOptions _wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static Task<AxeResult> RunWcag21AAAsync(IPage page) => page.RunAxe(_wcag21AA);

    /// <summary>One block per violation: rule id, impact, help, then each failing element's selector and markup.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} [{violation.HelpUrl}]").AppendLine();
            foreach (var node in violation.Nodes)
            {
                text.Append(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}").AppendLine();
                foreach (var check in node.Any.Concat(node.All).Concat(node.None))
                {
                    text.Append("       ").AppendLine(check.Message);
                }
            }
        }

        return text.ToString();
    }
}
