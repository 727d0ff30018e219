using System.Net;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Sae.Tests.Errors;

public sealed class SaeErrorClassifierTests
{
    [Theory]
    [InlineData(400, "Application.ChangerOrder.Not.Running", SaeErrorKind.NotRunning)]
    [InlineData(400, "Application.ChangerOrderRunning", SaeErrorKind.ChangeInProgress)]
    [InlineData(400, "Resouce.no.permission", SaeErrorKind.PermissionDenied)]
    [InlineData(403, "Forbidden.RAM", SaeErrorKind.PermissionDenied)]
    [InlineData(400, "Throttling.User", SaeErrorKind.Throttled)]
    [InlineData(429, "Throttling.User", SaeErrorKind.Throttled)]
    [InlineData(400, "Throttling.Api", SaeErrorKind.Throttled)]
    [InlineData(400, "Throttling", SaeErrorKind.Throttled)]
    [InlineData(500, "InternalError", SaeErrorKind.Transient)]
    [InlineData(503, "ServiceUnavailable", SaeErrorKind.Transient)]
    [InlineData(502, null, SaeErrorKind.Transient)]
    [InlineData(400, "System.Upgrading", SaeErrorKind.Transient)]
    [InlineData(400, "Application.InvalidStatus", SaeErrorKind.Transient)]
    [InlineData(400, "InvalidParameter.NotEmpty", SaeErrorKind.InvalidParameter)]
    [InlineData(400, "InvalidParameter.Obviously", SaeErrorKind.InvalidParameter)]
    [InlineData(400, "InvalidParameter.WithMessage", SaeErrorKind.InvalidParameter)]
    [InlineData(400, "InvalidChangeOrder.NotFound", SaeErrorKind.NotFound)]
    [InlineData(404, "InvalidAppId.NotFound", SaeErrorKind.NotFound)]
    [InlineData(400, "InvalidApplication.NotFound", SaeErrorKind.NotFound)]
    [InlineData(404, "InvalidNamespaceId.NotFound", SaeErrorKind.NotFound)]
    [InlineData(404, "InvalidApi.NotFound", SaeErrorKind.NotFound)]
    [InlineData(400, "SignatureDoesNotMatch", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "SignatureNonceUsed", SaeErrorKind.Transient)]
    [InlineData(404, "InvalidAccessKeyId.NotFound", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "InvalidAccessKeyId.Inactive", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "InvalidTimeStamp.Expired", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "InvalidTimeStamp.Format", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "InvalidSecurityToken.Expired", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "IncompleteSignature", SaeErrorKind.Unauthenticated)]
    [InlineData(400, "rollback.error", SaeErrorKind.Other)]
    [InlineData(400, null, SaeErrorKind.Other)]
    [InlineData(200, "InternalError", SaeErrorKind.Transient)]
    [InlineData(200, "Throttling.User", SaeErrorKind.Throttled)]
    [InlineData(200, "Resouce.no.permission", SaeErrorKind.PermissionDenied)]
    [InlineData(200, "Something.New", SaeErrorKind.Other)]
    [InlineData(200, null, SaeErrorKind.Other)]
    public void Classify_DocumentedCode_MapsToKind(int status, string? code, SaeErrorKind expected)
    {
        // Act
        var kind = SaeErrorClassifier.Classify((HttpStatusCode)status, code);

        // Assert
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void Classify_RetryAfterHeaderWithUnknownCode_IsThrottled()
    {
        // Act
        var kind = SaeErrorClassifier.Classify(HttpStatusCode.BadRequest, "Something.Else", TimeSpan.FromSeconds(2));

        // Assert
        Assert.Equal(SaeErrorKind.Throttled, kind);
    }

    [Fact]
    public void Classify_NoAnswer_IsTransient() => Assert.Equal(SaeErrorKind.Transient, SaeErrorClassifier.Classify(null, null));

    [Theory]
    [InlineData(SaeErrorKind.Throttled, true)]
    [InlineData(SaeErrorKind.Transient, true)]
    [InlineData(SaeErrorKind.NotRunning, false)]
    [InlineData(SaeErrorKind.ChangeInProgress, false)]
    [InlineData(SaeErrorKind.PermissionDenied, false)]
    public void IsRetryable_Kind_OnlyThrottledAndTransient(SaeErrorKind kind, bool expected) =>
        Assert.Equal(expected, SaeErrorClassifier.IsRetryable(kind));

    [Theory]
    [InlineData(SaeErrorKind.NotFound, true)]
    [InlineData(SaeErrorKind.PermissionDenied, true)]
    [InlineData(SaeErrorKind.InvalidParameter, true)]
    [InlineData(SaeErrorKind.Unauthenticated, true)]
    [InlineData(SaeErrorKind.Other, false)]
    [InlineData(SaeErrorKind.NotRunning, false)]
    [InlineData(SaeErrorKind.ChangeInProgress, false)]
    [InlineData(SaeErrorKind.Throttled, false)]
    [InlineData(SaeErrorKind.Transient, false)]
    public void IsPermanent_Kind_OnlyRefusalsRepeatingWillNotChange(SaeErrorKind kind, bool expected) =>
        Assert.Equal(expected, SaeErrorClassifier.IsPermanent(kind));

    [Fact]
    public void IsPermanent_EveryKind_IsNeverAlsoRetryable()
    {
        // Act
        var both = Enum.GetValues<SaeErrorKind>().Where(k => SaeErrorClassifier.IsPermanent(k) && SaeErrorClassifier.IsRetryable(k));

        // Assert
        Assert.Empty(both);
    }
}
