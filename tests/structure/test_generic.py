"""Languages without a convention table (the UDHR as Member States translate it) have their numbered
structure recognised generically, in any script: article headings of a word and a number with an ordinal
mark or not, 第N条 with full-width digits, paragraphs numbered in Devanagari or full-width digits. The
articles of the Universal Declaration in Portuguese, Hindi and Japanese, their opening articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from align.ingest import markdown
from align.model import Source
from align.structure import parse

UDHR = {
    "pt": """# Declaração Universal dos Direitos Humanos

## Artigo 1.º

Todos os seres humanos nascem livres e iguais em dignidade e em direitos. Dotados de razão e de consciência, devem agir uns para com os outros em espírito de fraternidade.

## Artigo 2.º

1. Todos os seres humanos podem invocar os direitos e as liberdades proclamados na presente Declaração, sem distinção alguma, nomeadamente de raça, de cor, de sexo, de língua, de religião, de opinião política ou outra.

2. Além disso, não será feita nenhuma distinção fundada no estatuto político, jurídico ou internacional do país ou do território da naturalidade da pessoa.

## Artigo 3.º

Todo o indivíduo tem direito à vida, à liberdade e à segurança pessoal.
""",
    "hi": """# मानव अधिकारों की सार्वभौम घोषणा

## अनुच्छेद १

सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है। उन्हें बुद्धि और अन्तरात्मा की देन प्राप्त है और परस्पर उन्हें भाईचारे के भाव से बर्ताव करना चाहिए।

## अनुच्छेद २

(१) सभी को इस घोषणा में सन्निहित सभी अधिकारों और आज़ादियों को प्राप्त करने का हक़ है।

(२) इसके अतिरिक्त, चाहे कोई देश या प्रदेश स्वतन्त्र हो, संरक्षित हो, या स्वशासन रहित हो, उस देश या प्रदेश की राजनैतिक स्थिति के आधार पर वहां के निवासियों के प्रति कोई फ़रक़ न रखा जाएगा।

## अनुच्छेद ३

प्रत्येक व्यक्ति को जीवन, स्वाधीनता और वैयक्तिक सुरक्षा का अधिकार है।
""",
    "ja": """# 世界人権宣言

## 第１条

すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。

## 第２条

１　すべて人は、人種、皮膚の色、性、言語、宗教、政治上その他の意見、国民的若しくは社会的出身、財産、門地その他の地位又はこれに類するいかなる事由による差別をも受けることなく、この宣言に掲げるすべての権利と自由とを享有することができる。

２　さらに、個人の属する国又は地域が独立国であると、信託統治地域であると、非自治地域であると、又は他のなんらかの主権制限の下にあるとを問わず、その国又は地域の政治上、管轄上又は国際上の地位に基づくいかなる差別もしてはならない。

## 第３条

すべて人は、生命、自由及び身体の安全に対する権利を有する。
""",
}


@pytest.mark.parametrize("lang", sorted(UDHR))
def test_articles_and_their_paragraphs_are_recognised(lang: str) -> None:
    document = parse(
        Source(Path(f"{lang}.md"), lang, "A/RES/217(III)", tuple(markdown.read(UDHR[lang])))
    )
    ids = [unit.id for unit in document.units]
    assert ids == [
        "title",
        "art.1.h",
        "art.1",
        "art.2.h",
        "art.2.1",
        "art.2.2",
        "art.3.h",
        "art.3",
    ], ids
    second = next(unit for unit in document.units if unit.id == "art.2.2")
    assert not second.text[0].isdigit() and not second.text.startswith(
        "("
    )  # the number is not text
