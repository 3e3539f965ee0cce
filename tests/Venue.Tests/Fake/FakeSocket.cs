using System.Net.WebSockets;
using System.Text;

namespace Polytraders.Venue.Tests.Fake;

/// <summary>A server-side websocket with serialized sends.</summary>
public sealed class FakeSocket(WebSocket socket, string? apiKey = null)
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public string? ApiKey { get; } = apiKey;

    public async Task SendAsync(string text, CancellationToken cancellationToken = default)
    {
        await _send.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort() => socket.Abort();

    /// <summary>The next text message, or null when the socket closed.</summary>
    public static async Task<string?> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
