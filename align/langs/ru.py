"""Russian, as UN documents write it."""

import re

from align.langs.record import (
    AFTER_CLAUSE,
    CYRILLIC_LETTERS,
    SUB_CYRILLIC,
    Convention,
    Language,
    rx,
)

# How a preambular paragraph opens: a participle, after at most two words such as "с глубокой
# обеспокоенностью", "вновь", "глубоко". Russian opens these in lower case, like the text a page break or a
# converter's line cut.
_LEAD = r"(?:(?:со?(?:\s+\w+){1,2}?|вновь|также|далее|\w+о)\s+){0,2}?"
# The participles opening the preambular paragraphs of the General Assembly's sessions 78-80 three times
# or more and after a comma inside one at most a third as often (99 % of those 15,131 paragraphs open
# with one): where a line ended after a comma, one of them opens a paragraph.
_RECITAL = (
    _LEAD
    + "(?:"
    + "|".join(
        (
            "будучи выражая желая заявляя изучив испытывая констатируя напоминая обращая ожидая "
            "осознавая осуждая отдавая отмечая оценивая памятуя повторяя поощряя подтверждая "
            "подчеркивая полагая получив призывая приветствуя признавая принимая разделяя "
            "рассмотрев рассчитывая рекомендуя руководствуясь сожалея сознавая ссылаясь считая "
            "утверждая учитывая"
        ).split()
    )
    + r")\b"
)
# Any word shaped like a participle (or a declaration's "подтверждаем") may open one: lower-case text that
# opens otherwise runs on from the page before ("... утвердила всеобъемлющий," | "рассчитанный на ...",
# "... меньшинствам," | "правозащитников, ...", "... последствия для" | "состояния экономики": no
# participle ends in "ов" or "ия").
_MAY_OPEN = _LEAD + r"(?:\w+(?:(?<![си])я|сь|(?<!о)в|вши|ем|им)|будучи)\b"

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
        # the UN's Russian often writes the ordinal's "е" as a Latin "e" ("47-e", A/RES/79/112)
        meeting=rx(r"^\d+[-‑]?[еe]\s+(?:\(возобновленное\)\s+)?пленарное\s+заседание\b"),
        sub=rx(SUB_CYRILLIC),
        continuation=re.compile(rf"^(?:\d|(?!{_MAY_OPEN})[а-яё])"),
        # only where a converter's line ended (a hard line break): inside a paragraph, a comma is often
        # followed by such a participle ("..., подтверждая")
        opener=re.compile(rf"{AFTER_CLAUSE}\n(?={_RECITAL})"),
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
