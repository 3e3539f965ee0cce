using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Polytraders.Integration.Tests.Postgres;

internal static class TestLogging
{
    public static ILogger<T> For<T>(ITestOutputHelper output) =>
        LoggerFactory.Create(logging => logging.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Debug))
            .CreateLogger<T>();
}
