"""Commit subjects of the real Code de commerce / Code civil export → amending texts."""

from __future__ import annotations

from datetime import date

import pytest

from corpus.amending_titles import parse_subject

SUBJECTS = [
    # subject, [(text id, title, nature, signed on, published on, article of the text)]
    (
        "LOI n° 2014-873 du 4 août 2014",
        [("loi-2014-873", "Loi n° 2014-873 du 4 août 2014", "LOI", date(2014, 8, 4), None, None)],
    ),
    (
        "DÉCRET n°2015-417 du 14 avril 2015",
        [("decret-2015-417", "Décret n° 2015-417 du 14 avril 2015", "DECRET", date(2015, 4, 14), None, None)],
    ),
    (
        "LOI n°2014-1104 du 1er octobre 2014",
        [("loi-2014-1104", "Loi n° 2014-1104 du 1er octobre 2014", "LOI", date(2014, 10, 1), None, None)],
    ),
    (
        "Arrêté du 18 mars 2011",
        [("arrete-2011-03-18", "Arrêté du 18 mars 2011", "ARRETE", date(2011, 3, 18), None, None)],
    ),
    (
        "Décision n°2013-368 QPC du 7 mars 2014, v. init.",
        [
            (
                "decision-2013-368-qpc",
                "Décision n° 2013-368 QPC du 7 mars 2014",
                "DECISION",
                date(2014, 3, 7),
                None,
                None,
            )
        ],
    ),
    (
        "Loi 76-1179 1976-12-22 art. 9 JORF 23 décembre 1976",
        [
            (
                "loi-76-1179",
                "Loi n° 76-1179 du 22 décembre 1976",
                "LOI",
                date(1976, 12, 22),
                date(1976, 12, 23),
                "art. 9",
            )
        ],
    ),
    (
        "Loi n°80-525 du 12 juillet 1980, art. 5 v. init.",
        [("loi-80-525", "Loi n° 80-525 du 12 juillet 1980", "LOI", date(1980, 7, 12), None, "art. 5")],
    ),
    (
        "Ordonnance n°2011-337 et Ordonnance n°2011-821 du 8 juillet 2011",
        [
            ("ordonnance-2011-337", "Ordonnance n° 2011-337", "ORDONNANCE", None, None, None),
            (
                "ordonnance-2011-821",
                "Ordonnance n° 2011-821 du 8 juillet 2011",
                "ORDONNANCE",
                date(2011, 7, 8),
                None,
                None,
            ),
        ],
    ),
    (
        "Loi 46-2154 1946-10-07 art. 38 et Loi 56-780 1956-08-04 art. 94 JORF 7 août 1956",
        [
            ("loi-46-2154", "Loi n° 46-2154 du 7 octobre 1946", "LOI", date(1946, 10, 7), None, "art. 38"),
            (
                "loi-56-780",
                "Loi n° 56-780 du 4 août 1956",
                "LOI",
                date(1956, 8, 4),
                date(1956, 8, 7),
                "art. 94",
            ),
        ],
    ),
    (
        "Modifications d'origine indéterminée",
        [
            (
                "modifications-d-origine-indeterminee",
                "Modifications d'origine indéterminée",
                None,
                None,
                None,
                None,
            )
        ],
    ),
]


@pytest.mark.parametrize(("subject", "expected"), SUBJECTS)
def test_subject_names_its_amending_texts(subject, expected):
    found = [
        (
            t.text.text_id,
            t.text.title,
            t.text.nature,
            t.text.signed_on,
            t.text.published_on,
            t.article_in_text,
        )
        for t in parse_subject(subject)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "spellings",
    [
        (
            "LOI n° 2014-626 du 18 juin 2014",
            "LOI n°2014-626 du 18 juin 2014",
            "Loi n°2014-626 du 18 juin 2014",
        ),
        (
            "Loi 75-617 1975-07-11 art. 9 JORF 12 juillet 1975",
            "Loi 75-617 1975-07-11 art. 2 JORF 12 juillet 1975",
        ),
        ("ARRÊTÉ du 18 mars 2015", "Arrêté du 18 mars 2015"),
    ],
)
def test_every_spelling_of_one_text_gets_one_id(spellings):
    ids = {titled.text.text_id for subject in spellings for titled in parse_subject(subject)}
    assert len(ids) == 1
