"""French, as UN documents write it."""

from align.langs.record import (
    LATIN_LETTERS,
    LOWER_OR_DIGIT,
    SUB_LATIN,
    Convention,
    Language,
    openers,
    rx,
)

LANGUAGE = Language(
    code="fr",
    name="French",
    native="Français",
    script="latin",
    un_letter="F",
    assembly="Assemblée générale",
    letters=LATIN_LETTERS,
    region="fr-FR",
    srx="UN-French",
    fallback=0,
    convention=Convention(
        # the words opening its preambular paragraphs three times or more in the General Assembly's sessions
        # 75-80 (whose 33,000 preambular paragraphs hold one of them again after a comma 1 to 3 times), and
        # the Security Council's Agissant
        opener=openers(
            *(
                "Rappelant Réaffirmant Notant Consciente Soulignant Prenant Considérant Constatant "
                "Sachant Ayant Convaincue Saluant Profondément Préoccupée Vivement Condamnant "
                "Estimant Insistant Accueillant Exprimant Gravement Affirmant Guidée Reconnaissant "
                "Déplorant Tenant Encourageant Réitérant Gardant Alarmée Appréciant Résolue "
                "Félicitant Demandant Invitant Mesurant Exhortant Remerciant Regrettant Engageant "
                "Déterminée Appelant Confirmant Craignant Déclarant Demeurant Mettant Attendant "
                "Fermement Souhaitant Désireuse Louant Appuyant Rendant Jugeant Préconisant Convenant "
                "Observant Honorant Particulièrement"
            ).split(),
            "Agissant",
            r"S[e’']\s?[a-zéèê]+ant",  # Se félicitant, S’inquiétant
        ),
        article=rx(r"^Article\s+(?P<n>\d+|premier)$"),
        preamble=rx(r"^Préambule$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^(?:L[’']Assemblée générale|Le Conseil de sécurité)\s*,?$"),
        meeting=rx(r"^\d+(?:e|ème|re)\s+séance\s+plénière\b"),  # "1re séance plénière"
        sub=rx(SUB_LATIN),
        header={
            "publisher": rx(r"^(Nations Unies)$"),
            "body": rx(
                r"^(?:Nations Unies\s+)?(Assemblée générale|Conseil de sécurité|Conseil économique et social)$"
            ),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(.+ session)$"),
            "agenda": rx(r"^(Points? .+ de l[’']ordre du jour)$"),
            "adopted": rx(r"^(Résolution adoptée par .+)$"),
            "basis": rx(r"^\[?((?:sur la base|sans renvoi).+?)\]?$"),
        },
    ),
)
