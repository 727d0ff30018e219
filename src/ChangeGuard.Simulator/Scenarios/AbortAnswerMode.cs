namespace ChangeGuard.Simulator.Scenarios;

/// <summary>How an abort is answered under the <see cref="AbortAnswerFault"/>.</summary>
public enum AbortAnswerMode
{
    /// <summary>HTTP 200 with the start of SAE's success envelope, cut mid-way, as a broken gateway would.</summary>
    Malformed,

    /// <summary>The connection is reset without an answer.</summary>
    Lost,

    /// <summary>
    /// HTTP 400 <c>SignatureNonceUsed</c>: what a client sees when its first request reached SAE, the answer was lost
    /// and the HTTP stack resent the same signed request.
    /// </summary>
    NonceUsed,

    /// <summary>HTTP 200 with an error envelope: <c>InternalError</c>, <c>Success</c> false.</summary>
    ErrorCode,
}
