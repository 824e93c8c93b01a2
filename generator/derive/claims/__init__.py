"""Reading figures in prose as claims: text → tokens → claims, each with its subject, column or
year, relation and figures; checked against the facts in `checks/prose.py`.

  tokens.py   figures, years, the vocabulary's words and punctuation, in one linear pass
  lexicon.py  the vocabulary's patterns as a finite list of spellings, in a trie
  grammar.py  the reading: subject scope, lists, relations → claims, and what was left unread
  reader.py   a vocabulary made into a matcher; `read(text, vocabulary, year)`
"""
from .grammar import Claim, Reading, Unread
from .reader import read

__all__ = ["Claim", "Reading", "Unread", "read"]
