using System.Text.Json;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Models;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Tests.Wire;

public sealed class SaeEnvelopeParsingTests
{
    [Theory]
    [InlineData("""{"Code":"200","Data":{"ChangeOrderId":"c"}}""")]
    [InlineData("""{"Code":200,"Data":{"ChangeOrderId":"c"}}""")]
    public void Deserialize_CodeAsStringOrNumber_ReadsText(string json)
    {
        // Act
        var envelope = JsonSerializer.Deserialize<SaeEnvelope<ChangeOrder>>(json, SaeJson.Options);

        // Assert
        Assert.Equal("200", envelope!.Code);
    }

    [Fact]
    public void Deserialize_TextTime_IsChinaStandardTime()
    {
        // Arrange
        const string json = """{"Data":{"ChangeOrderId":"c","CreateTime":"2024-01-02 11:04:05"}}""";

        // Act
        var order = JsonSerializer.Deserialize<SaeEnvelope<ChangeOrder>>(json, SaeJson.Options)!.Data!;

        // Assert
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), order.CreateTime);
    }

    [Theory]
    [InlineData("1704164645000")]
    [InlineData("\"1704164645000\"")]
    public void Deserialize_EpochMillisecondsAsNumberOrString_ReadsTime(string value)
    {
        // Arrange
        var json = $$"""{"PipelineId":"p","StartTime":{{value}}}""";

        // Act
        var pipeline = JsonSerializer.Deserialize<ChangeOrderPipeline>(json, SaeJson.Options)!;

        // Assert
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1704164645000), pipeline.StartTime);
    }

    [Fact]
    public void Deserialize_MissingOptionalFields_UsesDefaults()
    {
        // Act
        var order = JsonSerializer.Deserialize<ChangeOrder>("""{"ChangeOrderId":"c","Status":1}""", SaeJson.Options)!;

        // Assert
        Assert.Equal(ChangeOrderStatus.Executing, order.Status);
        Assert.Equal(ChangeOrderSubStatus.Normal, order.SubStatus);
        Assert.Empty(order.Pipelines);
        Assert.Null(order.CreateTime);
    }

    [Fact]
    public void Deserialize_NumbersAsStrings_AreRead()
    {
        // Act
        var page = JsonSerializer.Deserialize<InstancePage>("""{"TotalSize":"12","Instances":[{"InstanceId":"i","InstanceContainerRestarts":"3"}]}""", SaeJson.Options)!;

        // Assert
        Assert.Equal(12, page.TotalSize);
        Assert.Equal(3, page.Instances[0].InstanceContainerRestarts);
    }

    [Fact]
    public void Deserialize_UnknownStatusValue_IsKeptAndNotTerminal()
    {
        // Act
        var order = JsonSerializer.Deserialize<ChangeOrder>("""{"ChangeOrderId":"c","Status":7}""", SaeJson.Options)!;

        // Assert
        Assert.Equal(7, (int)order.Status);
        Assert.False(order.Status.IsTerminal());
    }

    [Theory]
    [InlineData(ChangeOrderStatus.Succeeded, true)]
    [InlineData(ChangeOrderStatus.Failed, true)]
    [InlineData(ChangeOrderStatus.Aborted, true)]
    [InlineData(ChangeOrderStatus.SystemFailed, true)]
    [InlineData(ChangeOrderStatus.Preparing, false)]
    [InlineData(ChangeOrderStatus.Executing, false)]
    [InlineData(ChangeOrderStatus.WaitingForBatchConfirmation, false)]
    [InlineData(ChangeOrderStatus.WaitingForNextBatch, false)]
    [InlineData(ChangeOrderStatus.WaitingForApproval, false)]
    [InlineData(ChangeOrderStatus.Approved, false)]
    public void IsTerminal_EveryDocumentedStatus_MatchesReference(ChangeOrderStatus status, bool terminal) =>
        Assert.Equal(terminal, status.IsTerminal());
}
