namespace Polytraders.Trading.Risk;

public enum RiskOutcome
{
    Approved,
    Reshaped,
    Rejected,
}
