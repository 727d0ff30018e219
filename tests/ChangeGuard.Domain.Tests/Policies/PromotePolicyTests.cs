using ChangeGuard.Domain.Policies;

namespace ChangeGuard.Domain.Tests.Policies;

public sealed class PromotePolicyTests
{
    [Theory]
    [InlineData(0, 2, 3, true)]
    [InlineData(0, 3, 3, true)]
    [InlineData(2, 2, 3, true)]
    [InlineData(2, 3, 3, false)]
    [InlineData(-1, 2, 3, true)]
    [InlineData(-1, 3, 3, false)]
    [InlineData(-2, 2, 3, false)]
    [InlineData(1, 2, 3, false)]
    public void Allows_LastBatch_LimitsTheBatchesChangeGuardStarts(int lastBatch, int batch, int batchCount, bool allowed)
    {
        // Arrange
        var promote = new PromotePolicy { Enabled = true, LastBatch = lastBatch };

        // Act
        var allows = promote.Allows(batch, batchCount);

        // Assert
        Assert.Equal(allowed, allows);
    }

    [Fact]
    public void Default_Promotion_IsOff()
    {
        // Assert
        Assert.False(WatchPolicy.Default.Promote.Enabled);
    }
}
