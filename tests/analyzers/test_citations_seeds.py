"""Every citation of the three seed documents, found and resolved (tests/data/seeds, cut from /work/shared/seeds).

000: an article of the Code de commerce as HTML (its visible text is read, as an indexer would);
002: the first hunks of a diff page of the Code de commerce (decree 2021-1887), a reviewed expectation;
003: a page of the Code de commerce in force on 16 April 2024.
"""

from __future__ import annotations

import html
import json
import re

from analyzers.citations import CODE_ARTICLE, OTHER_TEXT, find_citations

COMMERCE = "Code de commerce"


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _summary(citations):
    return [(c.text, c.kind, c.code, c.articles, c.detail, c.following) for c in citations]


def test_seed_000_article_l611_7_of_the_code_de_commerce(data_dir):
    raw = (data_dir / "seeds" / "000_f718a835883d106a.txt").read_text(encoding="utf-8")
    body = _visible_text(raw.split("\n", 1)[1])  # the first line is the page title "# Article L611-7"
    assert _summary(find_citations(body, code=COMMERCE)) == [
        (
            "cinquième alinéa de l'article L. 611-6",
            CODE_ARTICLE,
            COMMERCE,
            ("L611-6",),
            "cinquième alinéa",
            False,
        ),
        (
            "articles L. 5422-1 et suivants du code du travail",
            CODE_ARTICLE,
            "Code du travail",
            ("L5422-1",),
            None,
            True,
        ),
        ("article L. 626-6 du présent code", CODE_ARTICLE, COMMERCE, ("L626-6",), None, False),
        ("article 1343-5 du code civil", CODE_ARTICLE, "Code civil", ("1343-5",), None, False),
    ]


def test_seed_000_agrees_with_its_own_links(data_dir):
    """The seed's Légifrance link (title="Code civil - art. 1343-5") and its site links (…/l611-6.md)."""
    raw = (data_dir / "seeds" / "000_f718a835883d106a.txt").read_text(encoding="utf-8")
    linked = set(re.findall(r"/(l\d+-\d+)\.md", raw))
    found = {n.lower() for c in find_citations(_visible_text(raw), code=COMMERCE) for n in c.articles}
    assert linked == {"l611-6", "l5422-1", "l626-6"} and linked <= found
    assert "1343-5" in found


def test_seed_003_code_de_commerce_page(data_dir):
    text = (data_dir / "seeds" / "003_7aaf227122f78b72.txt").read_text(encoding="utf-8")
    assert _summary(find_citations(text, code=COMMERCE)) == [
        ("article L. 611-14", CODE_ARTICLE, COMMERCE, ("L611-14",), None, False),
        ("article R. 611-18", CODE_ARTICLE, COMMERCE, ("R611-18",), None, False),
        ("article R. 611-22", CODE_ARTICLE, COMMERCE, ("R611-22",), None, False),
        (
            "articles 714 à 718 du code de procédure civile",
            CODE_ARTICLE,
            "Code de procédure civile",
            ("714", "718"),
            None,
            False,
        ),
        ("article R. 611-50", CODE_ARTICLE, COMMERCE, ("R611-50",), None, False),
        ("article R. 611-47", CODE_ARTICLE, COMMERCE, ("R611-47",), None, False),
    ]


def test_seed_002_diff_page_every_reference(data_dir):
    text = (data_dir / "seeds" / "002_096ace4a273e652b.cut.txt").read_text(encoding="utf-8")
    expected = json.loads((data_dir / "citations" / "seed_002_expected.json").read_text(encoding="utf-8"))
    found = [
        {
            "start": c.start,
            "text": c.text,
            "kind": c.kind,
            "code": c.code,
            "articles": list(c.articles),
            "detail": c.detail,
            "other_text": c.other_text,
            "excluded": c.excluded,
        }
        for c in find_citations(text, code=COMMERCE)
    ]
    assert found == expected


def test_seed_002_samples_read_as_a_lawyer_would(data_dir):
    """Spot checks of the reviewed expectation, written out so that a regression reads plainly."""
    text = (data_dir / "seeds" / "002_096ace4a273e652b.cut.txt").read_text(encoding="utf-8")
    by_text = {c.text: c for c in find_citations(text, code=COMMERCE)}
    assert by_text["Décret n° 2021-1887 du 29 décembre 2021"].kind == OTHER_TEXT
    assert by_text["article L. 217-2 du code de la consommation"].code == "Code de la consommation"
    assert by_text["Articles L. 490-10 à L. 490-12"].ranges == (("L490-10", "L490-12"),)
    excluded = by_text["articles L. 622-19 et L. 625-9"]
    assert excluded.excluded and excluded.articles == ("L622-19", "L625-9")
    part = by_text["dernière phrase du premier alinéa de l'article L. 621-4"]
    assert (part.articles, part.detail) == (("L621-4",), "dernière phrase du premier alinéa")
    assert (
        len(
            by_text[
                "articles L. 620-1, L. 621-3, L. 622-7, L. 622-8, L. 622-10, L. 622-17, L. 622-21, "
                "L. 622-25, L. 622-26, L. 622-33, L. 622-34, L. 624-2, L. 624-3-1, L. 624-21, L. 626-2, "
                "L. 626-2-1, L. 626-10, L. 626-18, L. 626-20, L. 626-22, L. 626-26, L. 626-29, L. 626-30, "
                "L. 626-30-1, L. 626-30-2, L. 626-31, L. 626-31-1, L. 626-32, L. 626-33, L. 626-34, "
                "L. 628-1, L. 628-2, L. 628-3, L. 628-4, L. 628-5, L. 628-6, L. 628-7 et L. 628-8"
            ].articles
        )
        == 38
    )
