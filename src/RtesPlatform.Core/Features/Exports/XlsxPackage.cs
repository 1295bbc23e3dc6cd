using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RtesPlatform.Core.Features.Exports;

/// <summary>
/// The fixed parts of an XLSX file around its sheets: workbook, styles, relationships, content
/// types, core properties. The OpenXML SDK's own packaging (System.IO.Packaging) keeps every part
/// in memory until the package is closed, so <see cref="XlsxWriter"/> writes the zip entries itself
/// (streamed, one at a time) and the SDK only writes their XML.
/// </summary>
internal static class XlsxPackage
{
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Cell style indices (<c>s</c>) of <see cref="Styles"/>.</summary>
    public const uint General = 0, Header = 1, WholeStyle = 2, YearStyle = 3, DecimalStyle = 4, DateStyle = 5, Wrapped = 6, Title = 7;

    private static readonly DateTimeOffset _zipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Stream OpenEntry(ZipArchive zip, string name, DateTimeOffset generatedAt)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        // Same data, same bytes: the entries carry the generation date (zip dates run from 1980 to 2107).
        entry.LastWriteTime = generatedAt.Year is >= 1980 and <= 2107 ? generatedAt : _zipEpoch;
        return entry.Open();
    }

    public static void WriteParts(ZipArchive zip, IReadOnlyList<string> sheetNames, string title, DateTimeOffset generatedAt)
    {
        WriteOpenXml(zip, "xl/workbook.xml", generatedAt, new Workbook(
            new BookViews(new WorkbookView()),
            new Sheets(sheetNames.Select((name, i) => new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }))));
        WriteOpenXml(zip, "xl/styles.xml", generatedAt, Styles());
        WriteXml(zip, "xl/_rels/workbook.xml.rels", generatedAt, xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            for (var i = 0; i < sheetNames.Count; i++)
            {
                Relationship(xml, $"rId{i + 1}", DocumentRelationships + "/worksheet", $"worksheets/sheet{i + 1}.xml");
            }

            Relationship(xml, $"rId{sheetNames.Count + 1}", DocumentRelationships + "/styles", "styles.xml");
            xml.WriteEndElement();
        });
        WriteXml(zip, "_rels/.rels", generatedAt, xml =>
        {
            xml.WriteStartElement("Relationships", PackageRelationships);
            Relationship(xml, "rId1", DocumentRelationships + "/officeDocument", "xl/workbook.xml");
            Relationship(xml, "rId2", PackageRelationships + "/metadata/core-properties", "docProps/core.xml");
            xml.WriteEndElement();
        });
        WriteXml(zip, "docProps/core.xml", generatedAt, xml =>
        {
            const string Dc = "http://purl.org/dc/elements/1.1/", Terms = "http://purl.org/dc/terms/";
            xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            xml.WriteAttributeString("xmlns", "dcterms", null, Terms);
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteElementString("dc", "title", Dc, XlsxText.Clean(title));
            xml.WriteElementString("dc", "creator", Dc, "RTES");
            xml.WriteStartElement("dcterms", "created", Terms);
            xml.WriteAttributeString("xsi", "type", "http://www.w3.org/2001/XMLSchema-instance", "dcterms:W3CDTF");
            xml.WriteString(generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
        WriteXml(zip, "[Content_Types].xml", generatedAt, xml =>
        {
            const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";
            const string Sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
            xml.WriteStartElement("Types", Types);
            Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Default(xml, "xml", "application/xml");
            Override(xml, "/xl/workbook.xml", Sheet + "sheet.main+xml");
            Override(xml, "/xl/styles.xml", Sheet + "styles+xml");
            for (var i = 0; i < sheetNames.Count; i++)
            {
                Override(xml, $"/xl/worksheets/sheet{i + 1}.xml", Sheet + "worksheet+xml");
            }

            Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
            xml.WriteEndElement();

            static void Default(XmlWriter xml, string extension, string type)
            {
                xml.WriteStartElement("Default");
                xml.WriteAttributeString("Extension", extension);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }

            static void Override(XmlWriter xml, string part, string type)
            {
                xml.WriteStartElement("Override");
                xml.WriteAttributeString("PartName", part);
                xml.WriteAttributeString("ContentType", type);
                xml.WriteEndElement();
            }
        });
    }

    /// <summary>
    /// Number formats Excel localises: built-in 3 "#,##0" (French Excel shows "185 015"), 1 "0" for
    /// years, 4 "#,##0.00" ("0,87"), and a custom ISO date and time.
    /// </summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, 0),
            Format(0, 1),
            Format(3, 0),
            Format(1, 0),
            Format(4, 0),
            Format(164, 0),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true,
            },
            Format(0, 2)) { Count = 8 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormat, uint font) => new()
    {
        NumberFormatId = numberFormat,
        FontId = font,
        FillId = 0,
        BorderId = 0,
        FormatId = 0,
        ApplyNumberFormat = numberFormat != 0 ? true : null,
        ApplyFont = font != 0 ? true : null,
    };

    private static void WriteOpenXml(ZipArchive zip, string name, DateTimeOffset generatedAt, OpenXmlElement root)
    {
        using var stream = OpenEntry(zip, name, generatedAt);
        using var writer = OpenXmlWriter.Create(stream);
        writer.WriteStartDocument(standalone: true);
        writer.WriteElement(root);
        writer.Close();
    }

    private static void WriteXml(ZipArchive zip, string name, DateTimeOffset generatedAt, Action<XmlWriter> write)
    {
        using var stream = OpenEntry(zip, name, generatedAt);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void Relationship(XmlWriter xml, string id, string type, string target)
    {
        xml.WriteStartElement("Relationship", PackageRelationships);
        xml.WriteAttributeString("Id", id);
        xml.WriteAttributeString("Type", type);
        xml.WriteAttributeString("Target", target);
        xml.WriteEndElement();
    }
}
