"""Every citation of three whole documents, found and resolved: the shapes the project started from
(an article body in HTML with links, a Légifrance article page, a diff over several articles of one
amending text), with wording written for these tests.
"""

from __future__ import annotations

import html
import re

from analyzers.citations import CODE_ARTICLE, OTHER_TEXT, find_citations

COMMERCE = "Code de commerce"
CHAPTER = "/code-de-commerce/partie-legislative/livre-vi/titre-ier/chapitre-ier"
# An article file of a git export: HTML paragraphs, links to other article files and one Légifrance link.
ARTICLE_HTML = (
    "<p>Le conciliateur peut obtenir du débiteur les pièces mentionnées au quatrième alinéa de "
    f"<a href='{CHAPTER}/l611-3.md'>l'article L. 611-3</a>. Il en rend compte au président du tribunal.</p>"
    "<p>Les salariés de l'entreprise conservent le bénéfice des allocations prévues aux "
    "<a href='/code-du-travail/partie-legislative/cinquieme-partie/l5421-2.md'>articles L. 5421-2 et "
    "suivants du code du travail</a>.</p>"
    "<p>L'accord constaté est soumis aux règles de "
    "<a href='/code-de-commerce/partie-legislative/livre-vi/titre-ii/chapitre-vi/l626-9.md'>l'article "
    "L. 626-9 du présent code</a>, sauf s'il en est disposé autrement.</p>"
    "<p>Le juge peut accorder au débiteur des délais de paiement en faisant application de "
    "<a href='/affichCodeArticle.do?cidTexte=LEGITEXT000006070721&amp;idArticle=LEGIARTI000032042003' "
    "title='Code civil - art. 1343-5'>l'article 1343-5 du code civil</a>.</p>"
)
# A Légifrance page of several articles in force on one day, as copied from a browser.
PAGE = """Code de commerce

Version en vigueur au 2 mai 2023

  • La demande d'ouverture de la procédure de conciliation est accompagnée des pièces énumérées à \
l'article R. 611-22 et de la proposition de rémunération prévue à l'article L. 611-14.

  • Le président du tribunal informe le débiteur de la date à laquelle il statue. La décision prise \
après l'audition prévue à l'article R. 611-23 est notifiée au débiteur.

    Le recours contre cette décision est formé, instruit et jugé selon les règles prévues aux articles \
640 à 642 du code de procédure civile.

  • Les dispositions de l'article R. 611-50 s'appliquent à la mission du conciliateur.
"""
LINK = (
    "/affichCodeArticle.do?cidTexte=LEGITEXT000005634379&idArticle=LEGIARTI000006237345"
    "&dateTexte=&categorieLien=cid"
)
# The diff view of one amending decree over four articles: old (-) and new (+) wording, a markdown link.
DIFF = f"""Décret n° 2021-1218 du 23 septembre 2021 portant modification de la partie réglementaire du \
livre VI du code de commerce

Ce qui a changé 4 fichiers +9 -4

Article R626-55
- Les comités de créanciers sont réunis par l'administrateur dans les conditions prévues à l'article \
[L. 626-30]({LINK}).
+ Les classes de parties affectées sont constituées par l'administrateur dans les conditions prévues \
aux articles L. 626-30 et L. 626-30-1.

Article R626-58
- Le délai mentionné à la deuxième phrase du premier alinéa de l'article L. 626-30-2 est de quinze jours.
+ Le délai mentionné au 2° du II de l'article L. 626-30-2 est de vingt et un jours.
+ Les articles L. 626-29 à L. 626-35 s'appliquent à cette procédure, à l'exception des articles \
L. 626-32 et L. 626-34.

Article R950-1
+ Sont applicables dans les îles Wallis et Futuna les articles R. 620-1, R. 621-1, R. 621-2, R. 622-1, \
R. 622-5, R. 624-1, R. 626-1, R. 626-2, R. 626-52, R. 626-55, R. 626-58 et R. 628-1.
+ Pour l'application de l'article L. 224-1 du code de la consommation, la référence au tribunal \
judiciaire est remplacée par la référence au tribunal de première instance.

Article D626-1
- Articles D. 626-1 à D. 626-9 : abrogés par la loi n° 2005-845 du 26 juillet 2005.
"""
WALLIS = (
    "articles R. 620-1, R. 621-1, R. 621-2, R. 622-1, R. 622-5, R. 624-1, R. 626-1, R. 626-2, R. 626-52, "
    "R. 626-55, R. 626-58 et R. 628-1"
)
WALLIS_NUMBERS = ("R620-1", "R621-1", "R621-2", "R622-1", "R622-5", "R624-1", "R626-1", "R626-2")
WALLIS_NUMBERS += ("R626-52", "R626-55", "R626-58", "R628-1")


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _summary(citations):
    return [(c.text, c.kind, c.code, c.articles, c.detail, c.following) for c in citations]


def test_html_article_body_every_citation():
    assert _summary(find_citations(_visible_text(ARTICLE_HTML), code=COMMERCE)) == [
        (
            "quatrième alinéa de l'article L. 611-3",
            CODE_ARTICLE,
            COMMERCE,
            ("L611-3",),
            "quatrième alinéa",
            False,
        ),
        (
            "articles L. 5421-2 et suivants du code du travail",
            CODE_ARTICLE,
            "Code du travail",
            ("L5421-2",),
            None,
            True,
        ),
        ("article L. 626-9 du présent code", CODE_ARTICLE, COMMERCE, ("L626-9",), None, False),
        ("article 1343-5 du code civil", CODE_ARTICLE, "Code civil", ("1343-5",), None, False),
    ]


def test_html_article_body_agrees_with_its_own_links():
    """The body's site links (…/l611-3.md) and its Légifrance link (title="Code civil - art. 1343-5")."""
    linked = set(re.findall(r"/(l\d+-\d+)\.md", ARTICLE_HTML))
    found = {
        n.lower() for c in find_citations(_visible_text(ARTICLE_HTML), code=COMMERCE) for n in c.articles
    }
    assert linked == {"l611-3", "l5421-2", "l626-9"} and linked <= found
    assert re.findall(r"title='Code civil - art\. ([\d-]+)'", ARTICLE_HTML) == ["1343-5"]
    assert "1343-5" in found


def test_legifrance_page_every_citation():
    assert _summary(find_citations(PAGE, code=COMMERCE)) == [
        ("article R. 611-22", CODE_ARTICLE, COMMERCE, ("R611-22",), None, False),
        ("article L. 611-14", CODE_ARTICLE, COMMERCE, ("L611-14",), None, False),
        ("article R. 611-23", CODE_ARTICLE, COMMERCE, ("R611-23",), None, False),
        (
            "articles 640 à 642 du code de procédure civile",
            CODE_ARTICLE,
            "Code de procédure civile",
            ("640", "642"),
            None,
            False,
        ),
        ("article R. 611-50", CODE_ARTICLE, COMMERCE, ("R611-50",), None, False),
    ]


def test_diff_page_every_reference():
    found = find_citations(DIFF, code=COMMERCE)
    assert all(DIFF[c.start : c.end] == c.text for c in found)
    assert [(c.text, c.kind, c.code, c.articles, c.detail, c.excluded) for c in found] == [
        ("Décret n° 2021-1218 du 23 septembre 2021", OTHER_TEXT, None, (), None, False),
        ("Article R626-55", CODE_ARTICLE, COMMERCE, ("R626-55",), None, False),
        ("L. 626-30", CODE_ARTICLE, COMMERCE, ("L626-30",), None, False),
        ("articles L. 626-30 et L. 626-30-1", CODE_ARTICLE, COMMERCE, ("L626-30", "L626-30-1"), None, False),
        ("Article R626-58", CODE_ARTICLE, COMMERCE, ("R626-58",), None, False),
        (
            "deuxième phrase du premier alinéa de l'article L. 626-30-2",
            CODE_ARTICLE,
            COMMERCE,
            ("L626-30-2",),
            "deuxième phrase du premier alinéa",
            False,
        ),
        ("2° du II de l'article L. 626-30-2", CODE_ARTICLE, COMMERCE, ("L626-30-2",), "2° du II", False),
        ("articles L. 626-29 à L. 626-35", CODE_ARTICLE, COMMERCE, ("L626-29", "L626-35"), None, False),
        ("articles L. 626-32 et L. 626-34", CODE_ARTICLE, COMMERCE, ("L626-32", "L626-34"), None, True),
        ("Article R950-1", CODE_ARTICLE, COMMERCE, ("R950-1",), None, False),
        (
            WALLIS,
            CODE_ARTICLE,
            COMMERCE,
            WALLIS_NUMBERS,
            None,
            False,
        ),
        (
            "article L. 224-1 du code de la consommation",
            CODE_ARTICLE,
            "Code de la consommation",
            ("L224-1",),
            None,
            False,
        ),
        ("Article D626-1", CODE_ARTICLE, COMMERCE, ("D626-1",), None, False),
        ("Articles D. 626-1 à D. 626-9", CODE_ARTICLE, COMMERCE, ("D626-1", "D626-9"), None, False),
        ("loi n° 2005-845 du 26 juillet 2005", OTHER_TEXT, None, (), None, False),
    ]


def test_diff_page_samples_read_as_a_lawyer_would():
    """Spot checks of the expectation above, written out so that a regression reads plainly."""
    by_text = {c.text: c for c in find_citations(DIFF, code=COMMERCE)}
    decree = by_text["Décret n° 2021-1218 du 23 septembre 2021"]
    assert (decree.kind, decree.other_text) == (OTHER_TEXT, "Décret n° 2021-1218 du 23 septembre 2021")
    assert by_text["article L. 224-1 du code de la consommation"].code == "Code de la consommation"
    assert by_text["articles L. 626-29 à L. 626-35"].ranges == (("L626-29", "L626-35"),)
    assert by_text["Articles D. 626-1 à D. 626-9"].ranges == (("D626-1", "D626-9"),)
    excluded = by_text["articles L. 626-32 et L. 626-34"]
    assert excluded.excluded and excluded.articles == ("L626-32", "L626-34")
    part = by_text["deuxième phrase du premier alinéa de l'article L. 626-30-2"]
    assert (part.articles, part.detail) == (("L626-30-2",), "deuxième phrase du premier alinéa")
    assert len(by_text[WALLIS].articles) == 12
