"""English, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, LOWER_OR_DIGIT, Convention, Language, rx

LANGUAGE = Language(
    code="en",
    name="English",
    native="English",
    script="latin",
    un_letter="E",
    assembly="General Assembly",
    letters=LATIN_LETTERS,
    region="en-GB",
    srx="UN-English",
    fallback=1,
    convention=Convention(
        article=rx(r"^Article\s+(?P<n>\d+)$"),
        preamble=rx(r"^Preamble$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^The (?:General Assembly|Security Council)\s*,?$"),
        meeting=rx(r"^\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting\b"),
        header={
            "body": rx(
                r"^(?:United Nations\s+)?(General Assembly|Security Council|Economic and Social Council)$"
            ),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(.+ session)$"),
            "agenda": rx(r"^(Agenda items?\s+.+)$"),
            "adopted": rx(r"^(Resolution adopted by the .+)$"),
            "basis": rx(r"^\[?((?:on the report|without reference).+?)\]?$"),
        },
    ),
)
