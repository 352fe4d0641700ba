"""Everyday wordings of the contract, its end and health at work → the Code du travail's wording.

Data only; the rules for an entry are in analyzers.lay_wordings, which assembles the topics.
"""

from __future__ import annotations

# Hiring, the contract and its kinds.
CONTRACTS: dict[str, tuple[str, ...]] = {
    # Clipped forms of the code's names, as people type them ("contrat pro").
    "contrat pro": ("contrat de professionnalisation",),
    "freelance": ("travailleur indépendant",),
    "auto-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "micro-entrepreneur": ("travailleur indépendant", "lien de subordination"),
    "indépendant": ("travailleur indépendant", "lien de subordination"),
    "intérim": ("travail temporaire",),
    # Platform workers (drivers, riders): the code's "plateformes de mise en relation par voie
    # électronique" (L. 7341-1).
    **dict.fromkeys(
        (
            "uber",
            "deliveroo",
            "vtc",
            "chauffeur vtc",
            "plateforme numérique",
            "plateformes numériques",
            "travailleur de plateforme",
            "travailleurs de plateforme",
            "travailleurs des plateformes",
        ),
        ("plateformes de mise en relation par voie électronique",),
    ),
    **dict.fromkeys(("pigiste", "pigistes", "journaliste pigiste"), ("journaliste professionnel",)),
    # Not "intermittent" alone: the code's "travail intermittent" is a kind of contract (L. 3123-33).
    **dict.fromkeys(
        ("intermittent du spectacle", "intermittents du spectacle", "intermittente du spectacle"),
        ("artistes du spectacle",),
    ),
    # Work-study: the two contracts of the code's "formation en alternance". Not "alternance" alone,
    # the code's own word: typed beside one contract's name it brought the other contract in.
    **dict.fromkeys(
        (
            "alternant",
            "alternante",
            "alternants",
            "contrat d'alternance",
            "contrat en alternance",
            "contrats en alternance",
        ),
        ("contrat d'apprentissage", "contrat de professionnalisation"),
    ),
    # A fixed-term contract "d'usage" (extras in hotels, events…): the code's "usage constant de ne pas
    # recourir au contrat de travail à durée indéterminée" (L. 1242-2, 3°). Not "extras" alone, also
    # said of overtime ("heures extras"). Keyed with "CDD", the key
    # replaces the abbreviation's expansion, so the contract's name is offered again.
    **dict.fromkeys(
        ("cdd d'usage", "cdd usage", "cddu", "contrat d'usage", "contrat d'extra"),
        ("usage constant", "contrat de travail à durée déterminée"),
    ),
    **dict.fromkeys(("cdi de chantier", "cdi chantier"), ("contrat de chantier ou d'opération",)),
    **dict.fromkeys(
        ("contrat saisonnier", "contrats saisonniers", "contrat de saison", "job saisonnier"),
        ("emploi à caractère saisonnier",),
    ),
    # A first medical visit at hiring: since 2017 the code's "visite d'information et de prévention".
    **dict.fromkeys(
        ("visite d'embauche", "visite médicale d'embauche", "visite médicale embauche"),
        ("visite d'information et de prévention",),
    ),
    # Yearly appraisals: the code's rule on evaluation methods (L. 1222-3) and its own interview.
    **dict.fromkeys(
        (
            "entretien annuel",
            "entretiens annuels",
            "entretien d'évaluation",
            "entretiens d'évaluation",
            "évaluation annuelle",
        ),
        ("méthodes et techniques d'évaluation", "entretien professionnel"),
    ),
    # Working from home: "télétravail" (L. 1222-9).
    **dict.fromkeys(
        (
            "distanciel",
            "home office",
            "travail à distance",
            "travailler à distance",
            "télé-travail",
        ),
        ("télétravail",),
    ),
    # Undeclared work, foreign workers without a permit (Livre II of the eighth part).
    **dict.fromkeys(
        (
            "travail au noir",
            "au noir",
            "au black",
            "travail non déclaré",
            "emploi non déclaré",
            "salarié non déclaré",
            "salariée non déclarée",
        ),
        ("travail dissimulé",),
    ),
    **dict.fromkeys(
        ("sans papiers", "sans-papiers", "sans titre de séjour"),
        ("étranger non muni du titre", "titre l'autorisant à exercer une activité salariée"),
    ),
    # A takeover: the code's "modification dans la situation juridique de l'employeur" (L. 1224-1). Not
    # "rachat" alone: the code's "rachat" is the buy-back of savings plans' units.
    **dict.fromkeys(
        (
            "entreprise rachetée",
            "société rachetée",
            "a été rachetée",
            "a été racheté",
            "rachat de l'entreprise",
            "rachat de la société",
            "rachat d'entreprise",
            "changement d'employeur",
            "changement de propriétaire",
            "nouveau propriétaire",
            "repreneur",
        ),
        ("modification dans la situation juridique de l'employeur",),
    ),
    # Working abroad for a group: the return from a "filiale étrangère" (L. 1231-5).
    **dict.fromkeys(
        ("travailler à l'étranger", "expatriation", "expatrié", "expatriée"), ("filiale étrangère",)
    ),
    # Minors at work: the code's "jeunes travailleurs" (Livre III of the third part, L. 4153-1).
    **dict.fromkeys(("mineur", "mineure", "mineurs", "mineures"), ("jeunes travailleurs",)),
    # Summer jobs of the young: the minors' work during "vacances scolaires" (L. 4153-3).
    **dict.fromkeys(
        ("job d'été", "jobs d'été", "job de vacances"), ("vacances scolaires", "jeunes travailleurs")
    ),
    # What counts towards seniority: the code says a leave or a period is taken into account "pour la
    # détermination des droits que le salarié tient de son ancienneté" (L. 1225-24, L. 1225-54, …).
    **dict.fromkeys(
        (
            "calcul de l'ancienneté",
            "calcul ancienneté",
            "calculer l'ancienneté",
            "calcul de mon ancienneté",
            "calcul de son ancienneté",
        ),
        ("tient de son ancienneté",),
    ),
}

# Ending the contract.
ENDING: dict[str, tuple[str, ...]] = {
    "démissionner": ("démission",),
    # Leaving a fixed-term contract early: the code's CDD "ne peut être rompu avant l'échéance du terme"
    # but in the cases it lists, its "rupture anticipée" (L. 1243-1 to L. 1243-4). Keys holding "CDD"
    # offer its expansion again.
    **dict.fromkeys(
        (
            "démission cdd",
            "démission d'un cdd",
            "démission en cdd",
            "démissionner d'un cdd",
            "démissionner en cdd",
            "rompre mon cdd",
            "rompre un cdd",
            "quitter mon cdd",
            "quitter un cdd",
        ),
        ("rompu avant l'échéance du terme", "rupture anticipée", "contrat de travail à durée déterminée"),
    ),
    # Extending a fixed-term contract: the code says it is "renouvelable" (L. 1243-13).
    **dict.fromkeys(
        (
            "prolongation cdd",
            "prolongation de cdd",
            "prolongation du cdd",
            "prolongation d'un cdd",
            "prolonger un cdd",
            "prolonger mon cdd",
        ),
        ("renouvelable", "contrat de travail à durée déterminée"),
    ),
    # The employee ending the trial period: "lorsqu'il est mis fin à la période d'essai par le salarié"
    # (L. 1221-26); "démission" would lead to the resignation of a confirmed contract.
    **dict.fromkeys(
        (
            "démission pendant la période d'essai",
            "démission en période d'essai",
            "démissionner pendant la période d'essai",
            "démissionner en période d'essai",
            "quitter pendant la période d'essai",
            "partir pendant la période d'essai",
            "rompre sa période d'essai",
            "rompre ma période d'essai",
        ),
        ("mis fin à la période d'essai par le salarié",),
    ),
    # Changing what the contract says (its hours, an amendment): the employer proposes "la modification
    # d'un élément essentiel du contrat de travail", which the employee may refuse (L. 1222-6,
    # L. 1233-3). The schedule's own articles still match the words typed.
    **dict.fromkeys(
        (
            "avenant",
            "avenants",
            "avenant au contrat",
            "avenant au contrat de travail",
            "réduction d'horaires",
            "réduction des horaires",
            "baisse d'horaires",
            "baisse des horaires",
            "changement d'horaires",
            "changement des horaires",
            "changement de mes horaires",
            "changer mes horaires",
            "changer les horaires",
            "modification des horaires",
            "modification de mes horaires",
            "modification d'horaires",
        ),
        ("élément essentiel du contrat de travail",),
    ),
    "licencier": ("licenciement",),
    "virer": ("licenciement",),
    "viré": ("licenciement",),
    "renvoyé": ("licenciement",),
    "licenciement abusif": ("sans cause réelle et sérieuse",),
    "licenciement éco": ("licenciement pour motif économique",),
    # Short-time working under its old and everyday names: since 2013 the code's "activité partielle".
    **dict.fromkeys(("chômage partiel", "chômage technique"), ("activité partielle",)),
    # A job cut: "suppression ou transformation d'emploi" (L. 1233-3), "suppressions d'emplois".
    **dict.fromkeys(
        (
            "poste supprimé",
            "postes supprimés",
            "suppression de poste",
            "suppression de postes",
            "suppression du poste",
            "suppression de mon poste",
            "poste est supprimé",
            "poste a été supprimé",
        ),
        ("suppression ou transformation d'emploi", "suppressions d'emplois"),
    ),
    "rupture amiable": ("rupture conventionnelle",),
    "rupture à l'amiable": ("rupture conventionnelle",),
    "départ à l'amiable": ("rupture conventionnelle",),
    "départ négocié": ("rupture conventionnelle",),
    # Everyday verbs for the acts the code names with nouns: leaving a job is a resignation or a
    # breach of the contract (the code's "rupture"), breaking it is a "rupture".
    "quitter": ("démission", "rupture"),
    "rompre": ("rupture",),
    # Not coming back, however told: "abandonné volontairement son poste" (L. 1237-1-1).
    **dict.fromkeys(
        (
            "abandon de poste",
            "absence injustifiée",
            "absences injustifiées",
            "ne revient pas",
            "ne revient plus",
            "ne vient plus",
            "ne se présente plus",
        ),
        ("abandonné volontairement son poste",),
    ),
    # What the employer owes when the contract ends: the "reçu pour solde de tout compte" lists it
    # (L. 1234-20), with the "indemnité compensatrice de congé" of the leave not taken (L. 3141-28).
    **dict.fromkeys(
        (
            "sommes dues à la fin du contrat",
            "sommes versées à la fin du contrat",
            "sommes dues en fin de contrat",
            "sommes de fin de contrat",
            "sommes fin de contrat",
        ),
        ("solde de tout compte", "indemnité compensatrice de congé"),
    ),
    "documents de fin de contrat": (
        "certificat de travail",
        "solde de tout compte",
        "attestations et justifications",
    ),
    # The unemployment-insurance form the employer hands over: the code says "les attestations et
    # justifications" that let the employee claim the benefits (R. 1234-9), under the heading
    # "Attestation d'assurance chômage"; ASSEDIC alone would offer the benefits' own articles.
    **dict.fromkeys(
        (
            "attestation assedic",
            "attestation pôle emploi",
            "attestation france travail",
            "attestation chômage",
            "attestation employeur",
        ),
        ("attestations et justifications",),
    ),
    # How long one has to go to court: the code's "se prescrit par deux ans / douze mois" (L. 1471-1).
    **dict.fromkeys(
        ("délai pour contester", "délai pour saisir", "délai pour agir", "délai pour attaquer"),
        ("se prescrit",),
    ),
    # Notice not worked: the code's "inexécution du préavis" (L. 1234-5) and the indemnity it pays.
    **dict.fromkeys(
        (
            "dispense de préavis",
            "dispensé de préavis",
            "dispense du préavis",
            "dispensé du préavis",
            "préavis non effectué",
            "préavis non exécuté",
            "préavis non travaillé",
        ),
        ("inexécution du préavis", "indemnité compensatrice de préavis"),
    ),
    # A suspension pending a dismissal: the code's "mesure conservatoire de mise à pied" (L. 1332-3).
    **dict.fromkeys(
        (
            "mise à pied conservatoire",
            "mises à pied conservatoires",
            "mise à pied à titre conservatoire",
            "map conservatoire",
        ),
        ("mesure conservatoire de mise à pied",),
    ),
    # The participle, as people tell it ("on m'a mis à pied"): the code's noun.
    "mis à pied": ("mise à pied",),
    **dict.fromkeys(
        ("partir à la retraite", "partir en retraite", "prendre sa retraite", "prendre ma retraite"),
        ("départ à la retraite",),
    ),
    # Being accompanied at an interview (prior to a dismissal, a sanction, a rupture conventionnelle):
    # the code's "se faire assister" (L. 1232-4, L. 1332-2, L. 1237-12).
    **dict.fromkeys(
        (
            "se faire accompagner",
            "me faire accompagner",
            "venir accompagné",
            "venir accompagnée",
            "être accompagné",
            "être accompagnée",
        ),
        ("se faire assister",),
    ),
    # The end-of-contract payment of a fixed-term worker, however it is called. Not also the temporary
    # worker's "indemnité de fin de mission": its article says "précarité" itself, and offered here it
    # came before the fixed-term contract's rules for a question about a CDD.
    **dict.fromkeys(
        ("prime de précarité", "prime précarité", "prime de fin de contrat"),
        ("indemnité de fin de contrat",),
    ),
    "prime de fin de mission": ("indemnité de fin de mission",),
    # A party absent at the hearing (conciliation, judgment): the code's procedure says it "ne comparaît
    # pas" (R. 1454-12, R. 1454-13, R. 1454-20).
    **dict.fromkeys(
        ("ne se présente pas", "ne se présentent pas", "ne vient pas à l'audience"),
        ("ne comparaît pas",),
    ),
}

# Sickness, accidents and health at work.
HEALTH: dict[str, tuple[str, ...]] = {
    # Pregnancy: the code protects the employee "en état de grossesse" (L. 1225-1 and following) and
    # says "enceinte" of a building's enclosure as often as of a pregnant woman.
    **dict.fromkeys(
        (
            "enceinte",
            "femme enceinte",
            "femmes enceintes",
            "salariée enceinte",
            "salariées enceintes",
            "je suis enceinte",
        ),
        ("état de grossesse",),
    ),
    # The medical check after a sick leave: the code's "examen de reprise" (R. 4624-31), and the one
    # before the return, "examen de préreprise".
    **dict.fromkeys(
        ("visite de reprise", "visites de reprise", "visite médicale de reprise", "visite reprise"),
        ("examen de reprise",),
    ),
    **dict.fromkeys(
        ("visite de pré-reprise", "visite de préreprise", "visite pré-reprise", "visite préreprise"),
        ("examen de préreprise",),
    ),
    # The unpaid first days of a sick leave: the code's "délai d'indemnisation" (D. 1226-3) of the
    # employer's "indemnité complémentaire" (L. 1226-1).
    **dict.fromkeys(
        ("jour de carence", "jours de carence", "carence maladie"),
        ("délai d'indemnisation", "indemnité complémentaire"),
    ),
    # Pay during a sick leave or after a work accident: the employer's "indemnité complémentaire" to
    # the daily allowance (L. 1226-1, D. 1226-1). The code says "maintien du salaire" of an apprentice's
    # exam leave too (L. 6222-35): the typed words still find it. Not "maintien de la rémunération",
    # which the code says of paid leave for training or a mandate.
    **dict.fromkeys(
        (
            "maintien de salaire",
            "maintien du salaire",
            "maintenir le salaire",
            "maintenir mon salaire",
            "salaire maintenu",
        ),
        ("indemnité complémentaire",),
    ),
    # A part-time return on medical advice: the occupational doctor's "mesures d'aménagement du temps
    # de travail" (L. 4624-3); the benefit itself is the Code de la sécurité sociale's.
    **dict.fromkeys(
        ("mi-temps thérapeutique", "temps partiel thérapeutique"),
        ("mesures d'aménagement du temps de travail",),
    ),
    "maladie pro": ("maladie professionnelle",),
    # Hurt on the way to or from work: "accident de trajet" (L. 1226-7).
    **dict.fromkeys(
        (
            "en allant au travail",
            "en revenant du travail",
            "en rentrant du travail",
            "sur le trajet",
            "sur le chemin du travail",
        ),
        ("accident de trajet",),
    ),
    "maladies pro": ("maladies professionnelles",),
    "rendez-vous médicaux": ("examens médicaux obligatoires",),
    "rendez-vous médical": ("examens médicaux obligatoires",),
    # Exhaustion and stress at work: the employer's duty for "la santé physique et mentale" (L. 4121-1).
    **dict.fromkeys(
        (
            "burn out",
            "burn-out",
            "burnout",
            "épuisement professionnel",
            "surmenage",
            "risques psychosociaux",
            "stress au travail",
            "souffrance au travail",
        ),
        ("santé physique et mentale",),
    ),
    "sexisme": ("agissements sexistes",),
    **dict.fromkeys(
        ("discriminer", "discriminé", "discriminée", "discriminés", "discriminées"), ("discrimination",)
    ),
    # Drink at work: no "boissons alcoolisées" but wine, beer, cider and perry (R. 4228-20), nobody "en
    # état d'ivresse" (R. 4228-21).
    **dict.fromkeys(
        (
            "alcool",
            "alcool au travail",
            "ivre",
            "ivres",
            "saoul",
            "soûl",
            "bourré",
            "ébriété",
            "alcoolisé",
            "alcoolisée",
            "alcootest",
        ),
        ("état d'ivresse", "boissons alcoolisées"),
    ),
    # Searching an employee's bag or locker: a restriction of individual freedoms (L. 1121-1). Not
    # "fouille" alone: the code's "fouilles" are excavations (R. 4534-24).
    **dict.fromkeys(
        ("fouiller", "fouille des sacs", "fouille du sac", "fouille des casiers", "fouiller les casiers"),
        ("libertés individuelles",),
    ),
    # Looks at work (beard, tattoos, dress): "apparence physique", a ground of discrimination
    # (L. 1132-1), and the restrictions of individual freedoms (L. 1121-1). Not "coiffure", a trade.
    **dict.fromkeys(
        (
            "barbe",
            "tatouage",
            "tatouages",
            "piercing",
            "piercings",
            "dress code",
            "tenue vestimentaire",
            "code vestimentaire",
        ),
        ("apparence physique", "libertés individuelles"),
    ),
    # The verb, as people tell what happens to them ("mon chef me harcèle"): the code's noun.
    **dict.fromkeys(
        ("harceler", "harcèle", "harcèlent", "harcelée", "harcelés", "harcelées", "harcelant"),
        ("harcèlement",),
    ),
    # The hardship account, renamed in 2017: "compte professionnel de prévention".
    **dict.fromkeys(
        ("pénibilité", "compte pénibilité", "compte de pénibilité", "c3p"),
        ("compte professionnel de prévention", "facteurs de risques professionnels"),
    ),
    # Cameras and tracking: a device must be made known to the employee (L. 1222-4) and the CSE
    # consulted on "moyens ou techniques permettant un contrôle de l'activité des salariés" (L. 2312-38).
    **dict.fromkeys(
        (
            "vidéosurveillance",
            "vidéo-surveillance",
            "caméra",
            "caméras",
            "caméra de surveillance",
            "caméras de surveillance",
            "géolocalisation",
            "surveillance des salariés",
        ),
        ("dispositif qui n'a pas été porté préalablement", "contrôle de l'activité des salariés"),
    ),
    "toilettes": ("cabinets d'aisance",),
    "wc": ("cabinets d'aisance",),
    **dict.fromkeys(("cantine", "réfectoire", "coin repas", "salle de pause"), ("local de restauration",)),
    "congé pathologique": ("état pathologique",),
    "congé patho": ("état pathologique",),
}
