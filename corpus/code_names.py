"""Which code is which: French code titles, their Légifrance (LEGITEXT) ids and the other ids Légifrance
links them under.

Data only, plus the lookup the sources need. A code's identity is corpus knowledge: every source must give
the same code the same id (the one Légifrance gives it), whatever the source calls it, so that a citation
resolved by `analyzers` finds the articles of a git export or an Archéo Lex history as well as those of a
Légifrance snapshot. How texts *name* codes (spoken names, abbreviations) is analysis data and lives in
`analyzers.code_names`, built on this table.

The list starts from the codes the Code du travail links to (the `title` / `cidTexte` of the Légifrance
links in its `texteHtml`, snapshot 2026-03-27) and adds the other codes in force. Alias ids are other
LEGITEXT ids Légifrance uses in links for the same code (the rural code is linked under the id of the
former "Code rural", the corpus snapshot carries the newer one).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from unidecode import unidecode


class CodeIdentity(NamedTuple):
    title: str
    code_id: str  # LEGITEXT…
    alias_ids: tuple[str, ...] = ()


CODE_IDENTITIES: tuple[CodeIdentity, ...] = (
    CodeIdentity("Code du travail", "LEGITEXT000006072050"),
    CodeIdentity("Code du travail applicable à Mayotte", "LEGITEXT000006072052"),
    CodeIdentity("Code du travail maritime", "LEGITEXT000006072051"),
    CodeIdentity("Code de la sécurité sociale", "LEGITEXT000006073189"),
    CodeIdentity("Code pénal", "LEGITEXT000006070719"),
    CodeIdentity("Code de commerce", "LEGITEXT000005634379"),
    CodeIdentity("Code de l'action sociale et des familles", "LEGITEXT000006074069"),
    CodeIdentity("Code de la santé publique", "LEGITEXT000006072665"),
    CodeIdentity("Code de l'entrée et du séjour des étrangers et du droit d'asile", "LEGITEXT000006070158"),
    CodeIdentity("Code rural et de la pêche maritime", "LEGITEXT000022197698", ("LEGITEXT000006071367",)),
    CodeIdentity("Code de l'environnement", "LEGITEXT000006074220"),
    CodeIdentity("Code général des impôts", "LEGITEXT000006069577"),
    CodeIdentity("Code général des impôts, annexe 1", "LEGITEXT000006069568"),
    CodeIdentity("Code général des impôts, annexe 2", "LEGITEXT000006069569"),
    CodeIdentity("Code général des impôts, annexe 3", "LEGITEXT000006069574"),
    CodeIdentity("Code général des impôts, annexe 4", "LEGITEXT000006069576"),
    CodeIdentity("Code monétaire et financier", "LEGITEXT000006072026"),
    CodeIdentity("Code de procédure civile", "LEGITEXT000006070716"),
    CodeIdentity("Code de l'éducation", "LEGITEXT000006071191"),
    CodeIdentity("Code de la construction et de l'habitation", "LEGITEXT000006074096"),
    CodeIdentity("Code civil", "LEGITEXT000006070721"),
    CodeIdentity("Code des transports", "LEGITEXT000023086525"),
    CodeIdentity("Livre des procédures fiscales", "LEGITEXT000006069583"),
    CodeIdentity("Code général des collectivités territoriales", "LEGITEXT000006070633"),
    CodeIdentity("Code des relations entre le public et l'administration", "LEGITEXT000031366350"),
    CodeIdentity("Code de la défense", "LEGITEXT000006071307"),
    CodeIdentity("Code minier", "LEGITEXT000023501962"),
    CodeIdentity("Code de la sécurité intérieure", "LEGITEXT000025503132"),
    CodeIdentity("Code de l'organisation judiciaire", "LEGITEXT000006071164"),
    CodeIdentity("Code de l'urbanisme", "LEGITEXT000006074075"),
    CodeIdentity(
        "Code des pensions militaires d'invalidité et des victimes de guerre",
        "LEGITEXT000031712069",
        ("LEGITEXT000006074068",),
    ),
    CodeIdentity("Code de procédure pénale", "LEGITEXT000006071154"),
    CodeIdentity("Code du service national", "LEGITEXT000006071335"),
    CodeIdentity("Code de la mutualité", "LEGITEXT000006074067"),
    CodeIdentity("Code général de la fonction publique", "LEGITEXT000044416551"),
    CodeIdentity("Code pénitentiaire", "LEGITEXT000045476241"),
    CodeIdentity("Code électoral", "LEGITEXT000006070239"),
    CodeIdentity("Code de la propriété intellectuelle", "LEGITEXT000006069414"),
    CodeIdentity("Code de l'artisanat", "LEGITEXT000006075116"),
    CodeIdentity("Code de la commande publique", "LEGITEXT000037701019"),
    CodeIdentity("Code des postes et des communications électroniques", "LEGITEXT000006070987"),
    CodeIdentity("Code de justice administrative", "LEGITEXT000006070933"),
    CodeIdentity("Code de la consommation", "LEGITEXT000006069565"),
    CodeIdentity("Code du cinéma et de l'image animée", "LEGITEXT000020908868"),
    CodeIdentity("Code du tourisme", "LEGITEXT000006074073"),
    CodeIdentity("Code du sport", "LEGITEXT000006071318"),
    CodeIdentity("Code des pensions civiles et militaires de retraite", "LEGITEXT000006070302"),
    CodeIdentity("Code de la route", "LEGITEXT000006074228"),
    CodeIdentity("Code de l'aviation civile", "LEGITEXT000006074234"),
    CodeIdentity("Code des assurances", "LEGITEXT000006073984"),
    CodeIdentity("Code de l'énergie", "LEGITEXT000023983208"),
    CodeIdentity("Code du patrimoine", "LEGITEXT000006074236"),
    CodeIdentity("Code de la recherche", "LEGITEXT000006071190"),
    CodeIdentity("Code des douanes", "LEGITEXT000006071570"),
    CodeIdentity("Code des juridictions financières", "LEGITEXT000006070249"),
    CodeIdentity("Code des procédures civiles d'exécution", "LEGITEXT000025024948"),
    CodeIdentity("Code de la voirie routière", "LEGITEXT000006070667"),
    CodeIdentity("Code de l'expropriation pour cause d'utilité publique", "LEGITEXT000006074224"),
    CodeIdentity("Code général de la propriété des personnes publiques", "LEGITEXT000006070299"),
    CodeIdentity("Code du domaine public fluvial et de la navigation intérieure", "LEGITEXT000006074237"),
    CodeIdentity("Code des ports maritimes", "LEGITEXT000006074233"),
    CodeIdentity("Code forestier", "LEGITEXT000025244092", ("LEGITEXT000006071514",)),
    CodeIdentity("Code de la famille et de l'aide sociale", "LEGITEXT000006072637"),
    CodeIdentity("Code des communes", "LEGITEXT000006070162"),
    CodeIdentity("Code disciplinaire et pénal de la marine marchande", "LEGITEXT000006071188"),
    # Codes of the all-codes export to 2015 (ids from Légifrance's list of codes of the LEGI base).
    CodeIdentity("Code de déontologie des architectes", "LEGITEXT000006074232"),
    CodeIdentity("Code de justice militaire", "LEGITEXT000006071360"),
    CodeIdentity("Code de la Légion d'honneur et de la médaille militaire", "LEGITEXT000006071007"),
    CodeIdentity("Code des communes de la Nouvelle-Calédonie", "LEGITEXT000006070300"),
    CodeIdentity("Code des douanes de Mayotte", "LEGITEXT000006071645"),
    CodeIdentity("Code des instruments monétaires et des médailles", "LEGITEXT000006070666"),
    CodeIdentity("Code des marchés publics", "LEGITEXT000005627819"),
    CodeIdentity(
        "Code des pensions de retraite des marins français du commerce, de pêche ou de plaisance",
        "LEGITEXT000006074066",
    ),
    CodeIdentity("Code du domaine de l'État", "LEGITEXT000006070208"),
    CodeIdentity(
        "Code du domaine de l'État et des collectivités publiques applicable à la collectivité "
        "territoriale de Mayotte",
        "LEGITEXT000006074235",
    ),
    CodeIdentity("Code minier (ancien)", "LEGITEXT000006071785"),
    CodeIdentity("Code rural (ancien)", "LEGITEXT000006071366"),
)

# How Légifrance titles some codes (and exports made from it, such as the all-codes git history), where
# that differs from the canonical title above: "Code minier" is there the code replaced in 2011, the
# current one being "Code minier (nouveau)"; the tax code carries its abbreviation.
LEGIFRANCE_TITLES: dict[str, str] = {
    "Code minier": "Code minier (ancien)",
    "Code minier (nouveau)": "Code minier",
    "Code forestier (nouveau)": "Code forestier",
    "Code rural": "Code rural et de la pêche maritime",
    "Code rural ancien": "Code rural (ancien)",
    "Code de justice militaire (nouveau)": "Code de justice militaire",
    "Code général des impôts, CGI": "Code général des impôts",
    "Code général des impôts annexe 1, CGIAN1": "Code général des impôts, annexe 1",
    "Code général des impôts, annexe 2, CGIAN2": "Code général des impôts, annexe 2",
    "Code général des impôts, annexe 3, CGIAN3": "Code général des impôts, annexe 3",
    "Code général des impôts, annexe 4, CGIAN4": "Code général des impôts, annexe 4",
    "Code des pensions militaires d'invalidité et des victimes de la guerre": (
        "Code des pensions militaires d'invalidité et des victimes de guerre"
    ),
}


def _fold(title: str) -> str:
    """Accents, case and punctuation ignored, so a title and its slug fold alike:
    "Code de l'éducation" and "code-de-l-education" → "code de l education"."""
    return re.sub(r"[^a-z0-9]+", " ", unidecode(title).lower()).strip()


_ID_BY_TITLE: dict[str, str] = {_fold(code.title): code.code_id for code in CODE_IDENTITIES}
_BY_TITLE: dict[str, CodeIdentity] = {_fold(code.title): code for code in CODE_IDENTITIES}
_LEGIFRANCE: dict[str, CodeIdentity] = {
    _fold(variant): _BY_TITLE[_fold(title)] for variant, title in LEGIFRANCE_TITLES.items()
}


def code_id_for_title(title: str) -> str | None:
    """The Légifrance id of the code with this title (accents, case, punctuation ignored), or None when
    the code is not in the table."""
    return _ID_BY_TITLE.get(_fold(title))


def identity_for_legifrance_title(title: str) -> CodeIdentity | None:
    """The code a Légifrance-style title names ("Code Minier (Nouveau)", "Code Général Des Impôts, Cgi"),
    accents, case and punctuation ignored; None when the code is not in the table."""
    folded = _fold(title)
    return _LEGIFRANCE.get(folded) or _BY_TITLE.get(folded)
