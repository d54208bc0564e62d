"""jieba, loaded only here: words and their part of speech from jieba's own dictionary."""

from __future__ import annotations

import logging
from functools import cache


@cache
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    # posseg's tag table gives each dictionary word its part of speech without the slow tagger.
    return jieba, jieba.posseg.dt.word_tag_tab


def words(text: str) -> list[str]:
    # Without HMM: words outside jieba's dictionary have no part of speech, so they could never be
    # part of a collocation or a formula's lead; guessing them would only cost time.
    return _jieba()[0].lcut(text, HMM=False)


def tag(word: str) -> str:
    """jieba's part-of-speech tag: v verb, vn verbal noun, n noun, …; x when the word is unknown."""
    return _jieba()[1].get(word, "x")
