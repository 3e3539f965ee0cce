using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Polytraders.Polymarket.Clob;

/// <summary>One (re)connection of a CLOB websocket: its number and, after the first, when the previous one was lost.</summary>
public sealed record SocketConnection(int Number, DateTimeOffset ConnectedAt, DateTimeOffset? LostAt)
{
    public bool IsReconnect => Number > 1;
}

/// <summary>
/// The connection loop both CLOB channels share: connect, send the subscription, send the text "PING" every
/// <see cref="ClobOptions.PingInterval"/> (the server answers "PONG"), drop a socket silent for
/// <see cref="ClobOptions.StaleConnectionTimeout"/>, and reconnect with exponential backoff and jitter, resubscribing.
/// The subscription text is sent but never logged (the user channel's carries the API secret).
/// </summary>
public abstract partial class ClobSocketClient
{
    private const string Ping = "PING";
    private const string Pong = "PONG";

    private readonly ILogger _logger;

    protected ClobSocketClient(ClobOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Options = options;
        Time = time;
        _logger = logger;
    }

    protected ClobOptions Options { get; }

    protected TimeProvider Time { get; }

    protected ILogger Logger => _logger;

    /// <summary>Connections opened so far.</summary>
    public int Connections { get; private set; }

    protected abstract string ChannelName { get; }

    protected abstract Uri Url { get; }

    /// <summary>The subscription sent first on every connection.</summary>
    protected abstract ValueTask<string> SubscriptionAsync(CancellationToken cancellationToken);

    /// <summary>After the subscription went out; a reconnect is where a gap is reported.</summary>
    protected abstract ValueTask OnConnectedAsync(SocketConnection connection, CancellationToken cancellationToken);

    /// <summary>One complete text message other than "PONG".</summary>
    protected abstract ValueTask OnMessageAsync(string text, CancellationToken cancellationToken);

    /// <summary>Runs until cancelled, reconnecting whenever the socket fails or closes.</summary>
    protected async Task RunConnectionLoopAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        DateTimeOffset? lostAt = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var socket = new ClientWebSocket();
                using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    connectTimeout.CancelAfter(Options.RequestTimeout);
                    await socket.ConnectAsync(Url, connectTimeout.Token).ConfigureAwait(false);
                }

                Connections++;
                var openedAt = Time.GetTimestamp();
                var connection = new SocketConnection(Connections, Time.GetUtcNow(), lostAt);
                using var sendLock = new SemaphoreSlim(1, 1);
                await SendAsync(socket, sendLock, await SubscriptionAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                LogConnected(ChannelName, connection.Number);
                await OnConnectedAsync(connection, cancellationToken).ConfigureAwait(false);
                lostAt = null;
                var why = await PumpAsync(socket, sendLock, cancellationToken).ConfigureAwait(false);
                LogLost(ChannelName, why);

                // Only a connection that stayed up resets the backoff: a venue refusing the subscription at once
                // (bad credentials) is retried ever more slowly instead of every second.
                if (Time.GetElapsedTime(openedAt) >= Options.StaleConnectionTimeout)
                {
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or OperationCanceledException)
            {
                LogLost(ChannelName, ex.GetType().Name);
            }

            lostAt ??= Time.GetUtcNow();
            failures++;
            var delay = Backoff(failures);
            LogReconnecting(ChannelName, failures, delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var exponential = Options.ReconnectInitialDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential < Options.ReconnectMaxDelay ? exponential : Options.ReconnectMaxDelay;
        return capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
    }

    /// <summary>Reads until the socket closes or goes stale; returns why it stopped.</summary>
    private async Task<string> PumpAsync(ClientWebSocket socket, SemaphoreSlim sendLock, CancellationToken cancellationToken)
    {
        var lastFrameAt = Time.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stale = false;
        var keepAlive = Task.Run(
            async () =>
            {
                using var timer = new PeriodicTimer(Options.PingInterval, Time);
                while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
                {
                    if (Time.GetElapsedTime(Interlocked.Read(ref lastFrameAt)) > Options.StaleConnectionTimeout)
                    {
                        stale = true;
                        socket.Abort();
                        return;
                    }

                    await SendAsync(socket, sendLock, Ping, stop.Token).ConfigureAwait(false);
                }
            },
            CancellationToken.None);

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (stale && ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
                {
                    return "stale";
                }

                Interlocked.Exchange(ref lastFrameAt, Time.GetTimestamp());
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"closed by the server ({socket.CloseStatus})";
                }

                message.Write(buffer.AsSpan(0, result.Count));
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    var text = Encoding.UTF8.GetString(message.WrittenSpan);
                    if (!string.Equals(text, Pong, StringComparison.Ordinal))
                    {
                        try
                        {
                            await OnMessageAsync(text, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // One bad frame must not end the feed; its text is not logged (it is venue data, but unbounded).
                            LogBadMessage(ChannelName, ex.GetType().Name);
                        }
                    }
                }

                message.ResetWrittenCount();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await keepAlive.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The keepalive ends with its socket.
            }
        }
    }

    private static async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendLock, string text, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB {Channel} channel connected (connection {Number})")]
    private partial void LogConnected(string channel, int number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB {Channel} channel lost: {Reason}")]
    private partial void LogLost(string channel, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CLOB {Channel} channel: a message could not be handled ({Error}); skipped")]
    private partial void LogBadMessage(string channel, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOB {Channel} channel reconnecting (failure {Failures}) in {DelayMs:0} ms")]
    private partial void LogReconnecting(string channel, int failures, double delayMs);
}
