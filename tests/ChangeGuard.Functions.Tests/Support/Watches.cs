using ChangeGuard.Domain.Assessment;
using ChangeGuard.Domain.Policies;
using ChangeGuard.Sae.Credentials;
using ChangeGuard.Watching;
using ChangeGuard.Watching.Orchestration;
using Microsoft.Extensions.Options;
using Moq;

namespace ChangeGuard.Functions.Tests.Support;

/// <summary>Ready watch inputs, results and a watch API factory whose credentials resolve.</summary>
internal static class Watches
{
    public const string StartBody = """{"regionId":"cn-hangzhou","appId":"app-1","changeOrderId":"co-1","requestedBy":"ci"}""";

    public static WatchApiFactory Factory()
    {
        var credentials = new Mock<ISaeCredentialSource>();
        credentials.Setup(c => c.GetCredentials()).Returns(new SaeCredentials("id", "secret-value"));
        return new WatchApiFactory(Options.Create(new ChangeGuardOptions()), credentials.Object);
    }

    public static WatchInput Input(string changeOrderId = "co-1") =>
        new(new WatchTarget("cn-hangzhou", "app-1", changeOrderId), WatchPolicy.Default, "earlier");

    public static WatchResult Stopped(string changeOrderId = "co-1") => new()
    {
        Outcome = WatchOutcome.Stopped,
        Target = new WatchTarget("cn-hangzhou", "app-1", changeOrderId),
        Reason = "stopped by test",
    };
}
