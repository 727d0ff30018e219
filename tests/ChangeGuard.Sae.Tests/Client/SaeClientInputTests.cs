using ChangeGuard.Sae.Errors;
using ChangeGuard.Sae.Models;
using ChangeGuard.Testing.Builders;
using ChangeGuard.Testing.Simulation;

namespace ChangeGuard.Sae.Tests.Client;

/// <summary>Bad input fails before anything is sent, with an error naming what is wrong.</summary>
public sealed class SaeClientInputTests : IAsyncLifetime
{
    private SimulatorFixture _sim = null!;
    private ISaeClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await SimulatorFixture.StartAsync(new ScenarioBuilder().WithApp("app-1").Build());
        _client = _sim.CreateClient();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task DescribeChangeOrder_BlankId_ThrowsNamingParameter(string id)
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.DescribeChangeOrderAsync("cn-hangzhou", id));

        // Assert
        Assert.Equal("changeOrderId", error.ParamName);
        Assert.Empty(_sim.Simulator.Log.Read());
    }

    [Fact]
    public async Task AbortChangeOrder_BlankId_ThrowsNamingParameter()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.AbortChangeOrderAsync("cn-hangzhou", "", rollback: true));

        // Assert
        Assert.Equal("changeOrderId", error.ParamName);
    }

    [Fact]
    public async Task DescribeApplicationInstances_BlankGroup_ThrowsNamingParameter()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _client.DescribeApplicationInstancesAsync("cn-hangzhou", new ApplicationInstancesQuery("app-1", "")));

        // Assert
        Assert.Equal("GroupId", error.ParamName);
    }

    [Fact]
    public async Task ListChangeOrders_BlankApp_ThrowsNamingParameter()
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.ListChangeOrdersAsync("cn-hangzhou", new ListChangeOrdersQuery(" ")));

        // Assert
        Assert.Equal("AppId", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hangzhou")]
    [InlineData("cn-hangzhou/../x")]
    public async Task DescribeChangeOrder_MalformedRegion_ThrowsNamingRegion(string region)
    {
        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.DescribeChangeOrderAsync(region, "co-1"));

        // Assert
        Assert.Equal("regionId", error.ParamName);
        Assert.Empty(_sim.Simulator.Log.Read());
    }

    [Fact]
    public async Task DescribeChangeOrder_NoCredentials_ThrowsConfigurationErrorNamingVariables()
    {
        // Arrange
        var saved = (Environment.GetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_ID"), Environment.GetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
        Environment.SetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", null);
        try
        {
            var client = _sim.CreateClient(o =>
            {
                o.AccessKeyId = null;
                o.AccessKeySecret = null;
            });

            // Act
            var error = await Assert.ThrowsAsync<SaeConfigurationException>(() => client.DescribeChangeOrderAsync("cn-hangzhou", "co-1"));

            // Assert
            Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_ID", saved.Item1);
            Environment.SetEnvironmentVariable("ALIBABA_CLOUD_ACCESS_KEY_SECRET", saved.Item2);
        }
    }
}
