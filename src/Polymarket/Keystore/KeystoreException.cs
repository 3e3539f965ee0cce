namespace Polytraders.Polymarket.Keystore;

/// <summary>A keystore file that cannot be read or opened. Messages never include key material or the password.</summary>
public sealed class KeystoreException : Exception
{
    public KeystoreException()
    {
    }

    public KeystoreException(string message)
        : base(message)
    {
    }

    public KeystoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
