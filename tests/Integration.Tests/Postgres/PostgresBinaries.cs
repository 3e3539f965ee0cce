namespace Polytraders.Integration.Tests.Postgres;

/// <summary>The PostgreSQL server tools the fixture needs, from Debian's layout /usr/lib/postgresql/&lt;major&gt;/bin.</summary>
internal sealed record PostgresBinaries(string BinDirectory)
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");

    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Highest installed major version; fails (never skips) when none is installed.</summary>
    public static PostgresBinaries Locate(string searchRoot = DebianRoot)
    {
        var candidates = Directory.Exists(searchRoot)
            ? Directory.GetDirectories(searchRoot)
                .Select(dir => (Dir: dir, Major: int.TryParse(Path.GetFileName(dir), out var major) ? major : -1))
                .Where(c => c.Major > 0)
                .Select(c => (c.Major, Bin: Path.Combine(c.Dir, "bin")))
                .Where(c => File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];

        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL server binaries (initdb, pg_ctl) were not found under {searchRoot}/*/bin. " +
                "The Postgres integration tests need a real server: apt-get install -y postgresql");
        }

        return new PostgresBinaries(candidates[0].Bin);
    }
}
