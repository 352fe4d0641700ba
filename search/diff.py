"""Word-level diff between two wordings of an article, as frozen operations the UI renders.

Pure: no store, no markup. A token is a word (with its inner hyphens and apostrophes: "L1233-3",
"l'employeur") or one punctuation mark, carrying the single space that preceded it in the text, if any.
Tokens are matched on their bare form, so a source that respaces "L. 1134-4 ," into "L. 1134-4," shows no
change, and concatenating the tokens gives back the text with its whitespace normalised. This is display
segmentation, not analysis, so it deliberately does not go through the search analyzers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum


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
        return sum(_count_words(op.new) for op in self.ops if op.kind is not OpKind.EQUAL)

    @property
    def deleted_words(self) -> int:
        return sum(_count_words(op.old) for op in self.ops if op.kind is not OpKind.EQUAL)

    @property
    def changed(self) -> bool:
        return any(op.kind is not OpKind.EQUAL for op in self.ops)


_TOKEN = re.compile(r"\s*(?:\w+(?:[-'’]\w+)*|[^\w\s])")


def _count_words(tokens: tuple[str, ...]) -> int:
    return sum(1 for token in tokens if token.strip()[:1].isalnum() or token.strip()[:1] == "_")


def tokens(text: str | None) -> tuple[str, ...]:
    """Display tokens with their normalised leading space; None (text unknown) and "" give none."""
    if not text:
        return ()
    return tuple((" " if match[0].isspace() else "") + match.lstrip() for match in _TOKEN.findall(text))


def diff_words(old: str | None, new: str | None) -> TextDiff:
    """Diff `old` → `new` token by token with difflib (no autojunk: legal texts repeat "de", "la" a lot)."""
    before, after = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(
        None, [token.lstrip() for token in before], [token.lstrip() for token in after], autojunk=False
    )
    return TextDiff(
        tuple(
            DiffOp(OpKind(tag), before[i1:i2], after[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        )
    )
