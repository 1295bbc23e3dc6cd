namespace RtesPlatform.Web.Infrastructure.Resilience;

/// <summary>
/// The French page of a 503 while the database is unreachable: static HTML (no layout, no
/// Razor, nothing that could read the database), with the site's stylesheet.
/// </summary>
public static class UnavailablePage
{
    public const string Html = """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="robots" content="noindex" />
            <title>Service momentanément indisponible — Réseau RTES</title>
            <link rel="stylesheet" href="/css/site.css" />
        </head>
        <body>
            <main id="contenu">
                <h1>Service momentanément indisponible</h1>
                <p>Le site ne peut pas joindre sa base de données pour le moment : il s'agit en général d'une interruption de quelques secondes (maintenance ou redémarrage).</p>
                <p>Vos données enregistrées ne sont pas perdues. Si vous étiez en train d'enregistrer un formulaire, vérifiez après le retour du service s'il a bien été pris en compte, puis réessayez.</p>
                <p>Réessayez dans quelques instants ou revenez à la <a href="/">page d'accueil</a>.</p>
            </main>
        </body>
        </html>
        """;
}
