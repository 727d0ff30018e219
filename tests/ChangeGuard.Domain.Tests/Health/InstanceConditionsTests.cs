using ChangeGuard.Domain.Health;

namespace ChangeGuard.Domain.Tests.Health;

public sealed class InstanceConditionsTests
{
    [Theory]
    [InlineData("Running", "Healthy", InstanceCondition.Healthy)]
    [InlineData("Running", "WithoutHealthCheckConfig", InstanceCondition.Healthy)]
    [InlineData("Running", "WithoutLivenessConfig", InstanceCondition.Healthy)]
    [InlineData("Running", "WithoutReadinessConfig", InstanceCondition.Healthy)]
    [InlineData("running", "healthy", InstanceCondition.Healthy)]
    [InlineData("Running", "ReadinessUnhealthy", InstanceCondition.Unavailable)]
    [InlineData("Running", "LivenessUnhealthy", InstanceCondition.Unavailable)]
    [InlineData("Running", "Unhealthy", InstanceCondition.Unavailable)]
    [InlineData("Running", "NotCheckedYet", InstanceCondition.Starting)]
    [InlineData("Running", null, InstanceCondition.Starting)]
    [InlineData("Pending", null, InstanceCondition.Starting)]
    [InlineData("PodInitializing", null, InstanceCondition.Starting)]
    [InlineData("ContainerCreating", null, InstanceCondition.Starting)]
    [InlineData("Init:0/1", null, InstanceCondition.Starting)]
    [InlineData("Init:1/2", null, InstanceCondition.Starting)]
    [InlineData(null, null, InstanceCondition.Starting)]
    [InlineData("CrashLoopBackOff", null, InstanceCondition.CrashLooping)]
    [InlineData("CrashLoopBackOff", "Healthy", InstanceCondition.CrashLooping)]
    [InlineData("ImagePullBackOff", null, InstanceCondition.CrashLooping)]
    [InlineData("ErrImagePull", null, InstanceCondition.CrashLooping)]
    [InlineData("CreateContainerConfigError", null, InstanceCondition.CrashLooping)]
    [InlineData("InvalidImageName", null, InstanceCondition.CrashLooping)]
    [InlineData("OOMKilled", null, InstanceCondition.CrashLooping)]
    [InlineData("Error", null, InstanceCondition.Unavailable)]
    [InlineData("Terminating", "Healthy", InstanceCondition.Unavailable)]
    public void Classify_States_GiveCondition(string? containerStatus, string? healthStatus, InstanceCondition expected)
    {
        // Arrange
        // (the states come from the theory data)

        // Act
        var condition = InstanceConditions.Classify(containerStatus, healthStatus);

        // Assert
        Assert.Equal(expected, condition);
    }
}
