namespace ChangeGuard.Domain.Policies;

/// <summary>The HTTP methods a probe may use, as Argo Rollouts' web metric allows.</summary>
public enum ProbeMethod
{
    /// <summary>GET, without a body.</summary>
    Get,

    /// <summary>POST.</summary>
    Post,

    /// <summary>PUT.</summary>
    Put,
}
