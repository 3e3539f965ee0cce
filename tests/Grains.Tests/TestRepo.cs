namespace Polytraders.Grains.Tests;

/// <summary>The repository the tests run from, for its fixtures.</summary>
internal static class TestRepo
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "fixtures", "backtest")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("fixtures/backtest not found above " + AppContext.BaseDirectory);
    }
}
