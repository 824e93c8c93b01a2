"""Points: the self-evaluation's total score as the prose states it ("经自评，本部门2023年度整体支出绩效自评得分为
96.5分"). Only the department's whole score is read, this year's; an indicator's, a project's or another year's
score is left unread with why — the score table itself is checked by checks/scores.py."""
from __future__ import annotations

from .claim import Claim
from .state import _Scope, _State
from .tokens import Token, is_han

# what may follow "96.5分" for it to be a score: not 分钟, 分之, 分别, 分项 … (a word that goes on)
_AFTER_POINTS = "以等"


class _Points(_State):
    """A figure of points."""

    def _named_before(self, before: str, label: str) -> bool:
        """"预算执行得分39.5分": a bare 得分 right after a noun that is not the department's — that thing's score."""
        return label.startswith("得分") and bool(before) and is_han(before[-1]) \
            and not self.cues.whole_scored.search(before[-4:])

    def _points(self, tok: Token, scope: _Scope) -> bool:
        """Whether the figure is a number of points (its unit 分, written after it), read here: the department's total
        score becomes a claim, any other score is left unread."""
        text = self.text
        after = text[tok.end + 1:tok.end + 2]
        # ("自评得分为98.5,绩效自评等级为“优”": a total score's name right before a figure of no unit is its points)
        bare = text[tok.end:tok.end + 1] != "分" and not tok.unit and not is_han(text[tok.end:tok.end + 1])
        if not bare and (text[tok.end:tok.end + 1] != "分" or (is_han(after) and after not in _AFTER_POINTS)):
            return False
        label = self.cues.total_score.found(text, tok.start)
        if label is None or (bare and not 0 <= tok.value <= 100):
            return False
        before = text[self.sentence_start:label.start()]
        if scope.year not in (None, self.year) or any(w in before for w in ("上年", "去年", "上一年")):
            self._unread(tok, "说的是别的年度的得分", unsure=False)
        elif self.cues.scored_part.search(before.replace("指标体系", "") + label.group()) or scope.blocked \
                or self._named_before(before, label.group()):
            self._unread(tok, "说的是某个指标、项目、别的主体的得分或别人评的分，不是部门整体的自评总分", unsure=False)
        elif not self.cues.whole_scored.search(before + label.group()):
            self._unread(tok, "没有说是部门整体的得分（写明“部门整体”“本部门”“综合评分”等才与自评总分核对）", unsure=False)
        else:
            self.out.claims.append(Claim("score", tok, "scores.total", sentence=self.sentence,
                                         label=label.group().rstrip("为是了达到：: \t\u3000")))
        return True
