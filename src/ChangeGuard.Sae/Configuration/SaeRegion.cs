using System.Text.RegularExpressions;
using ChangeGuard.Sae.Errors;

namespace ChangeGuard.Sae.Configuration;

/// <summary>Region ids and the endpoints they select: SAE picks the region by host alone.</summary>
public static partial class SaeRegion
{
    /// <summary>Regions SAE's own SDK knows; others still work when they follow the id pattern.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-wulanchabu", "cn-shenzhen", "cn-guangzhou",
        "cn-heyuan", "cn-chengdu", "cn-hongkong", "ap-southeast-1", "ap-southeast-5", "ap-northeast-1", "eu-central-1",
        "us-west-1", "us-east-1",
    ];

    /// <summary>True when the id has the shape of an Alibaba Cloud region id, such as <c>cn-hangzhou</c>.</summary>
    public static bool IsValid(string? regionId) => regionId is not null && RegionPattern().IsMatch(regionId);

    /// <summary>Throws <see cref="ArgumentException"/> naming the value when the id is malformed.</summary>
    public static void EnsureValid(string? regionId, string parameterName = "regionId")
    {
        if (!IsValid(regionId))
        {
            throw new ArgumentException(
                $"'{regionId}' is not a region id: expected lower-case words joined by '-', such as 'cn-hangzhou'.",
                parameterName);
        }
    }

    /// <summary>The endpoint for a region: the override when one is set, else <c>https://sae.{region}.aliyuncs.com</c>.</summary>
    public static Uri EndpointFor(string regionId, Uri? overrideEndpoint)
    {
        EnsureValid(regionId);
        return overrideEndpoint ?? new Uri($"https://sae.{regionId}.aliyuncs.com");
    }

    /// <summary>Turns a configuration string into an endpoint, with a clear error when it is not one.</summary>
    public static Uri ParseEndpoint(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new SaeConfigurationException($"'{value}' is not an endpoint: expected an absolute http or https URL such as http://127.0.0.1:18080.");
        }

        return uri;
    }

    [GeneratedRegex("^[a-z]{2,}(-[a-z0-9]+){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
