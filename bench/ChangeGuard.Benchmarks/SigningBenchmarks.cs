using BenchmarkDotNet.Attributes;
using ChangeGuard.Sae.Signing;
using ChangeGuard.Sae.Wire;
using ChangeGuard.Simulator;

namespace ChangeGuard.Benchmarks;

/// <summary>
/// The CPU and allocation cost <see cref="AcsV3Signer.Sign"/> adds to every SAE call, on the same headers
/// <c>SaeRequestSender</c> sends for DescribeChangeOrder, with and without an STS token.
/// </summary>
[MemoryDiagnoser]
public class SigningBenchmarks
{
    private AcsSigningRequest _request = null!;
    private AcsSigningRequest _stsRequest = null!;

    /// <summary>Builds both requests once, so the benchmarks time signing only.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _request = DescribeChangeOrderRequest(securityToken: null);
        _stsRequest = DescribeChangeOrderRequest(SyntheticStsToken(length: 1024));
    }

    /// <summary>Signs DescribeChangeOrder with a long-lived AccessKey pair.</summary>
    [Benchmark(Baseline = true, Description = "Sign DescribeChangeOrder")]
    public string SignDescribeChangeOrder() =>
        AcsV3Signer.Sign(_request, SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

    /// <summary>Signs DescribeChangeOrder carrying an STS token (one more signed header).</summary>
    [Benchmark(Description = "Sign DescribeChangeOrder + STS")]
    public string SignDescribeChangeOrderWithSts() =>
        AcsV3Signer.Sign(_stsRequest, SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultAccessKeySecret);

    private static AcsSigningRequest DescribeChangeOrderRequest(string? securityToken)
    {
        var operation = SaeOperations.DescribeChangeOrder;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", "sae.cn-hangzhou.aliyuncs.com"),
            new("x-acs-action", operation.Action),
            new("x-acs-version", SaeOperations.Version),
            new("x-acs-date", "2025-06-01T08:30:00Z"),
            new("x-acs-signature-nonce", "3f2b9c1e8d4a4f6b9e0c7a5d1b2e3f40"),
            new("x-acs-content-sha256", AcsV3Signer.EmptyPayloadHash),
        };
        if (securityToken is not null)
        {
            headers.Add(new("x-acs-security-token", securityToken));
        }

        return new AcsSigningRequest(
            operation.Method.Method,
            operation.Path,
            [new("ChangeOrderId", "co-healthy-0001")],
            headers,
            AcsV3Signer.EmptyPayloadHash);
    }

    /// <summary>A deterministic token as long as real STS tokens, which run to about a kilobyte of base64.</summary>
    private static string SyntheticStsToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[(i * 37 + 11) % alphabet.Length];
        }

        return "CAIS" + new string(chars, 4, length - 4);
    }
}
