"""How an office words each catalogue indicator: from a figure clause of its past reports, the clause up to
the figure, with the figure and its unit as the slot {数} ("全年新认定国家高新技术企业12家" ->
"新认定国家高新技术企业{数}"), linked to the indicator and ranked by how many reports (years) use it.

drafter build puts the office's clause in place of the catalogue's wording; the change, completion and
rank that follow are still computed, so the office's words never carry last year's figures.
"""

from __future__ import annotations

from functools import cache, lru_cache

from drafter import recache
from drafter.catalogue import CatalogueEntry, catalogue, unit_fits

KIND = "indicator_phrasing"

# figure, then its unit: the unit must be the indicator's (or money for money) for the clause to count.
FIGURE_UNIT = recache.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元|元|%|％|个百分点|[\u4e00-\u9fff]{1,2})")
# What leads a clause but belongs to one report: "全年", "2023年", "截至年底", "全县".
LEADING = recache.compile(r"^(?:(?:\d{4}|{年})年(?:度|底|末)?|全年|今年|当年|上半年|截[至止][^，。；]{0,4}?月底?|截[至止]目前|"
                          r"全县|全市|全区|其中|累计|共|已)+[，,]?")
# A level (an indicator 达到 fits: 有效总数, 经费投入) is not stated by a clause about this year's additions.
FLOW = recache.compile(r"新增|新认定|认定|申报|成立|新建|新培育|引进")
# After the indicator's keyword the head may only name the measure: "高新技术企业总数", "专利授权量".
MEASURE_ENDINGS = ("", "数", "总数", "数量", "量", "总量", "额", "金额", "总额")
# A joining word before the figure belongs to the figure's direction, not to the office's habit:
# drafter says 达到 only of a rise.
JOINT = recache.compile(r"(?:达到|达|为|突破|超过|共计|共|累计|计)$")
MIN_HEAD, MAX_HEAD = 3, 24
LOWER_LEVEL = recache.compile(r"[县区镇乡村市]级")
HIGHER_LEVEL = recache.compile(r"省级|国家")
CHANGE = recache.compile(r"增长|下降|提高|降低|增加|减少|持平|翻番")
NOT_A_HEAD = recache.compile(r"[\d{}“”（）()]")  # a figure, a slot, quotes or brackets: not an indicator's words


def clause_template(clause: str, indicator_id: str | None) -> tuple[str, str] | None:
    """(indicator id, "新认定国家高新技术企业{数}") from "全年新认定国家高新技术企业12家", or None when the
    clause does not state a catalogue indicator's own figure (a change, a share of it, another unit).
    The indicator the miner guessed is tried first, then any other whose keyword leads the clause."""
    match = FIGURE_UNIT.search(clause)
    if match is None:
        return None
    return _head_template(clause[: match.start()], match.group(2), indicator_id)


@lru_cache(maxsize=1 << 14)
def _head_template(head: str, unit: str, indicator_id: str | None) -> tuple[str, str] | None:
    """clause_template from what stands before the figure and its unit. Cached: the words before a figure
    recur in an office's reports year after year, the figure does not."""
    if CHANGE.search(head):
        return None
    head = JOINT.sub("", LEADING.sub("", head.strip())).strip()
    if not (MIN_HEAD <= len(head) <= MAX_HEAD) or NOT_A_HEAD.search(head):
        return None
    unit = unit.replace("％", "%")
    for entry in _candidates(head, indicator_id):
        if unit_fits(entry, unit) and _ends_with_measure(head, entry) and not ("达到" in entry.reach and FLOW.search(head)):
            return entry.id, head + "{数}"
    return None


def _ends_with_measure(head: str, entry) -> bool:
    """"…科技特派员", "…高新技术企业总数": the clause is about the indicator, not about something of it
    ("成立高新技术企业研究开发中心" names 高新技术企业 but counts centres). The keyword must start a word
    ("重新认定高新技术企业" counts re-certified firms, not 新认定 ones) and the head must not name a lower
    level than the indicator ("安排县级科技项目" is not 省级以上科技项目): either would put a wrong fact
    into the draft."""
    if LOWER_LEVEL.search(head) and HIGHER_LEVEL.search(entry.name):
        return False
    for keyword in entry.keywords:
        for ending in MEASURE_ENDINGS:
            if head.endswith(keyword + ending) and _starts_a_word(head, len(head) - len(keyword + ending)):
                return True
    return False


def _starts_a_word(text: str, position: int) -> bool:
    if position == 0:
        return True
    from drafter.mining import segment  # loaded by mining anyway; kept out of this module's import

    offset = 0
    for word in segment.words(text):
        if offset >= position:
            return offset == position
        offset += len(word)
    return False


def _candidates(head: str, hint: str | None):
    """Catalogue entries whose keyword is in the head, the hint first, then by longest keyword."""
    longest: dict[CatalogueEntry, int] = {}  # in catalogue order, each entry's longest keyword in the head
    for keyword, entry in [pair for pair in _keywords() if pair[0] in head]:
        longest[entry] = max(longest.get(entry, 0), len(keyword))
    found = sorted(((length, entry) for entry, length in longest.items()),
                   key=lambda pair: (pair[1].id != hint, -pair[0]))
    return [entry for _, entry in found]


@cache
def _keywords() -> tuple[tuple[str, CatalogueEntry], ...]:
    """Every (keyword, entry) of the catalogue, in its order: one flat list to test a head against."""
    return tuple((keyword, entry) for entry in catalogue() for keyword in entry.keywords)


def collect(clause: str, indicator_id: str | None, section: str, example, collector) -> None:
    """Count the clause's template for its indicator; the key carries the indicator so heads stay apart."""
    found = clause_template(clause, indicator_id)
    if found:
        collector.add(KIND, f"{found[0]}|{found[1]}", section, example, indicator=found[0])
