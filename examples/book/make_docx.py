"""Write appendix/documents.docx: a Word appendix with footnotes and endnotes.

The file is built by hand from WordprocessingML with the standard library
(zipfile), with fixed timestamps, so that running this script again gives the
same bytes. Run it from this folder: ``python make_docx.py``.

The notes cite real documents: the Stalin-Gottwald telegram (RGASPI, as given
in the NKIDP e-Dossier no. 1, 2008), the Security Council's resolution 82, a
State Department decimal file (FRUS), a Foreign Office file as the Australian
documents edition cites it ("[PRO : FO371/68041]", Documents on Australian
Foreign Policy, vol. 16), and AVPRF and RGASPI files from the Wilson Center
Digital Archive's source lines.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Body paragraphs: text, then the kind and number of the note it ends with.
BODY: list[tuple[str, str, int]] = [
    ("Document 1. Stalin to Gottwald, 27 August 1950.", "footnote", 1),
    ("Document 2. Security Council resolution of 25 June 1950.", "footnote", 2),
    ("Document 3. Telegram from Seoul, 25 June 1950.", "footnote", 3),
    ("Document 4. Extract, the same telegram.", "footnote", 4),
    ("Document 5. Foreign Office minute on Korea, 1948.", "footnote", 5),
    ("Note on the Soviet Foreign Ministry's files.", "endnote", 1),
    ("Note on Stalin's personal fond.", "endnote", 2),
]

FOOTNOTES = [
    "RGASPI, f. 558, op. 11, d. 62, ll. 71-72.",
    "S/RES/82 (1950) of 25 June 1950.",
    "National Archives, RG 59, Central Files, 795.00/6-2550.",
    "Ibid.",
    "PRO : FO371/68041.",
]

ENDNOTES = [
    "AVPRF, Fond 059a, Opis 5a, Delo 4, Papka 11, Listy 159-160.",
    "RGASPI 558.11.492.57.",
]

#: The content type of a WordprocessingML part, by the part's name.
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="{WML}.footnotes+xml"/>
<Override PartName="/word/endnotes.xml" ContentType="{WML}.endnotes+xml"/>
</Types>
"""

ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/>
</Relationships>
"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{R}/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId2" Type="{R}/endnotes" Target="endnotes.xml"/>
</Relationships>
"""


def run(text: str) -> str:
    """A run of plain text."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def document() -> str:
    """word/document.xml: a heading and one paragraph per document."""
    paragraphs = [f"<w:p>{run('Appendix. Documents')}</w:p>"]
    for text, kind, number in BODY:
        reference = (
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:{kind}Reference w:id="{number}"/></w:r>'
        )
        paragraphs.append(f"<w:p>{run(text)}{reference}</w:p>")
    body = "".join(paragraphs)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>\n'
    )


def notes(kind: str, texts: list[str]) -> str:
    """word/footnotes.xml or word/endnotes.xml, with Word's two separators."""
    parts = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    for number, text in enumerate(texts, start=1):
        mark = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
        parts.append(f'<w:{kind} w:id="{number}"><w:p>{mark}{run(" " + text)}</w:p></w:{kind}>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{kind}s xmlns:w="{W}">{"".join(parts)}</w:{kind}s>\n'
    )


def write(path: Path) -> None:
    """Write the .docx, each part with the same fixed date, in a fixed order."""
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", document()),
        ("word/footnotes.xml", notes("footnote", FOOTNOTES)),
        ("word/endnotes.xml", notes("endnote", ENDNOTES)),
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    write(Path(__file__).resolve().parent / "appendix" / "documents.docx")
