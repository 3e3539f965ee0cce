namespace Polytraders.Grains;

/// <summary>Outcome of a command: done (with an id where one was made) or refused with a registered reason code.</summary>
[GenerateSerializer]
[Alias("Polytraders.CommandResult")]
public sealed record CommandResult([property: Id(0)] bool Succeeded, [property: Id(1)] string? Id, [property: Id(2)] string? ReasonCode, [property: Id(3)] string? Detail)
{
    public static CommandResult Done(string? id = null) => new(true, id, null, null);

    public static CommandResult Refused(string reasonCode, string detail) => new(false, null, reasonCode, detail);
}
