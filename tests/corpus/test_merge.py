"""One history per article from two sources: a Légifrance-like history (official ids and dates, texts
from 2020, metadata only before) and an export-like one (texts to 2015)."""

from __future__ import annotations

from datetime import date

from corpus.anomalies import AnomalyKind
from corpus.merge import CodeSource, SourceSpan, coverage_gaps, estimate_span, merge_code, uncovered_after
from corpus.model import Article, Code, Status, Version

CODE = Code("LEGITEXT000006072050", "Code du travail")
TEXT_2008 = "Constitue un licenciement pour motif économique le licenciement effectué par un employeur."
TEXT_2008_WRAPPED = (
    "Constitue un licenciement pour motif\néconomique le licenciement  effectué par un employeur."
)
TEXT_2018 = "Constitue un licenciement pour motif économique, au sens du présent article, le licenciement."


def version(vid, aid, number, text, start, end, status=Status.MODIFIED) -> Version:
    return Version(vid, aid, number, text, start, end, status)


def legifrance_l1233_3() -> Article:
    """Known from Légifrance's metadata since 2008, with text only for the version in force in 2020."""
    aid = "LEGIARTI000006901015"
    return Article(
        aid,
        CODE,
        "L1233-3",
        (
            version(aid, aid, "L1233-3", None, date(2008, 5, 1), date(2008, 6, 27)),
            version("LEGIARTI000019071191", aid, "L1233-3", None, date(2008, 6, 27), date(2016, 12, 1)),
            version("LEGIARTI000033024152", aid, "L1233-3", None, date(2016, 12, 1), date(2018, 4, 1)),
            version(
                "LEGIARTI000036762081", aid, "L1233-3", TEXT_2018, date(2018, 4, 1), None, Status.IN_FORCE
            ),
        ),
    )


def export_l1233_3() -> Article:
    """The export's history of the same article: texts, commit dates, open end in 2015."""
    aid = "GITA0000000000000001"
    return Article(
        aid,
        CODE,
        "L. 1233-3",
        (
            version(
                "GITV01",
                aid,
                "L1233-3",
                "Texte de 2008, première version.",
                date(2008, 3, 1),
                date(2008, 5, 1),
            ),
            version("GITV02", aid, "L1233-3", "Texte de mai 2008.", date(2008, 5, 1), date(2008, 6, 27)),
            version("GITV03", aid, "L1233-3", TEXT_2008_WRAPPED, date(2008, 6, 27), None, Status.IN_FORCE),
        ),
    )


def export_only() -> Article:
    aid = "GITA0000000000000002"
    return Article(
        aid,
        CODE,
        "L122-14",
        (version("GITV10", aid, "L122-14", "Ancien article.", date(1973, 7, 13), date(2008, 5, 1)),),
    )


LEGIFRANCE = CodeSource(
    CODE, [legifrance_l1233_3()], (SourceSpan("legi", date(2020, 1, 1), date(2026, 3, 27)),), True
)
EXPORT = CodeSource(
    Code(CODE.code_id, "Code du travail"),
    [export_l1233_3(), export_only()],
    (SourceSpan("export", date(1973, 7, 13), date(2015, 4, 7)),),
    False,
)


def merged_article(merged, number: str) -> Article:
    (article,) = [article for article in merged.articles if article.number == number]
    return article


def test_metadata_only_version_takes_the_export_text_when_dates_match():
    merged = merge_code(LEGIFRANCE, EXPORT)
    article = merged_article(merged, "L1233-3")
    by_start = {v.valid_from: v for v in article.versions}
    assert by_start[date(2008, 5, 1)].text == "Texte de mai 2008."
    assert by_start[date(2008, 5, 1)].version_id == "LEGIARTI000006901015"  # the official id is kept
    assert by_start[date(2008, 6, 27)].valid_to == date(2016, 12, 1)  # Légifrance knows its end
    assert merged.counts.versions_filled == 2


def test_older_versions_only_the_export_knows_are_added_and_chained():
    article = merged_article(merge_code(LEGIFRANCE, EXPORT), "L1233-3")
    assert article.article_id == "LEGIARTI000006901015"
    first = article.versions[0]
    assert (first.version_id, first.valid_from, first.valid_to) == (
        "GITV01",
        date(2008, 3, 1),
        date(2008, 5, 1),
    )
    assert first.article_id == article.article_id
    for earlier, later in zip(article.versions, article.versions[1:], strict=False):
        assert earlier.valid_to is not None and earlier.valid_to <= later.valid_from


def test_versions_never_captured_stay_without_text_inside_a_reported_gap():
    merged = merge_code(LEGIFRANCE, EXPORT)
    article = merged_article(merged, "L1233-3")
    gap_version = next(v for v in article.versions if v.valid_from == date(2016, 12, 1))
    assert gap_version.text is None and gap_version.status is Status.MODIFIED
    (gap,) = merged.gaps
    assert (gap.after, gap.before) == (date(2015, 4, 7), date(2020, 1, 1))
    assert gap.label == "versions entre avril 2015 et janvier 2020 non couvertes par nos sources"


def test_identical_texts_are_one_version_whatever_their_spacing():
    legifrance = Article(
        "LEGIARTI1",
        CODE,
        "L1",
        (version("LEGIARTI1", "LEGIARTI1", "L1", TEXT_2008, date(2008, 6, 27), None, Status.IN_FORCE),),
    )
    export = Article(
        "GITA1",
        CODE,
        "L1",
        (version("GITV1", "GITA1", "L1", TEXT_2008_WRAPPED, date(2008, 7, 1), None, Status.IN_FORCE),),
    )
    merged = merge_code(
        CodeSource(CODE, [legifrance], (), True), CodeSource(CODE, [export], (), False)
    )  # dates differ by source: the wording decides, the official dates win
    (article,) = merged.articles
    (only,) = article.versions
    assert (only.version_id, only.valid_from, only.text) == ("LEGIARTI1", date(2008, 6, 27), TEXT_2008)
    assert merged.counts.versions_identical == 1


def test_different_wordings_on_one_date_keep_the_official_one_and_are_reported():
    legifrance = Article(
        "LEGIARTI2",
        CODE,
        "L2",
        (version("LEGIARTI2", "LEGIARTI2", "L2", "Texte officiel.", date(2010, 1, 1), None),),
    )
    export = Article(
        "GITA2", CODE, "L2", (version("GITV2", "GITA2", "L2", "Autre texte.", date(2010, 1, 1), None),)
    )
    merged = merge_code(CodeSource(CODE, [export], (), False), CodeSource(CODE, [legifrance], (), True))
    (article,) = merged.articles
    assert [v.text for v in article.versions] == ["Texte officiel."]
    (conflict,) = merged.anomalies
    assert conflict.kind is AnomalyKind.TEXT_CONFLICT and conflict.location == "LEGIARTI2"


def test_article_only_one_source_knows_is_kept_whole():
    merged = merge_code(LEGIFRANCE, EXPORT)
    assert merged_article(merged, "L122-14") == export_only()
    assert (merged.counts.articles_matched, merged.counts.articles_added) == (1, 1)


def test_merging_again_with_either_source_changes_nothing():
    merged = merge_code(LEGIFRANCE, EXPORT)
    again = CodeSource(CODE, merged.articles, merged.spans, True)
    assert merge_code(again, EXPORT).articles == merged.articles
    assert merge_code(again, LEGIFRANCE).articles == merged.articles
    assert merge_code(EXPORT, LEGIFRANCE).articles == merged.articles  # the order of the sources aside


def test_span_of_a_source_that_does_not_state_it_starts_where_texts_cover_the_versions_in_force():
    assert estimate_span("legi", [legifrance_l1233_3()]) == SourceSpan(
        "legi", date(2018, 4, 1), date(2018, 4, 1)
    )
    assert estimate_span("export", [export_l1233_3()]) == SourceSpan(
        "export", date(2008, 3, 1), date(2008, 6, 27)
    )


def test_adjacent_or_overlapping_spans_leave_no_gap():
    spans = [
        SourceSpan("a", date(2000, 1, 1), date(2015, 4, 7)),
        SourceSpan("b", date(2015, 4, 8), date(2020, 1, 1)),
        SourceSpan("c", date(2019, 1, 1), date(2026, 1, 1)),
    ]
    assert coverage_gaps(spans) == ()


def test_article_left_in_force_by_the_export_and_unknown_to_legifrance_ends_where_legifrance_starts():
    aid = "GITA0000000000000003"
    open_in_2015 = Article(
        aid,
        CODE,
        "D117-1",
        (version("GITV20", aid, "D117-1", "Ancien décret.", date(2005, 2, 17), None, Status.IN_FORCE),),
    )
    export = CodeSource(CODE, [export_l1233_3(), open_in_2015], EXPORT.spans, False)
    merged = merge_code(LEGIFRANCE, export)
    (last,) = merged_article(merged, "D117-1").versions
    assert (last.valid_to, last.status) == (date(2020, 1, 1), Status.REPEALED)
    assert merged.counts.articles_closed == 1
    assert [a.kind for a in merged.anomalies] == [AnomalyKind.ENDED_UNSEEN]
    again = CodeSource(CODE, merged.articles, merged.spans, True)
    assert merge_code(again, export).articles == merged.articles


def test_days_after_the_last_covered_one_are_a_gap_without_end():
    merged = merge_code(LEGIFRANCE, EXPORT)
    after = uncovered_after(merged.spans)
    assert (after.after, after.before) == (date(2026, 3, 27), None)
    export_only = uncovered_after(EXPORT.spans)
    assert export_only.label == "versions après avril 2015 non couvertes par nos sources"
