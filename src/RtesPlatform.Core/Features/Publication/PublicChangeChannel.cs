namespace RtesPlatform.Core.Features.Publication;

/// <summary>
/// The PostgreSQL notification channel that tells every web instance that something the public
/// pages show has changed (migration <c>PublicChangeNotify</c>: statement-level triggers on the
/// public tables). NOTIFY is transactional: listeners hear it when the writing transaction commits,
/// never for a rolled-back change. The payload is the changed table's name (for logs).
/// </summary>
public static class PublicChangeChannel
{
    public const string Name = "rtes_public_changed";
}
