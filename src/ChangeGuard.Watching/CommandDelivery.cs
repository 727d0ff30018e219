namespace ChangeGuard.Watching;

/// <summary>What an abort-now or stop request did.</summary>
public enum CommandDelivery
{
    /// <summary>The watch received the command.</summary>
    Accepted,

    /// <summary>No watch for that change order.</summary>
    NotFound,

    /// <summary>The watch has already ended.</summary>
    AlreadyEnded,

    /// <summary>The change order id is malformed.</summary>
    Invalid,
}
