namespace ChangeGuard.Sae.Errors;

/// <summary>SAE and gateway error codes, spelt exactly as SAE spells them (typos included).</summary>
public static class SaeErrorCodes
{
    /// <summary>The change order is not running (sic: "Changer", dotted).</summary>
    public const string ChangeOrderNotRunning = "Application.ChangerOrder.Not.Running";

    /// <summary>Another change order is running on the app (sic: "Changer", no dot).</summary>
    public const string ChangeOrderRunning = "Application.ChangerOrderRunning";

    /// <summary>No permission on the resource (sic: "Resouce").</summary>
    public const string ResourceNoPermission = "Resouce.no.permission";

    /// <summary>A required parameter is missing.</summary>
    public const string ParameterNotEmpty = "InvalidParameter.NotEmpty";

    /// <summary>A parameter is invalid.</summary>
    public const string ParameterObviously = "InvalidParameter.Obviously";

    /// <summary>A parameter is invalid, with a message.</summary>
    public const string ParameterWithMessage = "InvalidParameter.WithMessage";

    /// <summary>The change order does not exist.</summary>
    public const string ChangeOrderNotFound = "InvalidChangeOrder.NotFound";

    /// <summary>The app id does not exist.</summary>
    public const string AppIdNotFound = "InvalidAppId.NotFound";

    /// <summary>The application does not exist.</summary>
    public const string ApplicationNotFound = "InvalidApplication.NotFound";

    /// <summary>The namespace does not exist.</summary>
    public const string NamespaceNotFound = "InvalidNamespaceId.NotFound";

    /// <summary>Wrong path, method or action.</summary>
    public const string ApiNotFound = "InvalidApi.NotFound";

    /// <summary>Per-user flow control.</summary>
    public const string ThrottlingUser = "Throttling.User";

    /// <summary>The signature does not match.</summary>
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";

    /// <summary>The Authorization header is missing or malformed.</summary>
    public const string IncompleteSignature = "IncompleteSignature";

    /// <summary>The AccessKey ID is unknown.</summary>
    public const string AccessKeyNotFound = "InvalidAccessKeyId.NotFound";

    /// <summary>The AccessKey is disabled.</summary>
    public const string AccessKeyInactive = "InvalidAccessKeyId.Inactive";

    /// <summary>The request time is more than 15 minutes off.</summary>
    public const string TimestampExpired = "InvalidTimeStamp.Expired";

    /// <summary>The request time is malformed.</summary>
    public const string TimestampFormat = "InvalidTimeStamp.Format";

    /// <summary>The nonce was used before.</summary>
    public const string NonceUsed = "SignatureNonceUsed";

    /// <summary>The STS token does not match the key pair.</summary>
    public const string SecurityTokenMismatch = "InvalidSecurityToken.Mismatch";

    /// <summary>The server failed.</summary>
    public const string InternalError = "InternalError";

    /// <summary>The server is temporarily unavailable.</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>The application is in an abnormal state; retry later.</summary>
    public const string ApplicationInvalidStatus = "Application.InvalidStatus";

    /// <summary>SAE is upgrading; retry later.</summary>
    public const string SystemUpgrading = "System.Upgrading";
}
