"""Spanish, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, LOWER_OR_DIGIT, Convention, Language, rx

LANGUAGE = Language(
    code="es",
    name="Spanish",
    native="Español",
    script="latin",
    un_letter="S",
    assembly="Asamblea General",
    letters=LATIN_LETTERS,
    region="es-ES",
    srx="UN-Spanish",
    fallback=2,
    convention=Convention(
        article=rx(r"^Artículo\s+(?P<n>\d+|primero)$"),
        preamble=rx(r"^Preámbulo$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^(?:La Asamblea General|El Consejo de Seguridad)\s*,?$"),
        meeting=rx(r"^\d+[ªa]\s+sesión\s+plenaria\b"),
        header={
            "body": rx(
                r"^(?:Naciones Unidas\s+)?(Asamblea General|Consejo de Seguridad|Consejo Económico y Social)$"
            ),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(.+ período de sesiones)$"),
            "agenda": rx(r"^(Temas? .+ del programa)$"),
            "adopted": rx(r"^(Resolución aprobada por .+)$"),
            "basis": rx(r"^\[?((?:sobre la base|sin remisión).+?)\]?$"),
        },
    ),
)
