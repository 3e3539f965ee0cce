using Polytraders.Gateway;
using Polytraders.Silo.Hosting;

namespace Polytraders.Silo;

/// <summary>The silo process: Orleans, the co-hosted gateway and the replay, configured from appsettings + environment.</summary>
public static class SiloHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering();
            EmbeddedSilo.Configure(silo, builder.Configuration);
        });
        builder.Services.AddHostedService<ReplayService>();
        builder.Services.AddPolytradersGateway(builder.Configuration);
        var app = builder.Build();
        app.MapPolytradersGateway();
        _ = storage;
        return app;
    }
}
