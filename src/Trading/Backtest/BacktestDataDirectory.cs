namespace Polytraders.Trading.Backtest;

/// <summary>
/// Where Backtest data sets live: <c>Backtest:DataDirectory</c> when configured (relative to the working directory),
/// else a <c>backtest</c> folder beside the binaries, else the repository's <c>fixtures/backtest</c> found by walking up
/// from the binaries or the working directory (so <c>dotnet run</c> and the tests find the shipped data set).
/// </summary>
public static class BacktestDataDirectory
{
    public const string Key = "Backtest:DataDirectory";

    /// <param name="configured">The value of <see cref="Key"/>, when the host has one.</param>
    public static string Resolve(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return Path.GetFullPath(configured);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "backtest");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "fixtures", "backtest");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return beside;
    }
}
