"""French code titles, their Légifrance ids, the ways texts name them and their usual abbreviations.

Data only. The list starts from the codes the Code du travail links to (the `title` / `cidTexte` of the
Légifrance links in its `texteHtml`, snapshot 2026-03-27) and adds the other codes in force, so that a
citation of any code is attributed to that code and never to the default one.

Each entry: (title, code_id, spoken names, abbreviations, alias ids).
- spoken names are matched case- and accent-insensitively, longest first, after "du", "de la", "au"…;
- abbreviations are matched as written (dots and spaces optional), because "CSS" or "CGI" in lowercase
  are ordinary words;
- alias ids are other LEGITEXT ids Légifrance uses in links for the same code (the rural code is linked
  under the id of the former "Code rural", the corpus snapshot carries the newer one).
"""

from __future__ import annotations

CODES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("Code du travail", "LEGITEXT000006072050", ("code du travail",), ("C. trav.", "C. du trav."), ()),
    (
        "Code du travail applicable à Mayotte",
        "LEGITEXT000006072052",
        (
            "code du travail applicable à Mayotte",
            "code du travail applicable dans la collectivité de Mayotte",
        ),
        (),
        (),
    ),
    ("Code du travail maritime", "LEGITEXT000006072051", ("code du travail maritime",), (), ()),
    (
        "Code de la sécurité sociale",
        "LEGITEXT000006073189",
        ("code de la sécurité sociale", "code de sécurité sociale", "code la sécurité sociale"),
        ("CSS", "C. séc. soc.", "C. sécu."),
        (),
    ),
    ("Code pénal", "LEGITEXT000006070719", ("code pénal",), ("C. pén.",), ()),
    (
        "Code de commerce",
        "LEGITEXT000005634379",
        ("code de commerce", "code du commerce"),
        ("C. com.", "C. comm."),
        (),
    ),
    (
        "Code de l'action sociale et des familles",
        "LEGITEXT000006074069",
        ("code de l'action sociale et des familles",),
        ("CASF", "C. action soc. fam."),
        (),
    ),
    (
        "Code de la santé publique",
        "LEGITEXT000006072665",
        ("code de la santé publique",),
        ("CSP", "C. santé publ."),
        (),
    ),
    (
        "Code de l'entrée et du séjour des étrangers et du droit d'asile",
        "LEGITEXT000006070158",
        ("code de l'entrée et du séjour des étrangers et du droit d'asile",),
        ("CESEDA",),
        (),
    ),
    (
        "Code rural et de la pêche maritime",
        "LEGITEXT000022197698",
        ("code rural et de la pêche maritime", "code rural"),
        ("CRPM", "C. rur."),
        ("LEGITEXT000006071367",),
    ),
    (
        "Code de l'environnement",
        "LEGITEXT000006074220",
        ("code de l'environnement",),
        ("C. envir.", "C. env."),
        (),
    ),
    ("Code général des impôts", "LEGITEXT000006069577", ("code général des impôts",), ("CGI",), ()),
    (
        "Code général des impôts, annexe 1",
        "LEGITEXT000006069568",
        ("annexe I au code général des impôts", "annexe 1 au code général des impôts"),
        ("CGIAN1",),
        (),
    ),
    (
        "Code général des impôts, annexe 2",
        "LEGITEXT000006069569",
        ("annexe II au code général des impôts", "annexe 2 au code général des impôts"),
        ("CGIAN2",),
        (),
    ),
    (
        "Code général des impôts, annexe 3",
        "LEGITEXT000006069574",
        ("annexe III au code général des impôts", "annexe 3 au code général des impôts"),
        ("CGIAN3",),
        (),
    ),
    (
        "Code général des impôts, annexe 4",
        "LEGITEXT000006069576",
        ("annexe IV au code général des impôts", "annexe 4 au code général des impôts"),
        ("CGIAN4",),
        (),
    ),
    (
        "Code monétaire et financier",
        "LEGITEXT000006072026",
        ("code monétaire et financier",),
        ("CMF", "C. mon. fin."),
        (),
    ),
    (
        "Code de procédure civile",
        "LEGITEXT000006070716",
        ("code de procédure civile",),
        ("CPC", "C. pr. civ."),
        (),
    ),
    ("Code de l'éducation", "LEGITEXT000006071191", ("code de l'éducation",), ("C. éduc.",), ()),
    (
        "Code de la construction et de l'habitation",
        "LEGITEXT000006074096",
        ("code de la construction et de l'habitation",),
        ("CCH",),
        (),
    ),
    ("Code civil", "LEGITEXT000006070721", ("code civil",), ("C. civ.",), ()),
    ("Code des transports", "LEGITEXT000023086525", ("code des transports",), ("C. transp.",), ()),
    (
        "Livre des procédures fiscales",
        "LEGITEXT000006069583",
        ("livre des procédures fiscales",),
        ("LPF",),
        (),
    ),
    (
        "Code général des collectivités territoriales",
        "LEGITEXT000006070633",
        ("code général des collectivités territoriales",),
        ("CGCT",),
        (),
    ),
    (
        "Code des relations entre le public et l'administration",
        "LEGITEXT000031366350",
        ("code des relations entre le public et l'administration",),
        ("CRPA",),
        (),
    ),
    ("Code de la défense", "LEGITEXT000006071307", ("code de la défense",), ("C. déf.",), ()),
    (
        "Code minier",
        "LEGITEXT000023501962",
        ("code minier (nouveau)", "nouveau code minier", "code minier"),
        (),
        ("LEGITEXT000006071785",),
    ),
    (
        "Code de la sécurité intérieure",
        "LEGITEXT000025503132",
        ("code de la sécurité intérieure",),
        ("CSI",),
        (),
    ),
    (
        "Code de l'organisation judiciaire",
        "LEGITEXT000006071164",
        ("code de l'organisation judiciaire",),
        ("COJ",),
        (),
    ),
    ("Code de l'urbanisme", "LEGITEXT000006074075", ("code de l'urbanisme",), ("C. urb.",), ()),
    (
        "Code des pensions militaires d'invalidité et des victimes de guerre",
        "LEGITEXT000031712069",
        (
            "code des pensions militaires d'invalidité et des victimes de guerre",
            "code des pensions militaires d'invalidité et des victimes de la guerre",
        ),
        ("CPMIVG",),
        ("LEGITEXT000006074068",),
    ),
    (
        "Code de procédure pénale",
        "LEGITEXT000006071154",
        ("code de procédure pénale",),
        ("CPP", "C. pr. pén."),
        (),
    ),
    ("Code du service national", "LEGITEXT000006071335", ("code du service national",), (), ()),
    ("Code de la mutualité", "LEGITEXT000006074067", ("code de la mutualité",), ("C. mut.",), ()),
    (
        "Code général de la fonction publique",
        "LEGITEXT000044416551",
        ("code général de la fonction publique",),
        ("CGFP",),
        (),
    ),
    ("Code pénitentiaire", "LEGITEXT000045476241", ("code pénitentiaire",), (), ()),
    ("Code électoral", "LEGITEXT000006070239", ("code électoral",), ("C. élect.",), ()),
    (
        "Code de la propriété intellectuelle",
        "LEGITEXT000006069414",
        ("code de la propriété intellectuelle",),
        ("CPI",),
        (),
    ),
    ("Code de l'artisanat", "LEGITEXT000006075116", ("code de l'artisanat",), (), ()),
    ("Code de la commande publique", "LEGITEXT000037701019", ("code de la commande publique",), ("CCP",), ()),
    (
        "Code des postes et des communications électroniques",
        "LEGITEXT000006070987",
        ("code des postes et des communications électroniques", "code des postes et télécommunications"),
        ("CPCE",),
        (),
    ),
    (
        "Code de justice administrative",
        "LEGITEXT000006070933",
        ("code de justice administrative",),
        ("CJA",),
        (),
    ),
    (
        "Code de la consommation",
        "LEGITEXT000006069565",
        ("code de la consommation",),
        ("C. consom.", "C. conso."),
        (),
    ),
    (
        "Code du cinéma et de l'image animée",
        "LEGITEXT000020908868",
        ("code du cinéma et de l'image animée",),
        (),
        (),
    ),
    ("Code du tourisme", "LEGITEXT000006074073", ("code du tourisme",), ("C. tourisme",), ()),
    ("Code du sport", "LEGITEXT000006071318", ("code du sport",), ("C. sport",), ()),
    (
        "Code des pensions civiles et militaires de retraite",
        "LEGITEXT000006070302",
        (
            "code des pensions civiles et militaires de retraite",
            "code des pensions civiles et militaires de retraites",
        ),
        (),
        (),
    ),
    ("Code de la route", "LEGITEXT000006074228", ("code de la route",), ("C. route",), ()),
    ("Code de l'aviation civile", "LEGITEXT000006074234", ("code de l'aviation civile",), (), ()),
    ("Code des assurances", "LEGITEXT000006073984", ("code des assurances",), ("C. assur.",), ()),
    ("Code de l'énergie", "LEGITEXT000023983208", ("code de l'énergie",), ("C. énergie",), ()),
    ("Code du patrimoine", "LEGITEXT000006074236", ("code du patrimoine",), ("C. patr.",), ()),
    ("Code de la recherche", "LEGITEXT000006071190", ("code de la recherche",), (), ()),
    ("Code des douanes", "LEGITEXT000006071570", ("code des douanes",), (), ()),
    (
        "Code des juridictions financières",
        "LEGITEXT000006070249",
        ("code des juridictions financières",),
        ("CJF",),
        (),
    ),
    (
        "Code des procédures civiles d'exécution",
        "LEGITEXT000025024948",
        ("code des procédures civiles d'exécution",),
        (),
        (),
    ),
    ("Code de la voirie routière", "LEGITEXT000006070667", ("code de la voirie routière",), (), ()),
    (
        "Code de l'expropriation pour cause d'utilité publique",
        "LEGITEXT000006074224",
        ("code de l'expropriation pour cause d'utilité publique",),
        (),
        (),
    ),
    (
        "Code général de la propriété des personnes publiques",
        "LEGITEXT000006070299",
        ("code général de la propriété des personnes publiques",),
        ("CGPPP",),
        (),
    ),
    (
        "Code du domaine public fluvial et de la navigation intérieure",
        "LEGITEXT000006074237",
        ("code du domaine public fluvial et de la navigation intérieure",),
        (),
        (),
    ),
    ("Code des ports maritimes", "LEGITEXT000006074233", ("code des ports maritimes",), (), ()),
    (
        "Code forestier",
        "LEGITEXT000025244092",
        ("code forestier (nouveau)", "code forestier"),
        (),
        ("LEGITEXT000006071514",),
    ),
    (
        "Code de la famille et de l'aide sociale",
        "LEGITEXT000006072637",
        ("code de la famille et de l'aide sociale",),
        (),
        (),
    ),
    ("Code des communes", "LEGITEXT000006070162", ("code des communes",), (), ()),
    (
        "Code disciplinaire et pénal de la marine marchande",
        "LEGITEXT000006071188",
        ("code disciplinaire et pénal de la marine marchande",),
        (),
        (),
    ),
)

# Codes whose legislative articles carry no "L" (Code pénal "433-3", Code civil "1343-5"): an "L. 433-3 du
# code pénal" in a text means article 433-3 (the Code du travail has several such slips, which Légifrance
# links to the unprefixed article).
UNPREFIXED_CODES: frozenset[str] = frozenset(
    {
        "Code civil",
        "Code pénal",
        "Code de procédure civile",
        "Code de procédure pénale",
        "Code général des impôts",
    }
)
