namespace Polytraders.Grains;

/// <summary>What the silo runs on, for rules that depend on it (limited_live needs durable storage).</summary>
public sealed record DeploymentProfile(bool DurableStorage, string Name);
