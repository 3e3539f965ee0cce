namespace Polytraders.Trading;

/// <summary>A rule the schema cannot express, broken: the reason code to answer with and what to tell the caller.</summary>
public readonly record struct RuleViolation(string Code, string Message);
