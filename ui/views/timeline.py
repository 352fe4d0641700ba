"""An article's history as a list, newest first: its versions, the stretches where a change happened on an
unknown day, and the spans of days no source of its code covers (where versions may be missing)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from corpus.dating import span
from corpus.merge import CoverageGap
from corpus.model import UncertainDate, Version
from ui import params, render

IN_GAP = "période non couverte par nos sources"


def relevant_gaps(versions: Sequence[Version], gaps: Sequence[CoverageGap], today: date) -> list[CoverageGap]:
    """The gaps that cut into the article's life: not before its first version, not after it was repealed,
    and (for the days after the last one covered) only once that day is past."""
    starts = [v.valid_from for v in versions if v.valid_from is not None]
    ends = [v.valid_to for v in versions]
    if not starts:
        return []
    first = min(starts)
    last = None if None in ends else max(end for end in ends if end is not None)
    found = []
    for gap in gaps:
        if gap.before is not None and gap.before <= first:
            continue
        if last is not None and last <= gap.after:
            continue
        if gap.before is None and gap.after >= today:
            continue
        found.append(gap)
    return found


def in_gap(version: Version, gaps: Sequence[CoverageGap]) -> bool:
    """The version began on a day no source covers: it is known from another source's metadata or text."""
    return version.valid_from is not None and gap_at(gaps, version.valid_from) is not None


def ordered(versions: Sequence[Version], gaps: Sequence[CoverageGap]) -> list[Version | CoverageGap]:
    """Versions newest first, each gap placed where the sources stop: just above the newest version that
    began on or before the gap's first day (at the bottom when every version began inside it)."""
    entries: list[Version | CoverageGap] = []
    pending = sorted(gaps, key=lambda gap: gap.after, reverse=True)
    for version in reversed(versions):
        while pending and version.valid_from is not None and version.valid_from <= pending[0].after:
            entries.append(pending.pop(0))
        entries.append(version)
    return entries + pending


def timeline(
    versions: tuple[Version, ...],
    current_id: str,
    gaps: Sequence[CoverageGap] = (),
    today: date | None = None,
) -> render.Markup:
    """Every version, newest first, each with its text and diff links; a metadata-only one says why it has
    no text and links to its page (which explains it) but to no diff, which would be empty; a change whose
    day is unknown gets its own dashed stretch between the two versions; a span of days no source covers
    is said where it falls, never shown as a time with no version in force."""
    shown_gaps = relevant_gaps(versions, gaps, today or date.today())
    items = []
    current = None
    for entry in ordered(versions, shown_gaps):
        if isinstance(entry, CoverageGap):
            items.append(gap_span(entry))
            continue
        if entry.version_id == current_id:
            current = len(items)
        items.append(version_line(entry, current_id, in_gap(entry, shown_gaps)))
        if entry.start_uncertain is not None and entry.valid_from is not None:
            items.append(uncertain_span(entry.start_uncertain, entry.valid_from))
    return render.bullet_list(items, css="lx-timeline", current=current)


def version_line(version: Version, current_id: str, uncovered: bool) -> render.Markup:
    parts = [render.text(f"{render.version_validity(version)} · {render.status_label(version.status)}")]
    if uncovered:
        parts.append(render.text(IN_GAP))
    if version.text is None:
        parts.append(render.link(params.article_url(version.version_id), "détails"))
        parts.append(render.text("texte inconnu : version absente des instantanés chargés"))
    else:
        parts.append(render.link(params.article_url(version.version_id), "texte"))
        parts.append(render.link(params.diff_url(version.version_id), "modifications"))
    if version.version_id == current_id:
        parts.append(render.text("← version affichée"))
    return render.join(parts, " · ")


def uncertain_span(start: UncertainDate, valid_from: date) -> render.Markup:
    """The stretch of the timeline where a change happened on a day no source gives."""
    return render.Markup('<span class="lx-uncertain">{}</span>').format(
        render.text(f"période incertaine : changement {span(start, valid_from)}")
    )


def gap_span(gap: CoverageGap) -> render.Markup:
    """The stretch where no source covers the code: versions may be missing there, or lack their text."""
    return render.Markup('<span class="lx-uncovered">{}</span>').format(
        render.text(f"{gap.label[:1].upper()}{gap.label[1:]} : d'autres versions ont pu exister.")
    )


def gap_at(gaps: Sequence[CoverageGap], day: date) -> CoverageGap | None:
    """The gap `day` falls in, if any."""
    return next((gap for gap in gaps if gap.after < day and (gap.before is None or day < gap.before)), None)
