"""Tables in any .docx, with or without a form: a 合计 row equals the sum of the rows above it, shares
(占比) add up to 100%, and a growth rate agrees with this year's and last year's figures."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from drafter import recache
from drafter.checks.base import Finding, Target

TOTAL = recache.compile(r"^(合计|总计|共计|总数|合 计|总 计)$")
SUBTOTAL = recache.compile(r"小计")
NUMBER = recache.compile(r"^[-−]?\d[\d,，]*(?:\.\d+)?%?$")
NOT_ADDITIVE = recache.compile(r"率|比|%|％|占|增长|增幅|同比|排名|名次|序号|编号|年份|年度|单价|平均|均值|指数|强度")
SHARE = recache.compile(r"占比|比重|构成|所占比例|份额")
GROWTH = recache.compile(r"增长|增幅|同比|增速")
YEAR = recache.compile(r"(\d{4})\s*年?")
THIS_YEAR, LAST_YEAR = recache.compile(r"本年|今年|本期|实际"), recache.compile(r"上年|去年|同期|上期")
UNIT = "个表格"


def _number(text: str) -> Decimal | None:
    text = text.replace(" ", "").replace("\u3000", "")
    if not NUMBER.match(text):
        return None
    try:
        return Decimal(text.rstrip("%").replace(",", "").replace("，", "").replace("−", "-"))
    except InvalidOperation:
        return None


def _places(values) -> int:
    return max((-v.as_tuple().exponent for v in values if v.as_tuple().exponent < 0), default=0)


def _finding(target: Target, rule: str, severity: str, table: int, row: tuple[str, ...], message: str,
             suggestion: str) -> Finding:
    text = "｜".join(cell for cell in row if cell)
    return Finding(rule, severity, table, text[:40] + ("…" if len(text) > 40 else ""), message, suggestion, UNIT)


def _column_sums(target: Target, number: int, rows) -> list[Finding]:
    header = rows[0]
    totals = [i for i, row in enumerate(rows) if any(TOTAL.match(c.replace(" ", "")) for c in row[:2])]
    if len(totals) != 1 or any(SUBTOTAL.search(c) for row in rows for c in row[:2]):
        return []
    total_row = rows[totals[0]]
    body = [row for row in rows[1:totals[0]] if any(c.strip() for c in row)]
    findings = []
    for column in range(1, len(header)):
        if NOT_ADDITIVE.search(header[column]) or column >= len(total_row):
            continue
        cells = [row[column] if column < len(row) else "" for row in body]
        values = [_number(c) for c in cells if c.strip() not in ("", "—", "-", "/")]
        total = _number(total_row[column])
        if total is None or len(values) < 2 or None in values or any("%" in c for c in cells):
            continue
        places = _places(values + [total])
        # decimals may each be rounded; whole numbers (counts, 万元 as typed) add up exactly
        tolerance = Decimal(1).scaleb(-places) / 2 * len(values) if places else 0
        if abs(sum(values) - total) > tolerance:
            findings.append(_finding(
                target, "table.sum", "error", number, total_row,
                f"“{header[column] or f'第{column + 1}列'}”的合计为 {total}，各行之和为 {sum(values)}",
                "核对合计或各行数字"))
    return findings


def _shares(target: Target, number: int, rows) -> list[Finding]:
    header = rows[0]
    findings = []
    for column in range(1, len(header)):
        if not SHARE.search(header[column]):
            continue
        body = [row for row in rows[1:] if not any(TOTAL.match(c.replace(" ", "")) for c in row[:2])]
        cells = [row[column] for row in body if column < len(row) and row[column].strip()]
        values = [_number(c) for c in cells]
        if len(values) < 2 or None in values:
            continue
        total = sum(values)
        places = _places(values)
        if abs(total - 100) > max(Decimal("0.1"), Decimal(1).scaleb(-places) / 2 * len(values)):
            findings.append(_finding(target, "table.share", "warning", number, header,
                                     f"“{header[column]}”一列相加为 {total}%，不是 100%", "核对各项占比"))
    return findings


def _growth(target: Target, number: int, rows) -> list[Finding]:
    header = [c.replace(" ", "") for c in rows[0]]
    growth = next((i for i, h in enumerate(header) if GROWTH.search(h)), None)
    years = {i: int(m.group(1)) for i, h in enumerate(header) if (m := YEAR.search(h)) and i != growth}
    this = next((i for i, h in enumerate(header) if THIS_YEAR.search(h) and i != growth), None)
    last = next((i for i, h in enumerate(header) if LAST_YEAR.search(h) and i != growth), None)
    if (this is None or last is None) and len(set(years.values())) == 2:
        ordered = sorted(years, key=years.get)
        last, this = ordered[0], ordered[-1]
    if growth is None or this is None or last is None:
        return []
    findings = []
    for row in rows[1:]:
        if max(this, last, growth) >= len(row):
            continue
        current, previous, rate = _number(row[this]), _number(row[last]), _number(row[growth])
        if None in (current, previous, rate) or previous == 0:
            continue
        places = _places([rate])
        expected = (current - previous) / previous * 100
        if abs(expected - rate) > Decimal(1).scaleb(-places) / 2 + Decimal("0.05"):
            findings.append(_finding(
                target, "table.growth", "error", number, row,
                f"“{row[0]}”由 {previous} 到 {current}，增长 {expected.quantize(Decimal(1).scaleb(-max(places, 1)))}%，表中为 {rate}%",
                "核对增幅或两年数字"))
    return findings


def check_tables(target: Target) -> list[Finding]:
    findings = []
    for number, rows in target.tables:
        if len(rows) < 3:
            continue
        findings += _column_sums(target, number, rows) + _shares(target, number, rows) + _growth(target, number, rows)
    return findings
