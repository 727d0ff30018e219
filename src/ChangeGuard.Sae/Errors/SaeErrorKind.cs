namespace ChangeGuard.Sae.Errors;

/// <summary>
/// The closed set of reasons an SAE call can fail, the only thing callers switch on. SAE's own codes
/// (with their typos) stay inside <see cref="SaeErrorClassifier"/>.
/// </summary>
public enum SaeErrorKind
{
    /// <summary>Anything not listed below.</summary>
    Other = 0,

    /// <summary><c>Application.ChangerOrder.Not.Running</c>: the change order is not running, nothing to abort.</summary>
    NotRunning,

    /// <summary><c>Application.ChangerOrderRunning</c>: another change is in progress on the app; retry later.</summary>
    ChangeInProgress,

    /// <summary><c>Throttling*</c> codes or a retry-after header: slow down.</summary>
    Throttled,

    /// <summary>
    /// 5xx answers, timeouts, connection failures, SAE's "retry later" codes, a replayed nonce and answers that are
    /// not SAE's API (a broken gateway's HTML, truncated JSON): another attempt may well get through.
    /// </summary>
    Transient,

    /// <summary><c>Resouce.no.permission</c> and RAM denials.</summary>
    PermissionDenied,

    /// <summary>A parameter SAE rejected.</summary>
    InvalidParameter,

    /// <summary>The app, change order, pipeline or API does not exist.</summary>
    NotFound,

    /// <summary>Signature, timestamp, token or AccessKey problems (a replayed nonce is <see cref="Transient"/>).</summary>
    Unauthenticated,
}
