namespace Polytraders.Conformance;

/// <summary>The first difference a case met: what its result line shows.</summary>
public sealed class CaseFailedException(string difference) : Exception(difference);
