"""Which search library holds an index: Whoosh (the embedded default) or tantivy (for large corpora).

The engine is chosen when building (`lexsearch index --engine`, else `$LEXSEARCH_ENGINE`, else the current
index's, else Whoosh) and recorded in the index metadata; readers follow the metadata, so an index is only
ever opened by the engine that wrote it. A reader told explicitly to use the other engine refuses, in one line.
"""

from __future__ import annotations

import os
from pathlib import Path

from indexer.errors import EngineSettingError, StaleIndexError

WHOOSH = "whoosh"
TANTIVY = "tantivy"
ENGINES = (WHOOSH, TANTIVY)
ENGINE_VARIABLE = "LEXSEARCH_ENGINE"


def engine_setting() -> str | None:
    """`$LEXSEARCH_ENGINE` when set (checked), else None."""
    value = os.environ.get(ENGINE_VARIABLE, "").strip().lower()
    if not value:
        return None
    if value not in ENGINES:
        raise EngineSettingError(
            f"{ENGINE_VARIABLE}={value!r} : moteur inconnu (valeurs possibles : {', '.join(ENGINES)})"
        )
    return value


def build_engine(requested: str | None = None, current: str | None = None) -> str:
    """The engine a new build uses: the one asked for, else the setting, else the `current` index's (a
    rebuild keeps its engine), else Whoosh."""
    engine = (requested or engine_setting() or current or WHOOSH).lower()
    if engine not in ENGINES:
        raise EngineSettingError(f"moteur inconnu : {engine!r} (valeurs possibles : {', '.join(ENGINES)})")
    return engine


def check_engine(directory: Path, recorded: str) -> None:
    """Refuse an index written by another engine than the one the setting asks for."""
    if recorded not in ENGINES:
        raise StaleIndexError(
            f"{directory}: index écrit par un moteur inconnu ({recorded!r}) ; reconstruisez-le avec "
            "`lexsearch index`"
        )
    wanted = engine_setting()
    if wanted is not None and wanted != recorded:
        raise StaleIndexError(
            f"{directory}: index construit avec {recorded}, {ENGINE_VARIABLE} demande {wanted} ; "
            f"reconstruisez-le avec `lexsearch index --engine {wanted}`"
        )
