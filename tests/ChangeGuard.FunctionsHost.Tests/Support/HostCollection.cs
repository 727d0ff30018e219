namespace ChangeGuard.FunctionsHost.Tests.Support;

/// <summary>The tests that share one hosted app (<see cref="SharedHostedApp"/>).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<SharedHostedApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "shared hosted app";
}
