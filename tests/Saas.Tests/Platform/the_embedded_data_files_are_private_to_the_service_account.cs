using Saas.Tests.Hosting;

namespace Saas.Tests.Platform;

/// <summary>
/// Issue 9: <c>catalog.db</c>, <c>data.db</c> and <c>demo-password.txt</c> were created world-readable (0644). The
/// embedded mode's files are 0600 and its directories 0700, whatever the umask; files of older versions are tightened.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class the_embedded_data_files_are_private_to_the_service_account
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = Private | UnixFileMode.UserExecute;

    [Fact]
    public async Task a_fresh_data_directory_holds_only_private_files()
    {
        await using var app = new SaasFactory();
        app.Settings["Demo:Password"] = null; // the generated demo password is written to demo-password.txt
        using var client = app.CreateClient();
        Assert.True((await client.GetAsync("/health/ready")).IsSuccessStatusCode);
        // Data-protection keys are written when a cookie or antiforgery token is first protected.
        await client.GetAsync("/account/antiforgery");

        Assert.Equal(PrivateDirectory, File.GetUnixFileMode(app.DataDirectory) & ~UnixFileMode.None);
        foreach (var file in new[] { "catalog.db", "data.db", "demo-password.txt" })
        {
            var path = Path.Combine(app.DataDirectory, file);
            Assert.True(File.Exists(path), $"{file} was not created");
            Assert.Equal(Private, File.GetUnixFileMode(path));
        }

        foreach (var directory in Directory.EnumerateDirectories(app.DataDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(directory) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)) == 0, directory);
        }

        var everyFile = Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        // Data-protection and token keys are in the catalog database (ADR 011); the certificate that encrypts them is a file.
        Assert.Contains(everyFile, f => f.Contains(Path.Combine("keys", ""), StringComparison.Ordinal));
        Assert.All(everyFile, f => Assert.True(
            (File.GetUnixFileMode(f) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0,
            $"{f} is {File.GetUnixFileMode(f)}"));
    }

    [Fact]
    public void files_left_readable_by_an_older_version_are_tightened()
    {
        var directory = Directory.CreateTempSubdirectory("saas-private-").FullName;
        try
        {
            var file = Path.Combine(directory, "catalog.db");
            File.WriteAllText(file, "");
            File.SetUnixFileMode(file, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(directory, PrivateDirectory | UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

            Saas.Tenancy.Storage.PrivateFiles.EnsureDirectory(directory);
            Saas.Tenancy.Storage.PrivateFiles.EnsureFile(file);

            Assert.Equal(Private, File.GetUnixFileMode(file));
            Assert.Equal(PrivateDirectory, File.GetUnixFileMode(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
