using System.Diagnostics.CodeAnalysis;

namespace Polytraders.Contracts;

public sealed partial record CommandResult
{
    public CommandResult()
    {
    }

    [SetsRequiredMembers]
    public CommandResult(bool succeeded, string? id, string? reasonCode, string? detail)
    {
        Succeeded = succeeded;
        Id = id;
        ReasonCode = reasonCode;
        Detail = detail;
    }

    public static CommandResult Done(string? id = null) => new(true, id, null, null);

    public static CommandResult Refused(string reasonCode, string detail) => new(false, null, reasonCode, detail);
}
