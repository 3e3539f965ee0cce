using System.Text;

namespace Polytraders.Polymarket.Keystore;

/// <summary>
/// Writes secret-bearing files (encrypted, but there is no reason to share them) readable by their owner only from the
/// moment they exist: written whole to a temporary file beside the target, then moved into place, so a crash never
/// leaves a half-written keystore behind.
/// </summary>
internal static class OwnerOnlyFile
{
    public static void Write(string path, string text, bool overwrite)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            {
                writer.Write(text);
            }

            File.Move(temporary, full, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
