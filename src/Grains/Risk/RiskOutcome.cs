namespace Polytraders.Grains.Risk;

public enum RiskOutcome
{
    Approved,
    Reshaped,
    Rejected,
}
