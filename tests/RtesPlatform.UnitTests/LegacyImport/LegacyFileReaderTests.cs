using System.Text;
using RtesPlatform.Core.Features.LegacyImport;

namespace RtesPlatform.UnitTests.LegacyImport;

public sealed class LegacyFileReaderTests
{
    private const string Fiche = """
        Communauté de communes des Écluses

        Budget / Moyens affectés à l’ESS

        Le budget ESS 2022 s’élève à 150 000 € pour le fonctionnement.

        Contact public

        Élue représentante : Hélène Ébrard
        Chargée de mission ESS : Zoé Œillet
        """;

    private static readonly Encoding _windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void ReadAllText_Utf8WithoutBom_GivesTheText()
    {
        LegacyFileReader.ReadAllText(Encoding.UTF8.GetBytes(Fiche)).ShouldBe(Fiche);
    }

    [Fact]
    public void ReadAllText_Utf8WithBom_DropsTheBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Fiche)).ToArray();

        LegacyFileReader.ReadAllText(bytes).ShouldBe(Fiche);
    }

    [Fact]
    public void Open_Utf16WithBom_ReadsItAsUtf16()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Fiche)).ToArray();

        using var text = LegacyFileReader.Open(new MemoryStream(bytes));

        text.EncodingName.ShouldBe("UTF-16");
        text.Reader.ReadToEnd().ShouldBe(Fiche);
    }

    [Fact]
    public void Open_Windows1252Bytes_DecodesAccentsApostrophesAndEuro()
    {
        using var text = LegacyFileReader.Open(new MemoryStream(_windows1252.GetBytes(Fiche)));

        text.EncodingName.ShouldBe("Windows-1252");
        var fiche = LegacyFicheParser.Parse(text.Reader).Fiches.ShouldHaveSingleItem();
        fiche.SourceName.ShouldBe("Communauté de communes des Écluses");
        fiche.Content.Budget.Lines.ShouldHaveSingleItem().Amount.ShouldBe(150_000m);
        fiche.Content.Budget.Narrative.ShouldBe("Le budget ESS 2022 s’élève à 150 000 € pour le fonctionnement.");
        fiche.Content.Contacts.Select(c => c.Name).ShouldBe(["Hélène Ébrard", "Zoé Œillet"]);
    }

    [Fact]
    public void Open_GrandEstExportInWindows1252_ParsesLikeTheUtf8Original()
    {
        var utf8 = LegacySamples.Text(LegacySamples.GrandEst);

        var decoded = LegacyFileReader.ReadAllText(_windows1252.GetBytes(utf8));

        decoded.ShouldBe(utf8);
    }

    [Fact]
    public void Open_PngImage_FailsAsBinary()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

        var error = Should.Throw<LegacyImportException>(() => LegacyFileReader.Open(new MemoryStream(png)));

        error.Message.ShouldStartWith("Le fichier est binaire");
    }

    [Fact]
    public void Open_ControlCharactersWithoutNul_FailsAsBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 : 'a')).ToArray();

        Should.Throw<LegacyImportException>(() => LegacyFileReader.Open(new MemoryStream(bytes)))
            .Message.ShouldStartWith("Le fichier est binaire");
    }

    [Theory]
    [InlineData(new byte[0], "Le fichier est vide.")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "Le fichier est vide.")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A }, "Le fichier ne contient que des espaces ou des lignes vides.")]
    public void Open_NoText_FailsWithAClearError(byte[] bytes, string message)
    {
        Should.Throw<LegacyImportException>(() => LegacyFileReader.Open(new MemoryStream(bytes))).Message.ShouldBe(message);
    }

    [Fact]
    public void Open_NonSeekableStream_IsBufferedAndRead()
    {
        using var pipe = new NonSeekableStream(Encoding.UTF8.GetBytes(Fiche));

        using var text = LegacyFileReader.Open(pipe);

        text.Reader.ReadToEnd().ShouldBe(Fiche);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
