using System.Net;
using System.Net.Sockets;

namespace Polytraders.Integration.Tests.Postgres;

internal static class FreePort
{
    /// <summary>A loopback port the OS just handed out; callers retry if someone else grabs it first.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
