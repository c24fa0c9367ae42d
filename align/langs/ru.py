"""Russian, as UN documents write it."""

from align.langs.record import CYRILLIC_LETTERS, SUB_CYRILLIC, Convention, Language, rx

LANGUAGE = Language(
    code="ru",
    name="Russian",
    native="Русский",
    script="cyrillic",
    un_letter="R",
    assembly="Генеральная Ассамблея",
    letters=CYRILLIC_LETTERS,
    region="ru-RU",
    srx="UN-Russian",
    fallback=3,
    convention=Convention(
        article=rx(r"^Статья\s+(?P<n>\d+)$"),
        preamble=rx(r"^Преамбула$"),
        intro=rx(r"^(?:Генеральная Ассамблея|Совет Безопасности)\s*,?$"),
        meeting=rx(r"^\d+[-‑]?е\s+(?:\(возобновленное\)\s+)?пленарное\s+заседание\b"),
        sub=rx(SUB_CYRILLIC),
        header={
            "publisher": rx(r"^(Организация Объединенных Наций)$"),
            "body": rx(
                r"^(?:Организация Объединенных Наций\s+)?(Генеральная Ассамблея|Совет Безопасности|Экономический и Социальный Совет)$"
            ),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(.+ сессия)$"),
            "agenda": rx(r"^(Пункты? .+ повестки дня)$"),
            "adopted": rx(r"^(Резолюция, принятая .+)$"),
            "basis": rx(r"^\[?((?:по докладу|без передачи).+?)\]?$"),
        },
    ),
)
