"""The segmenter, loaded only here: words and their part of speech from jieba's dictionary.

rjieba (jieba-rs: the same dictionary and algorithm, in Rust) is used when it is installed: without
HMM it cuts exactly as jieba does (tests/test_mining.py checks that both give the same bank) at about
ten times the speed, and loads its dictionary in 0.15 s instead of about 1 s. jieba is the fallback.
DRAFTER_SEGMENTER=jieba forces the fallback.
"""

from __future__ import annotations

import os
from functools import cache, partial


@cache
def backend() -> str:
    if os.environ.get("DRAFTER_SEGMENTER", "").lower() != "jieba":
        try:
            import rjieba  # noqa: F401
            return "rjieba"
        except ImportError:
            pass
    return "jieba"


@cache
def _rjieba():
    import rjieba  # its import loads the dictionary into a default instance: use that one, not a second

    return rjieba


@cache
def _jieba():
    import logging  # for jieba's log level only: not imported on the rjieba path

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    # posseg's tag table gives each dictionary word its part of speech without the slow tagger.
    return jieba, jieba.posseg.dt.word_tag_tab


# Without HMM: words outside the dictionary have no part of speech, so they could never be part of a
# collocation or a formula's lead; guessing them would only cost time.
def words(text: str) -> list[str]:
    return _cutter(backend())(text)


@cache
def _cutter(name: str):
    """The function words() calls for a backend, made once: mining asks for every paragraph."""
    if name == "rjieba":
        return partial(_rjieba().cut, hmm=False)
    return partial(_jieba()[0].lcut, HMM=False)


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs: v verb, vn verbal noun, n noun, …; a word outside the dictionary gets x
    (or, from rjieba, m/eng for figures and Latin letters, which no rule here looks at)."""
    return _tagger(backend())(text)


@cache
def _tagger(name: str):
    """The function tagged() calls for a backend, made once: mining asks for every paragraph and heading."""
    if name == "rjieba":
        return partial(_rjieba().tag, hmm=False)
    jieba, table = _jieba()
    return lambda text: [(word, table.get(word, "x")) for word in jieba.lcut(text, HMM=False)]
