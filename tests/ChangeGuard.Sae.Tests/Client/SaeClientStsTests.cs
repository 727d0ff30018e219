using ChangeGuard.Sae.Errors;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

public sealed class SaeClientStsTests
{
    [Fact]
    public async Task DescribeChangeOrder_WithStsToken_IsSignedAndAccepted()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1")).Build(), securityToken: "token+/=");
        var client = sim.CreateClient();

        // Act
        var order = await client.DescribeChangeOrderAsync("cn-hangzhou", "co-1");

        // Assert
        Assert.Equal("co-1", order.ChangeOrderId);
    }

    [Fact]
    public async Task DescribeChangeOrder_WrongStsToken_ThrowsUnauthenticated()
    {
        // Arrange
        await using var sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1", a => a.WithChangeOrder("co-1")).Build(), securityToken: "token+/=");
        var client = sim.CreateClient(o => o.SecurityToken = "another-token");

        // Act
        var error = await Assert.ThrowsAsync<SaeException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

        // Assert
        Assert.Equal(SaeErrorKind.Unauthenticated, error.Kind);
        Assert.Equal(SaeErrorCodes.SecurityTokenMismatch, error.Code);
    }
}
