namespace Polytraders.Integration.Tests.Postgres;

// No server needed, so outside the Postgres collection.
public sealed class PostgresBinariesTests
{
    [Fact]
    public void missing_server_binaries_fail_with_the_install_command()
    {
        var empty = Directory.CreateTempSubdirectory("polytraders-no-pg-").FullName;
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Locate(empty));

            Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void the_highest_installed_major_version_is_chosen()
    {
        var root = Directory.CreateTempSubdirectory("polytraders-fake-pg-").FullName;
        try
        {
            foreach (var major in new[] { "13", "15", "not-a-version" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root, major, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "initdb"), "");
                File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
            }

            Assert.Equal(Path.Combine(root, "15", "bin"), PostgresBinaries.Locate(root).BinDirectory);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
