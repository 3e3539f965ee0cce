namespace Polytraders.Polymarket.Eip712;

/// <summary>One member of an EIP-712 struct type: its name and Solidity type, e.g. ("salt", "uint256").</summary>
public sealed record Eip712Field(string Name, string Type);
