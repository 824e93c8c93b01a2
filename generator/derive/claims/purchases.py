"""The vehicles a budget plans to buy, counted and priced: "2023年计划购置车辆1辆、22万元，主要是更新配置机要通信用车"
(深圳's 部门预算, every department's). The price is of all the vehicles to be bought, whatever pays for them ("其中：使用
财政拨款预算购置车辆1辆，25万元、使用单位资金购置车辆1辆，…"), so it is at least the 公务用车购置费 of the budget's
“三公”经费 — read as a level claim of that fact that is wrong only below it (Claim.at_least; checks/prose/levels.py).

Only this plain shape, the department's own (a figure the reader left unread for no other subject), of the report's year
or of no year named. One bounded pattern over the text: linear in it."""
from __future__ import annotations

import re

from .claim import Claim, Reading
from .later import LaterPass, another_body
from .tokens import MONEY, Token

_PLANNED = re.compile(r"(?:(?P<year>(?:19|20)[0-9]{2})[ \t\u3000]*年度?)?[ \t\u3000]*计划购置(?:公务)?(?:用)?车辆?[ \t\u3000]*"
                      r"[0-9]{1,4}[ \t\u3000]*辆[ \t\u3000]*[、，,][ \t\u3000]*(?:共计|合计|金额|预算)?[ \t\u3000]*")
_PURCHASE = "finance.three_public_parts.vehicle_purchase"


def read_purchases(text: str, tokens: list[Token], reading: Reading, year: int) -> None:
    """Each planned purchase of vehicles priced, as a claim (see the module's docstring)."""
    if "计划购置" not in text:
        return
    later = LaterPass(reading)
    figures = {t.start: t for t in tokens if t.kind == "num"}
    for m in _PLANNED.finditer(text):
        tok = figures.get(m.end())
        if tok is None or tok.unit not in MONEY or tok.start not in later.unread \
                or another_body(reading, later.unread[tok.start]) \
                or (m.group("year") is not None and int(m.group("year")) != year):
            continue
        reading.claims.append(Claim("level", tok, _PURCHASE, column="plan", sentence=later.sentence_at(tok.start),
                                    label="计划购置车辆", at_least=True))
        later.take(tok.start)
    later.done()
