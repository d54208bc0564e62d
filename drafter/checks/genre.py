"""The genre of the document: a 报告 carries no request, its title ends without punctuation, its closing
fits the genre; the attachments the text names are the ones the 附件说明 lists."""

from __future__ import annotations

from drafter import recache
from drafter.checks.base import Finding, Target
from drafter.document import Title

REQUEST = recache.compile(r"妥否，?请批示|当否，?请批示|请批示|请批复|请予批复|请予审批|请审批|请批准|请予批准|恳请批准|请予核拨|请审定|妥否|当否")
# 你局/你委 are for writing down to a subordinate: never in a report to a superior
DOWNWARD_ADDRESS = recache.compile(r"你(?:部|局|委|厅|办|单位|院|校|省|市|区|县|们)")
REPORT_TITLE = recache.compile(r"报告|总结")
TITLE_END = recache.compile(r"[。，、；！？,.;!?]$")  # a line ending in ：is a 主送, not a title
CLOSINGS = {"报告": "特此报告", "请示": "特此请示", "通知": "特此通知", "函": "特此函告"}
CLOSING = recache.compile(r"特此(报告|请示|通知|函告|函复)")
ATTACHMENT_LABEL = recache.compile(r"^附\s*件\s*[：:]\s*(?:1\s*[.．、]\s*)?(.*)$")
ATTACHMENT_ITEM = recache.compile(r"^(\d{1,2})\s*[.．、]\s*\S")
ATTACHMENT_MENTION = recache.compile(r"(?<![\d])附件\s*(\d{1,2})(?!\d)")


TITLE_WORDS = recache.compile(r"(总结|计划|报告|请示|通知|意见|方案|要点|函)$")


def _title(target: Target) -> tuple[int, str] | None:
    """The title block, or a first line that would be one but for its end punctuation."""
    title = next(((where, b.text) for where, b in target.blocks() if isinstance(b, Title)), None)
    if title:
        return title
    first = next(iter(target.texts()), None)
    if (first and len(first[1]) <= 40 and "，" not in first[1] and TITLE_END.search(first[1])
            and TITLE_WORDS.search(first[1][:-1])):
        return first
    return None


def check_genre(target: Target) -> list[Finding]:
    findings = []
    title = _title(target)
    if title:
        where, text = title
        raw = dict(target.lines).get(where, text).strip()
        end = TITLE_END.search(raw)
        if end:
            findings.append(target.finding("genre.titlepunct", "error", where, raw, end.start(),
                                           f"标题末尾加了标点“{end.group(0)}”", "删去标题末尾的标点", end.group(0), ""))
    is_report = bool(title and REPORT_TITLE.search(title[1]) and "请示" not in title[1])
    kind = next((k for k in ("请示", "报告", "通知", "函") if title and k in title[1]), None)
    for where, text in target.texts():
        if is_report:
            for match in REQUEST.finditer(text):
                findings.append(target.finding(
                    "genre.request", "error", where, text, match.start(),
                    f"报告中夹带了请示用语“{match.group(0)}”（报告不得夹带请示事项）",
                    "删去请示用语；需要批复的事项另行请示", match.group(0)))
            for match in DOWNWARD_ADDRESS.finditer(text):
                findings.append(target.finding(
                    "genre.address", "warning", where, text, match.start(),
                    f"报告是上行文，不用下行称谓“{match.group(0)}”", "改用“贵…”或直接称机关名称", match.group(0)))
        for match in CLOSING.finditer(text):
            closing = "特此" + match.group(1)
            right = CLOSINGS.get(kind or "", "")
            if right and closing != right and not (kind == "函" and closing == "特此函复"):
                findings.append(target.finding(
                    "genre.closing", "warning", where, text, match.start(),
                    f"结束语“{closing}”与文种“{kind}”不符", f"改为“{right}”", closing))
    return findings


def check_attachments(target: Target) -> list[Finding]:
    """附件3 named in the text but the 附件说明 lists only two (or none)."""
    listed, in_list, mentions = 0, False, []
    for where, text in target.texts():
        label = ATTACHMENT_LABEL.match(text.strip())
        if label:
            listed, in_list = max(listed, 1 if label.group(1) else 0), True
            continue
        item = ATTACHMENT_ITEM.match(text.strip()) if in_list else None
        if item:
            listed = max(listed, int(item.group(1)))
            continue
        in_list = False
        mentions += [(where, text, m) for m in ATTACHMENT_MENTION.finditer(text)]
    if not listed:
        return []
    return [target.finding("attach.mismatch", "warning", where, text, m.start(),
                           f"正文提到“附件{m.group(1)}”，附件说明只列了 {listed} 个附件", "核对附件说明与正文", m.group(0))
            for where, text, m in mentions if int(m.group(1)) > listed]
