"""Reading figures in prose as claims: text → tokens → claims, each with its subject, column or
year, relation and figures; checked against the facts in `checks/prose/`.

  tokens.py   figures, years, the vocabulary's words and punctuation, in one linear pass
  lexicon.py  the vocabulary's patterns as a finite list of spellings, in a trie
  grammar.py  the reading: subject scope, lists, relations → claims, and what was left unread; the reader
              assembled from its parts —
    bounds.py    punctuation, clauses, sentences, paragraphs, headings
    words.py     years, dates, and one handler per class of word
    subjects.py  whose figures follow: a fact's name, another body, the department itself, a target
    figures.py   a figure by the relation its words state (change, rate, execution, difference, compare…)
    levels.py    amounts and counts, and the facts they are of
    shares.py    shares and their wholes
    lists.py     其中 lists, 分别为 series, totals followed by their parts
    stated.py    arithmetic of the figures a sentence writes, checked on the text itself
    points.py    the department's total score as the prose states it (自评得分为96.5分)
    state.py     what the reader keeps as it reads (scope, lead, list), declared once
    claim.py     what a reading is made of: Claim, Unread, TargetMention, Reading
    setting.py   what the facts file tells the reader of when its figures are (year, staffing's year end, as-of days)
    parts.py     what the facts are made of: a total's parts, the words for a whole side, people
    patterns.py  patterns of the text the parts share
  nearby.py   what the words near a claim's figure say, asked by the checks (which never read the text)
  reader.py   a vocabulary made into a matcher; `read(text, vocabulary, year)`
"""
from .grammar import Claim, Reading, Unread
from .reader import read

__all__ = ["Claim", "Reading", "Unread", "read"]
