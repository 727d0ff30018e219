using System.Text.Json.Serialization;
using ChangeGuard.Domain;
using ChangeGuard.Sae.Wire.Json;

namespace ChangeGuard.Sae.Models;

/// <summary>One entry of ListChangeOrders.</summary>
public sealed record ChangeOrderSummary
{
    /// <summary>The change order id.</summary>
    public string ChangeOrderId { get; init; } = string.Empty;

    /// <summary>The app.</summary>
    public string? AppId { get; init; }

    /// <summary>The group the order applies to.</summary>
    public string? GroupId { get; init; }

    /// <summary>The order's status.</summary>
    public ChangeOrderStatus Status { get; init; }

    /// <summary>Human description of the type.</summary>
    public string? CoType { get; init; }

    /// <summary>The type code, such as <c>CoDeploy</c>.</summary>
    public string? CoTypeCode { get; init; }

    /// <summary>When the order was created.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? CreateTime { get; init; }

    /// <summary>When the order finished, if it did.</summary>
    [JsonConverter(typeof(SaeTimestampConverter))]
    public DateTimeOffset? FinishTime { get; init; }

    /// <summary>Number of batches.</summary>
    public int BatchCount { get; init; }

    /// <summary><c>auto</c> or <c>manual</c>.</summary>
    public string? BatchType { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Where the order came from, such as <c>console</c>.</summary>
    public string? Source { get; init; }

    /// <summary>Who created it.</summary>
    public string? CreateUserId { get; init; }
}
