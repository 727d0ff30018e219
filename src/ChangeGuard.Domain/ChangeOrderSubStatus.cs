namespace ChangeGuard.Domain;

/// <summary>SAE's <c>SubStatus</c> on a change order.</summary>
public enum ChangeOrderSubStatus
{
    /// <summary>0: normal.</summary>
    Normal = 0,

    /// <summary>1: a batch failed and needs a manual rollback; the order stays "executing".</summary>
    Abnormal = 1,
}
