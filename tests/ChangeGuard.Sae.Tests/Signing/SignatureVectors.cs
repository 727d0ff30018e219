using System.Text;
using System.Text.Json;
using ChangeGuard.Sae.Signing;

namespace ChangeGuard.Sae.Tests.Signing;

/// <summary>The vectors captured from Alibaba's official client, as signer inputs and expected outputs.</summary>
public static class SignatureVectors
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "sae-signature-vectors.json"))));

    public sealed record Vector(
        string Id,
        AcsSigningRequest Request,
        string AccessKeyId,
        string AccessKeySecret,
        string ExpectedAuthorization,
        string? ExpectedCanonicalRequest,
        string BodyText);

    /// <summary>Every V3 vector, its minimal-header variant and the official documentation example.</summary>
    public static IEnumerable<Vector> All()
    {
        var root = Document.Value.RootElement;
        var doc = root.GetProperty("officialDocExample");
        var docInputs = doc.GetProperty("inputs");
        yield return new Vector(
            "official-doc-example",
            new AcsSigningRequest(
                docInputs.GetProperty("method").GetString()!,
                docInputs.GetProperty("path").GetString()!,
                Pairs(docInputs.GetProperty("query")),
                Pairs(docInputs.GetProperty("headers")),
                AcsV3Signer.HashPayload(Encoding.UTF8.GetBytes(docInputs.GetProperty("body").GetString()!))),
            docInputs.GetProperty("accessKeyId").GetString()!,
            docInputs.GetProperty("accessKeySecret").GetString()!,
            doc.GetProperty("officialUtilAuthorization").GetString()!,
            doc.GetProperty("independentCanonicalRequest").GetString(),
            string.Empty);

        foreach (var vector in root.GetProperty("v3Vectors").EnumerateArray())
        {
            var inputs = vector.GetProperty("inputs");
            var body = inputs.GetProperty("body").GetString() ?? string.Empty;
            var hash = AcsV3Signer.HashPayload(Encoding.UTF8.GetBytes(body));
            var query = Pairs(inputs.GetProperty("queryDecoded"));
            var id = vector.GetProperty("id").GetString()!;
            yield return new Vector(
                id,
                new AcsSigningRequest(inputs.GetProperty("method").GetString()!, inputs.GetProperty("path").GetString()!, query,
                    Pairs(inputs.GetProperty("headersThatAreSigned")), hash),
                inputs.GetProperty("accessKeyId").GetString()!,
                inputs.GetProperty("accessKeySecret").GetString()!,
                vector.GetProperty("expected").GetProperty("authorization").GetString()!,
                vector.GetProperty("intermediate").GetProperty("canonicalRequest").GetString(),
                body);

            if (vector.TryGetProperty("minimalHeaderVariant", out var minimal))
            {
                yield return new Vector(
                    id + "-minimal",
                    new AcsSigningRequest(inputs.GetProperty("method").GetString()!, inputs.GetProperty("path").GetString()!, query,
                        Pairs(minimal.GetProperty("headersThatAreSigned")), hash),
                    inputs.GetProperty("accessKeyId").GetString()!,
                    inputs.GetProperty("accessKeySecret").GetString()!,
                    minimal.GetProperty("authorization").GetString()!,
                    minimal.TryGetProperty("canonicalRequest", out var canonical) ? canonical.GetString() : null,
                    body);
            }
        }
    }

    public static Vector ById(string id) => All().Single(v => v.Id == id);

    public static JsonElement Raw(string id) =>
        Document.Value.RootElement.GetProperty("v3Vectors").EnumerateArray().Single(v => v.GetProperty("id").GetString() == id);

    private static IReadOnlyList<KeyValuePair<string, string>> Pairs(JsonElement element) =>
        element.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString() ?? string.Empty)).ToArray();
}
