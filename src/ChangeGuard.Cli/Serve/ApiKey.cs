using System.Security.Cryptography;
using System.Text;
using ChangeGuard.Cli.Terminal;
using Microsoft.AspNetCore.Http;

namespace ChangeGuard.Cli.Serve;

/// <summary>
/// The key <c>serve</c> requires on every request when one is configured (always, off loopback): sent as
/// <c>X-Api-Key: KEY</c> or <c>Authorization: Bearer KEY</c>, compared in constant time, never logged.
/// </summary>
public sealed class ApiKey
{
    private readonly byte[] _key;

    private ApiKey(string key)
    {
        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Reads the key from the first line of a file; refuses a missing file or a key shorter than 16 characters.</summary>
    public static ApiKey FromFile(string path) => new(ReadFile(path));

    /// <summary>The key on the first line of a file, for a server or a client of one; never echoed in errors.</summary>
    public static string ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"--api-key-file '{path}' does not exist");
        }

        var key = File.ReadLines(path).FirstOrDefault()?.Trim() ?? string.Empty;
        return key.Length >= 16
            ? key
            : throw new BadInputException($"--api-key-file '{path}' must hold a key of at least 16 characters on its first line");
    }

    /// <summary>True when the request carries the key.</summary>
    public bool IsPresentIn(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers["X-Api-Key"].ToString();
        if (string.IsNullOrEmpty(given))
        {
            var authorization = request.Headers.Authorization.ToString();
            given = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : string.Empty;
        }

        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key);
    }

    /// <summary>Middleware answering 401 problem details to requests without the key.</summary>
    public RequestDelegate Require(RequestDelegate next) => async context =>
    {
        if (IsPresentIn(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "An API key is required.",
            detail: "Send the key as 'X-Api-Key: KEY' or 'Authorization: Bearer KEY'.").ExecuteAsync(context).ConfigureAwait(false);
    };
}
