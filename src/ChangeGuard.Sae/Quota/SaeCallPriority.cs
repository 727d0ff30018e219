namespace ChangeGuard.Sae.Quota;

/// <summary>Who goes first when the call budget is short.</summary>
public enum SaeCallPriority
{
    /// <summary>A routine poll or sweep.</summary>
    Normal = 0,

    /// <summary>A watch in its riskiest phase: a batch just started, a breach being counted, reads failing.</summary>
    Elevated = 1,

    /// <summary>An abort or its confirmation: always gets a call, even ahead of the budget.</summary>
    Abort = 2,
}
