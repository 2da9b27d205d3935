using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Saas.Identity;
using Saas.Tenancy.Storage;

namespace Saas.Web.Auth;

/// <summary>
/// The certificate that encrypts ASP.NET data-protection keys at rest (in the database), and through them the
/// token keys. <c>Identity:KeyProtectionCertificatePem</c> (certificate and private key, PEM) in server mode,
/// the same on every node; without it one is created once in the data directory, readable by its owner only,
/// which is enough for the single embedded process and is logged as a warning in server mode.
/// </summary>
public static class KeyProtection
{
    public const string FileName = "key-protection.pem";

    public static X509Certificate2 Certificate(IdentitySettings settings, DatabaseOptions database, out string? warning)
    {
        warning = null;
        if (!string.IsNullOrWhiteSpace(settings.KeyProtectionCertificatePem))
        {
            return X509Certificate2.CreateFromPem(settings.KeyProtectionCertificatePem, settings.KeyProtectionCertificatePem);
        }

        var directory = Path.Combine(Path.GetFullPath(database.DataDirectory), "keys");
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            warning = $"Identity:KeyProtectionCertificatePem is not set: using a certificate under {directory}; every node must have the same one or they cannot read each other's keys";
        }

        var pem = LoadOrCreate(Path.Combine(directory, FileName));
        return X509Certificate2.CreateFromPem(pem, pem);
    }

    private static string LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Trade SaaS key protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        var pem = certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem() + "\n";
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(pem);
        }

        try
        {
            // No overwrite: when two processes start together, the first file written wins and both use it.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path);
    }
}
