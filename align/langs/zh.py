"""Chinese, as UN documents write it."""

import re

from align.langs.record import (
    AFTER_CLAUSE,
    LATIN_LETTERS,
    SUB_UNSPACED,
    Convention,
    Language,
    rx,
)

# The verbs opening the preambular paragraphs of the General Assembly's sessions 78-80 nine times or
# more, after 又 or 还 ("also") or not, and after a comma inside one at most a third as often (94 % of
# those 15,293 paragraphs open with one), "in this regard" before them or not: where a converter's line
# ended after a comma, one of them opens a paragraph.
_RECITAL = (
    "(?:在这方面，)?(?:又|还)?(?:"
    + "|".join(
        (
            "回顾 重申 认识 表示 注意 强调 欢迎 确认 关切 意识 承认 深为 铭记 深信 赞赏 着重 审议 考虑 "
            "严重 再次 念及 肯定 欣见 遵循 满意 谴责 极为 感到 指出 知悉 痛惜 深感 相信 同样 遗憾 最强 "
            "坚信 提及"
        ).split()
    )
    + ")"
)

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
        sub=rx(SUB_UNSPACED),
        # only where a converter's line ended (a hard line break): the same verbs follow commas inside
        opener=re.compile(rf"{AFTER_CLAUSE}\n(?={_RECITAL})"),
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
