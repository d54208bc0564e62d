"""A paragraph's tag codes (patterns.tag_codes) from its words alone, without tagging the paragraph.

The segmenter tags a word by looking the word itself up in its dictionary (a word outside it gets x, m or
eng, by its characters): what surrounds the word never changes its tag. So each word's code is remembered
the first time it is met, and a paragraph is only cut: tagging makes a new tag string and tuple for every
word of the corpus, a lookup here costs less (about 2 % of a whole run, measured in cycles). A word met
for the first time is tagged alone; were the segmenter to cut it differently alone, the paragraph is
tagged as a whole.
"""

from __future__ import annotations

from drafter.mining import segment
from drafter.mining.patterns import tag_codes

MAX_WORDS = 1 << 18  # a corpus's words, figures among them, are remembered up to this many: memory stays bounded


class WordCodes:
    """Each word's code, remembered within one run (a process), never stored."""

    def __init__(self):
        self.known: dict[str, str] = {}

    def codes(self, words: list[str], text: str) -> str:
        """tag_codes(segment.tagged(text)), for `words`, what segment.words(text) gave."""
        known = self.known
        try:
            return "".join(map(known.__getitem__, words))
        except KeyError:
            pass
        if len(known) > MAX_WORDS:
            known.clear()
        for word in set(words).difference(known):  # the words not met yet, found at C speed
            alone = segment.tagged(word)
            if len(alone) != 1 or alone[0][0] != word:
                return self._from_text(words, text)
            known[word] = tag_codes(alone)
        return "".join(map(known.__getitem__, words))

    def _from_text(self, words: list[str], text: str) -> str:
        tagged = segment.tagged(text)
        codes = tag_codes(tagged)
        if [word for word, _ in tagged] != words:
            raise RuntimeError("the segmenter cut one text two ways")  # never: both cut it the same way
        self.known.update(zip(words, codes))
        return codes
