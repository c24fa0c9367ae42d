"""Spanish, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, LOWER_OR_DIGIT, Convention, Language, openers, rx

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
        # the words opening its preambular paragraphs three times or more in the General Assembly's sessions
        # 75-80 (whose 33,000 preambular paragraphs hold one of them again after a comma 1 to 3 times), and
        # the Security Council's Actuando, Determinando
        opener=openers(
            *(
                "Recordando Reconociendo Reafirmando Observando Acogiendo Tomando Expresando Teniendo "
                "Destacando Poniendo Profundamente Habiendo Reiterando Preocupada Convencida "
                "Consciente Subrayando Haciendo Guiada Condenando Considerando Afirmando Alentando "
                "Resaltando Recalcando Gravemente Deplorando Encomiando Alarmada Conocedora Instando "
                "Decidida Creyendo Exhortando Lamentando Confirmando Pidiendo Sumamente Deseosa "
                "Resuelta Apreciando Aguardando Señalando Apoyando Seriamente Siguiendo Renovando "
                "Compartiendo Deseando Comprometiéndose Conmemorando Honrando"
            ).split(),
            "Actuando",
            "Determinando",
        ),
        article=rx(r"^Artículo\s+(?P<n>\d+|primero)$"),
        preamble=rx(r"^Preámbulo$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^(?:La Asamblea General|El Consejo de Seguridad)\s*,?$"),
        meeting=rx(r"^\d+[ªa]\s+sesión\s+plenaria\b"),
        header={
            "publisher": rx(r"^(Naciones Unidas)$"),
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
