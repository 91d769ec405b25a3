namespace Llo.Identity.Api.Accounts;

/// <summary>Checks a list of role names: at least one, each known, each once.</summary>
public static class RoleList
{
    public static string[] Check(IEnumerable<string> roles, string field, FieldViolations violations)
    {
        var list = roles.Select(role => role.Trim()).ToList();
        if (list.Count == 0)
        {
            violations.Add(field, $"Geef minstens één rol; mogelijk: {string.Join(", ", Roles.All)}.");
        }

        for (var index = 0; index < list.Count; index++)
        {
            if (!Roles.Exists(list[index]))
            {
                violations.Add($"{field}[{index}]", $"Onbekende rol \"{Echo.Of(list[index])}\"; mogelijk: {string.Join(", ", Roles.All)}.");
            }
        }

        return [.. list.Distinct()];
    }
}
