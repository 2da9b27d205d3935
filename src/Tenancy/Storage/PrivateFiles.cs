namespace Saas.Tenancy.Storage;

/// <summary>
/// The embedded mode's files hold every company's data, password hashes, the demo password and signing keys: only
/// the account that runs the service may read them (files 0600, directories 0700), whatever the process umask.
/// Files are created with that mode before anyone writes to them; files left by older versions are tightened.
/// SQLite gives its -wal and -shm files the mode of the database file, so the database files cover those too.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }

        Tighten(path, DirectoryMode);
    }

    /// <summary>Creates <paramref name="path"/> empty (SQLite treats an empty file as a new database) or tightens it.</summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = System.IO.FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = FileMode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            Tighten(path, FileMode);
        }
    }

    /// <summary>Writes a new file that only this account can read; an existing one is replaced.</summary>
    public static void WriteAllText(string path, string text)
    {
        if (!OperatingSystem.IsWindows())
        {
            EnsureFile(path);
        }

        File.WriteAllText(path, text);
    }

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var current = File.GetUnixFileMode(path);
        if ((current & ~mode) != 0)
        {
            File.SetUnixFileMode(path, current & mode);
        }
    }
}
