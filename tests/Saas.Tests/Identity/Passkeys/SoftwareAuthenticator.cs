using System.Buffers.Binary;
using System.Buffers.Text;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Saas.Tests.Identity.Passkeys;

/// <summary>
/// A WebAuthn authenticator in software, written from the W3C WebAuthn Level 3 specification (§6.1 authenticator data,
/// §6.5.1 attested credential data, "none" attestation, §6.3.3 assertion signature) rather than with the product's
/// library, so the tests check the product against the standard. One P-256 key per credential, user verification
/// always performed, a signature counter that goes up by one per assertion.
/// </summary>
public sealed class SoftwareAuthenticator(string origin)
{
    private readonly Dictionary<string, (ECDsa Key, string UserHandle, string RpId)> credentials = [];

    public uint Counter { get; set; }

    /// <summary>The browser's JSON (RegistrationResponseJSON) for creation options the server sent.</summary>
    public string Create(string creationOptionsJson, out string credentialId)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        var userHandle = options["user"]!["id"]!.GetValue<string>();
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = RandomNumberGenerator.GetBytes(32);
        credentialId = Base64Url.EncodeToString(id);
        credentials[credentialId] = (key, userHandle, rpId);

        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());
        var parameters = key.ExportParameters(includePrivateParameters: false);
        var coseKey = new CborWriter();
        coseKey.WriteStartMap(5);
        coseKey.WriteInt32(1); coseKey.WriteInt32(2);    // kty: EC2
        coseKey.WriteInt32(3); coseKey.WriteInt32(-7);   // alg: ES256
        coseKey.WriteInt32(-1); coseKey.WriteInt32(1);   // crv: P-256
        coseKey.WriteInt32(-2); coseKey.WriteByteString(parameters.Q.X!);
        coseKey.WriteInt32(-3); coseKey.WriteByteString(parameters.Q.Y!);
        coseKey.WriteEndMap();

        var attested = new List<byte>();
        attested.AddRange(new byte[16]); // AAGUID: none
        attested.AddRange([(byte)(id.Length >> 8), (byte)id.Length]);
        attested.AddRange(id);
        attested.AddRange(coseKey.Encode());
        var authenticatorData = AuthenticatorData(rpId, flags: 0x01 | 0x04 | 0x40, [.. attested]);

        var attestation = new CborWriter();
        attestation.WriteStartMap(3);
        attestation.WriteTextString("fmt"); attestation.WriteTextString("none");
        attestation.WriteTextString("attStmt"); attestation.WriteStartMap(0); attestation.WriteEndMap();
        attestation.WriteTextString("authData"); attestation.WriteByteString(authenticatorData);
        attestation.WriteEndMap();

        return JsonSerializer.Serialize(new
        {
            id = credentialId,
            rawId = credentialId,
            type = "public-key",
            authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                attestationObject = Base64Url.EncodeToString(attestation.Encode()),
                transports = new[] { "internal" },
            },
        });
    }

    /// <summary>The browser's JSON (AuthenticationResponseJSON) for request options, signed with the credential named.</summary>
    public string Get(string requestOptionsJson, string credentialId, string? originOverride = null)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var (key, userHandle, rpId) = credentials[credentialId];
        Counter++;
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), originOverride);
        var authenticatorData = AuthenticatorData(rpId, flags: 0x01 | 0x04, []);
        var signed = authenticatorData.Concat(SHA256.HashData(clientData)).ToArray();
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        return JsonSerializer.Serialize(new
        {
            id = credentialId,
            rawId = credentialId,
            type = "public-key",
            authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = Base64Url.EncodeToString(clientData),
                authenticatorData = Base64Url.EncodeToString(authenticatorData),
                signature = Base64Url.EncodeToString(signature),
                userHandle,
            },
        });
    }

    private byte[] ClientData(string type, string challenge, string? originOverride = null) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type, challenge, origin = originOverride ?? origin, crossOrigin = false }));

    private byte[] AuthenticatorData(string rpId, byte flags, byte[] attestedCredentialData)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, Counter);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, .. counter, .. attestedCredentialData];
    }
}
