"""French, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, LOWER_OR_DIGIT, SUB_LATIN, Convention, Language, rx

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
        article=rx(r"^Article\s+(?P<n>\d+|premier)$"),
        preamble=rx(r"^Préambule$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^(?:L[’']Assemblée générale|Le Conseil de sécurité)\s*,?$"),
        meeting=rx(r"^\d+(?:e|ème)\s+séance\s+plénière\b"),
        sub=rx(SUB_LATIN),
        header={
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
