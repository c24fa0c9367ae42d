"""Chinese, as UN documents write it."""

from align.langs.record import LATIN_LETTERS, Convention, Language, rx

LANGUAGE = Language(
    code="zh",
    name="Chinese",
    native="中文",
    script="han",
    un_letter="C",
    assembly="大会",
    letters=LATIN_LETTERS,
    region="zh-CN",
    srx="UN-Common",
    fallback=5,
    convention=Convention(
        article=rx(r"^第(?P<n>[一二三四五六七八九十百〇零两\d]+)条$"),
        preamble=rx(r"^序言$"),
        intro=rx(r"^(?:大会|安全理事会)\s*[,，]?$"),
        glued_intro=rx(r"^((?:因此现在\s*[,，]\s*)?(?:大会|安全理事会)\s*[,，])\s*(?=\S)"),
        meeting=rx(r"^第?\d+\s*次全体会议"),  # "第48次全体会议"
        header={
            "publisher": rx(r"^(联合国)$"),
            "body": rx(r"^(?:联合国\s*)?(大会|安全理事会|经济及社会理事会)$"),
            "distribution": rx(r"^Distr\.?:?\s*(.+)$"),
            "session": rx(r"^(第.+届会议)$"),
            "agenda": rx(r"^(议程项目.+)$"),
            "adopted": rx(r"^(.+(?:通过的|日大会)决议)$"),  # "2025年12月15日大会决议"
            "basis": rx(r"^\[?((?:根据|未经?发交).+?)\]?$"),
        },
    ),
)
