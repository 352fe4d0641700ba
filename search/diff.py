"""Word-level diff between two wordings of an article, as frozen operations the UI renders.

Pure: no store, no markup. A token is a word (with its inner hyphens: "L1233-3"), an elided article or
pronoun with its apostrophe ("l'", "qu'"), one punctuation mark, or a paragraph break ("\\n"); each carries
the single space that preceded it in the text, if any. Tokens are matched on their bare form (no spaces,
one kind of apostrophe), so a source that respaces "L. 1134-4 ," into "L. 1134-4," or "l'article" into
"l' article" shows no change, and concatenating the tokens gives back the text with its whitespace
normalised. Paragraph breaks are tokens too, so a diff keeps the paragraphs and a side-by-side view can
align them. This is display segmentation, not analysis, so it deliberately does not go through the search
analyzers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum

BREAK = "\n"


class OpKind(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"


@dataclass(frozen=True)
class DiffOp:
    """One run: `old` tokens became `new` tokens (EQUAL: same bare tokens; one side empty for INSERT/DELETE).

    Tokens keep their leading space (" mots"), so "".join(tokens) is readable text.
    """

    kind: OpKind
    old: tuple[str, ...]
    new: tuple[str, ...]


@dataclass(frozen=True)
class TextDiff:
    ops: tuple[DiffOp, ...]

    @property
    def inserted_words(self) -> int:
        """Words (not punctuation) on the new side of the changes."""
        return sum(count_words(op.new) for op in self.ops if op.kind is not OpKind.EQUAL)

    @property
    def deleted_words(self) -> int:
        return sum(count_words(op.old) for op in self.ops if op.kind is not OpKind.EQUAL)

    @property
    def changed(self) -> bool:
        """A change of words or punctuation; moving a paragraph break alone is layout, not wording."""
        return any(
            op.kind is not OpKind.EQUAL and any(t != BREAK for t in op.old + op.new) for op in self.ops
        )


@dataclass(frozen=True)
class Segment:
    """A run of one side of a side-by-side row: its text (breaks as "\\n") and whether it changed."""

    text: str
    changed: bool


@dataclass(frozen=True)
class SideRow:
    """One aligned row of a side-by-side diff: the old paragraph(s) and the new one(s) they became."""

    old: tuple[Segment, ...]
    new: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(segment.changed for segment in self.old + self.new)


# An elided word ("l'", "qu'", "jusqu'") is a token of its own, so "l'article" and "l' article" compare equal.
_ELIDED = r"(?:[cdjlmnst]|qu|lorsqu|puisqu|jusqu|quoiqu|presqu)['’](?=\s*\w)"
_TOKEN = re.compile(rf"[^\S\n]*(?:\n\s*|(?i:{_ELIDED})|\w+(?:[-'’]\w+)*|[^\w\s])")


def count_words(tokens: tuple[str, ...]) -> int:
    """Words, not punctuation nor elided articles ("l'opérateur" is one word)."""
    return sum(1 for token in tokens if _is_word(token.strip()))


def _is_word(bare: str) -> bool:
    return bool(bare) and (bare[0].isalnum() or bare[0] == "_") and bare[-1] not in "'’"


def tokens(text: str | None) -> tuple[str, ...]:
    """Display tokens with their normalised leading space; None (text unknown) and "" give none.

    Any run of whitespace holding a line break is one paragraph break; other runs are one space, except
    after an elided word ("l' article" reads "l'article")."""
    if not text:
        return ()
    out: list[str] = []
    for match in _TOKEN.findall(text.strip()):
        bare = match.strip()
        if not bare:
            out.append(BREAK)
            continue
        spaced = match[0].isspace() and not (out and out[-1][-1:] in "'’")
        out.append((" " if spaced else "") + bare)
    return tuple(out)


def _bare(token: str) -> str:
    return token.strip(" ").replace("’", "'") or BREAK


def diff_words(old: str | None, new: str | None) -> TextDiff:
    """Diff `old` → `new` token by token with difflib (no autojunk: legal texts repeat "de", "la" a lot)."""
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [_bare(token) for token in before], [_bare(token) for token in after], autojunk=False
    )
    ops = [DiffOp(OpKind(tag), before[i1:i2], after[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    return TextDiff(tuple(_slide_to_paragraphs(ops)))


def _slide_to_paragraphs(ops: list[DiffOp]) -> list[DiffOp]:
    """An added or removed paragraph is often matched one sentence end too early (". ¶ Nouveau" added
    instead of "Nouveau . ¶"): slide such a run over the equal run after it, by the fewest tokens that make
    it end with a paragraph break, when those tokens are the same on its side."""
    for index in range(1, len(ops) - 1):
        before, run, after = ops[index - 1], ops[index], ops[index + 1]
        if run.kind not in (OpKind.INSERT, OpKind.DELETE) or before.kind is not OpKind.EQUAL:
            continue
        if after.kind is not OpKind.EQUAL or (run.new or run.old)[-1] == BREAK:
            continue
        inserted = run.kind is OpKind.INSERT
        tokens, same_side = (run.new, after.new) if inserted else (run.old, after.old)
        for k in range(1, min(len(tokens), len(same_side)) + 1):
            if _bare(tokens[k - 1]) != _bare(same_side[k - 1]):
                break
            if same_side[k - 1] != BREAK:
                continue
            moved = tokens[k:] + same_side[:k]
            if inserted:
                ops[index - 1] = DiffOp(OpKind.EQUAL, before.old + after.old[:k], before.new + tokens[:k])
                ops[index] = DiffOp(run.kind, (), moved)
            else:
                ops[index - 1] = DiffOp(OpKind.EQUAL, before.old + tokens[:k], before.new + after.new[:k])
                ops[index] = DiffOp(run.kind, moved, ())
            ops[index + 1] = DiffOp(OpKind.EQUAL, after.old[k:], after.new[k:])
            break
    return [op for op in ops if op.old or op.new]


def side_by_side(result: TextDiff) -> tuple[SideRow, ...]:
    """Rows of (old | new) aligned on the paragraph breaks both sides share; a paragraph added or removed
    whole is a row with one empty side; a paragraph split inside a rewording stays in its row."""
    rows: list[SideRow] = []
    old: list[Segment] = []
    new: list[Segment] = []

    def add(side: list[Segment], run: tuple[str, ...], changed: bool) -> None:
        if run:
            side.append(Segment("".join(run), changed and any(t != BREAK for t in run)))

    for op in result.ops:
        if op.kind is OpKind.REPLACE:
            add(old, op.old, True)
            add(new, op.new, True)
            continue
        # An equal run, or a paragraph added or removed whole: each break both sides agree on (one side
        # being empty) ends a row.
        changed = op.kind is not OpKind.EQUAL
        start = 0
        breaks = op.new if op.new else op.old
        for index, token in enumerate((*breaks, BREAK)):
            if token != BREAK:
                continue
            add(old, op.old[start:index], changed)
            add(new, op.new[start:index], changed)
            if index < len(breaks) and (old or new):
                rows.append(SideRow(tuple(old), tuple(new)))
                old, new = [], []
            start = index + 1
    if old or new:
        rows.append(SideRow(tuple(old), tuple(new)))
    return tuple(rows)
