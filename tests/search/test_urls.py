"""One URL builder (search.urls) for the CLI's JSON links and the app's own links: a hit's links are
exactly the app's links to the same screens, the request's date included."""

from __future__ import annotations

from datetime import date

from search.results import SearchRequest
from search.service import SearchService
from ui.params import Screen, parse, url


def test_hit_links_are_the_apps_links_with_the_requests_date(written_service: SearchService) -> None:
    day = date(2010, 6, 1)
    (hit, *_) = written_service.search(SearchRequest("gestes répétés", at=day)).hits
    assert hit.article_url == url(Screen(view="article", version=hit.version_id, at=day))
    assert hit.diff_url == url(Screen(view="diff", version=hit.version_id))
    assert parse({"view": "article", "version": hit.version_id, "at": "2010-06-01"}) == parse(
        dict(pair.split("=") for pair in hit.article_url.lstrip("?").split("&"))
    )


def test_hit_link_without_a_date_follows_citations_today(written_service: SearchService) -> None:
    (hit, *_) = written_service.search(SearchRequest("gestes répétés")).hits
    assert hit.article_url == f"?view=article&version={hit.version_id}"
