"""English, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, LOWER_OR_DIGIT, Convention, Language, openers, rx

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
        # the words opening its preambular paragraphs three times or more in the General Assembly's sessions
        # 75-80 (whose 33,000 preambular paragraphs hold one of them again after a comma 1 to 3 times), and
        # the Security Council's Determining, Acting
        opener=openers(
            *(
                "Recalling Recognizing Reaffirming Noting Welcoming Taking Expressing Stressing "
                "Emphasizing Acknowledging Deeply Having Reiterating Bearing Concerned Convinced "
                "Mindful Underlining Aware Considering Guided Affirming Conscious Encouraging "
                "Highlighting Gravely Underscoring Condemning Strongly Commending Cognizant Alarmed "
                "Deploring Calling Urging Determined Referring Seriously Believing Confirming Wishing "
                "Remaining Desirous Regretting Committed Appreciating Looking Honouring Supporting "
                "Resolved Re-emphasizing Renewing Sharing Recommitting Being"
            ).split(),
            "Determining",
            "Acting",
        ),
        article=rx(r"^Article\s+(?P<n>\d+)$"),
        preamble=rx(r"^Preamble$"),
        continuation=LOWER_OR_DIGIT,
        intro=rx(r"^The (?:General Assembly|Security Council)\s*,?$"),
        meeting=rx(r"^\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary meeting\b"),
        header={
            "publisher": rx(r"^(United Nations)$"),
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
