"""The Streamlit app run in-process with AppTest: every page, and the URL as the whole state."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).parent.parent.parent / "ui" / "app.py"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def app(ui_home: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEXSEARCH_HOME", str(ui_home))

    def run(**query: str) -> AppTest:
        test = AppTest.from_file(str(APP), default_timeout=120)
        for name, value in query.items():
            test.query_params[name] = value
        test.run()
        assert not test.exception, [e.value for e in test.exception]
        return test

    return run


def page_html(test: AppTest) -> str:
    return "\n".join(str(element.value) for element in test.markdown)


def page_text(test: AppTest) -> str:
    """What a reader sees: titles, then the app's HTML with tags dropped and entities decoded."""
    visible = html.unescape(re.sub(r"<[^>]*>", " ", page_html(test).split("</style>")[-1]))
    return " ".join([*(str(e.value) for e in test.title), *(str(e.value) for e in test.subheader), visible])


def test_empty_query_explains_and_offers_examples(app) -> None:
    test = app()
    assert "Tapez des mots ou une référence" in page_html(test)
    assert "?q=licenciement+pour+motif+%C3%A9conomique" in page_html(test)


def test_typing_a_query_and_enter_puts_it_in_the_url_with_highlighted_hits(app) -> None:
    test = app()
    test.text_input[0].input("licenciement pour motif économique").run()
    assert test.query_params["q"] == "licenciement pour motif économique"
    markup = page_html(test)
    assert "<mark>" in markup and "résultat" in page_text(test)
    assert ">Article</a>" in markup and ">Modifications</a>" in markup
    assert "view=diff&amp;version=LEGIARTI" in markup


def test_search_url_reproduces_the_screen(app) -> None:
    first = app(q="licenciement pour motif économique", at="2021-06-01")
    again = app(q="licenciement pour motif économique", at="2021-06-01")
    assert first.text_input[0].value == "licenciement pour motif économique"
    assert first.text_input[1].value == "01/06/2021"
    timing = re.compile(r"\(\d+ ms\)")
    assert timing.sub("", page_text(first)) == timing.sub("", page_text(again))


def test_ticking_all_versions_goes_into_the_url(app) -> None:
    test = app(q="licenciement")
    test.checkbox[0].check().run()
    assert test.query_params["all"] == "1"
    assert test.query_params["q"] == "licenciement"


def test_no_results_suggests_removing_filters(app) -> None:
    test = app(q="xqzwv", status="annulled", at="2021-06-01")
    text = page_text(test)
    assert "Aucun résultat pour « xqzwv »" in text
    assert "le filtre de statut" in text and "chercher dans toutes les versions" in text


def test_bad_url_parameters_fall_back_with_notices(app) -> None:
    test = app(q="licenciement", at="2020-13-45", page="-1", version="../../etc/passwd")
    text = page_text(test)
    assert "Date « 2020-13-45 » invalide" in text
    assert "Page « -1 » invalide" in text
    assert "Identifiant de version « ../../etc/passwd » invalide" in text
    assert "<mark>" in page_html(test)


def test_a_page_deeper_than_the_api_shows_the_last_one_with_a_notice(app) -> None:
    test = app(q="travail", page="900")
    text = page_text(test)
    assert "Page 900 trop lointaine : au plus 501 pages de 10 résultats" in text
    assert "trop lointaine" not in page_text(app(q="travail", page="501"))


def test_article_page_links_citations_and_lists_versions_and_citers(app) -> None:
    test = app(view="article", version="LEGIARTI000036762081")  # L1233-3 since 1 April 2018
    text = page_text(test)
    assert "Article L1233-3" in text
    assert "en vigueur depuis le 1er avril 2018" in text
    assert "LOI n°2018-217 du 29 mars 2018" in text
    assert 'class="lx-cite"' in page_html(test)  # L. 1237-11 / L. 1237-17 cited and in the corpus
    assert "Historique des versions" in text
    assert "texte inconnu : version absente des instantanés chargés" in text  # older L1233-3 versions
    assert "Cité par" in text


def test_diff_page_shows_insertions_deletions_and_the_amending_text(app) -> None:
    test = app(view="diff", version="LEGIARTI000048600685")  # L1243-11-1, 1 January 2024
    assert "<del " in page_html(test) and "<ins " in page_html(test)
    text = page_text(test)
    assert "LOI n°2023-1196 du 18 décembre 2023" in text
    assert "en vigueur depuis le 1er janvier 2024" in text


def test_first_version_says_it_created_the_article(app) -> None:
    test = app(view="diff", version="LEGIARTI999999999001")
    assert "Création de l" in page_html(test)


def test_changeset_page_lists_every_article_with_its_diff(app) -> None:
    test = app(view="changeset", text="JORFTEXT000048581935", date="2024-01-01")
    text = page_text(test)
    assert "LOI n°2023-1196 du 18 décembre 2023" in text
    assert "Ce qui a changé : 4 articles" in text
    assert page_html(test).count("<ins ") >= 3


def test_unknown_version_gets_a_message_not_a_crash(app) -> None:
    test = app(view="article", version="LEGIARTI000000000001")
    assert "Version introuvable" in page_html(test)


@pytest.mark.parametrize(
    "query",
    [
        {"q": f"licenciement {SCRIPT} {IMG}"},
        {"q": SCRIPT, "all": "1"},
        {"view": "article", "version": "LEGIARTI999999999002"},
        {"view": "diff", "version": "LEGIARTI999999999002"},
        {"view": "changeset", "text": "JORFTEXT000099999999", "date": "2020-01-01"},
    ],
)
def test_hostile_text_never_reaches_the_page_as_markup(app, query: dict) -> None:
    test = app(**query)
    markup = page_html(test).lower()
    for needle in ("<script", "<img", "onerror=alert"):
        assert needle not in markup
    if query.get("view"):
        assert SCRIPT in page_text(test)


def test_code_filter_from_the_url_shows_in_its_widget_and_clearing_it_updates_the_url(app) -> None:
    test = app(q="licenciement", code="LEGITEXT000006072050")
    code_box = next(box for box in test.selectbox if box.label == "code")
    assert code_box.value == "LEGITEXT000006072050"
    code_box.select("").run()
    assert "code" not in test.query_params
    assert test.query_params["q"] == "licenciement"


def test_going_back_to_an_earlier_url_redraws_its_widgets(app) -> None:
    test = app(q="licenciement", at="2021-06-01")
    test.query_params["q"] = "motif économique"  # what the back button does: a new URL, same session
    del test.query_params["at"]
    test.run()
    assert test.text_input[0].value == "motif économique"
    assert test.text_input[1].value == ""


def test_status_and_section_facets_show_result_counts(app) -> None:
    test = app(q="licenciement")
    status_box = next(box for box in test.selectbox if box.label == "statut")
    assert any(option.startswith("en vigueur (") for option in status_box.options)
    partie_box = next(box for box in test.selectbox if box.label == "partie")
    assert any(
        option.startswith("Première partie : Les relations individuelles de travail (")
        for option in partie_box.options
    )


def test_a_date_typed_in_the_box_applies_and_goes_into_the_url(app) -> None:
    test = app(q="licenciement")
    test.text_input[1].input("01/06/2021").run()
    assert test.query_params["at"] == "2021-06-01"
    assert "en vigueur au 1er juin 2021" in page_text(test)
    assert "le texte est connu pour" in page_text(test)  # a dated search says how much text it covers


def test_an_unreadable_date_is_refused_with_a_notice_and_today_is_searched(app) -> None:
    test = app(q="licenciement")
    test.text_input[1].input("31/02/2021").run()
    assert "Date « 31/02/2021 » invalide" in page_text(test)
    assert "(aujourd'hui)" in page_text(test)


def test_the_coverage_line_names_the_codes_and_the_text_known_today(app) -> None:
    text = page_text(app())
    assert "Corpus : Code d'essai" in text and "Code du travail" in text
    assert "articles en vigueur aujourd'hui" in text


def test_a_corpus_of_many_codes_is_counted_on_the_coverage_line(app, monkeypatch) -> None:
    from ui.views import search_page

    monkeypatch.setattr(search_page, "NAMED_CODES", 1)  # two codes here, 72 on all codes
    text = page_text(app())
    assert "Corpus : 2 codes (la liste est dans les filtres)" in text and "Code d'essai" not in text


def test_partie_list_holds_only_parties_and_livres_say_tous_les_livres(app) -> None:
    test = app(q="licenciement")
    partie_box = next(box for box in test.selectbox if box.label == "partie")
    livre_box = next(box for box in test.selectbox if box.label == "livre")
    assert not [option for option in partie_box.options if option.startswith("Livre")]
    assert "tous les livres" in livre_box.options


def test_side_by_side_diff_is_chosen_in_the_url_and_has_two_columns(app) -> None:
    test = app(view="diff", version="LEGIARTI000048600685", layout="columns")
    markup = page_html(test)
    assert '<table class="lx-sbs">' in markup and markup.count("<th ") == 2
    assert "lx-row-changed" in markup and "<ins>" in markup and "<del>" in markup
    assert "view=diff&amp;version=LEGIARTI000048600685" in markup  # the link back to the inline view


def test_a_cited_article_in_force_without_its_text_says_so_not_that_it_had_no_version(app) -> None:
    text = page_text(app(q="L. 1233-3", at="2010-01-01"))
    assert "avait une version en vigueur au 1er janvier 2010" in text
    assert "son texte n'est pas dans le corpus" in text
    assert "n'a pas de version" not in text
