"""Arabic, as UN documents write it."""

import re

from align.langs.record import (
    ARABIC_LETTERS,
    ARABIC_PARAGRAPH,
    DIGITS,
    SUB_ARABIC,
    Convention,
    Language,
    rx,
)

LANGUAGE = Language(
    code="ar",
    name="Arabic",
    native="العربية",
    script="arabic",
    direction="rtl",
    un_letter="A",
    assembly="الجمعية العامة",
    letters=ARABIC_LETTERS,
    region="ar-SA",
    srx="UN-Common",
    fallback=4,
    convention=Convention(
        article=rx(rf"^المادة\s+(?P<n>{DIGITS}+)$"),
        preamble=rx(r"^الديباجة$"),
        intro=rx(r"^إن (?:الجمعية العامة|مجلس الأمن)\s*[،,]?$"),
        meeting=rx(r"^الجلسة العامة\s+\S+"),
        paragraph=re.compile(ARABIC_PARAGRAPH),
        sub=re.compile(SUB_ARABIC),
        header={
            "publisher": rx(r"^(الأمم المتحدة)$"),
            "body": rx(
                r"^(?:الأمم المتحدة\s+)?(الجمعية العامة|مجلس الأمن|المجلس الاقتصادي والاجتماعي)$"
            ),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(الدورة .+)$"),
            "agenda": rx(r"^((?:البند|البنود) .+ من جدول الأعمال)$"),
            "adopted": rx(r"^(قرار اتخذته .+)$"),
            "basis": rx(r"^\[?((?:بناء على|دون (?:ال)?إحالة).+?)\]?$"),
        },
    ),
)
