using Orleans.Configuration;
using Polytraders.Gateway;
using Polytraders.Gateway.Telemetry;

// Standalone gateway: an Orleans client of a running cluster. A silo can co-host the same gateway instead
// (AddPolytradersGateway + MapPolytradersGateway on its own WebApplication).
var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultUrlsUnlessConfigured("http://127.0.0.1:5090");
var cluster = builder.Configuration.GetSection("Cluster");

builder.UseOrleansClient(client =>
{
    var clustering = cluster["Clustering"] ?? "Localhost";
    var serviceId = cluster["ServiceId"];
    var clusterId = cluster["ClusterId"];
    switch (clustering.ToUpperInvariant())
    {
        case "LOCALHOST":
            client.UseLocalhostClustering(
                gatewayPort: cluster.GetValue("GatewayPort", 30000),
                serviceId: serviceId ?? "dev",
                clusterId: clusterId ?? "dev");
            break;
        case "ADONET":
            var connectionString = cluster["ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Cluster:Clustering=AdoNet needs Cluster:ConnectionString (a PostgreSQL connection string).");
            }

            client.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = serviceId ?? "polytraders";
                options.ClusterId = clusterId ?? "polytraders";
            });
            client.UseAdoNetClustering(options =>
            {
                options.Invariant = cluster["Invariant"] ?? "Npgsql";
                options.ConnectionString = connectionString;
            });
            break;
        default:
            throw new InvalidOperationException($"Cluster:Clustering '{clustering}' is not Localhost or AdoNet.");
    }

    client.AddPolytradersTelemetry(builder.Configuration);
});

builder.Services.AddPolytradersGateway(builder.Configuration);

var app = builder.Build();
app.MapPolytradersGateway();
await app.RunAsync();
