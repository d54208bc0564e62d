"""A Jinja sandbox with a budget: templates from other offices may run for a while, but not forever and
not into all the memory there is.

Jinja's sandbox stops attribute tricks; it does not bound work. Here every place where a template can
make something big or loop long passes a check: calls (macros, methods, loop()), the operators that
multiply sizes (* ** + %), ~ concatenation, every filter, range(), and the text as it is written out.
Each check compares against a clock started when rendering starts and against a size limit; a value
over the limit is refused before it is built where its size can be known in advance.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst
from jinja2.sandbox import SandboxedEnvironment, SecurityError, safe_range

from drafter import recache

TIME_LIMIT = 20.0            # seconds for one draft; the 200-section form renders in well under one
MAX_SIZE = 4_000_000         # characters (or items) in any one value or in the whole draft (~2,000 pages)
MAX_INT_BITS = 4096          # an integer with more bits is no figure in a report
PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
WIDTH_FILTERS = frozenset({"do_center", "do_indent", "do_wordwrap", "do_truncate", "do_batch", "do_slice"})
CHECK_EVERY = 1024           # loop items between two looks at the clock
# "%-999999d", "{:>999999}": a width or precision this long asks for a giant string
WIDE_FORMAT = recache.compile(r"(%[-+ #0]*\d{6,}|%[-+ #0]*\d*\.\d{6,}|\{[^{}]*:[^{}]*\d{6,}[^{}]*\})")


NESTED_WIDTH = recache.compile(r"\{[^{}]*:[^{}]*\{")  # "{:>{}}": the width comes from an argument


class BudgetExceeded(SecurityError):
    """The template asked for more time or memory than a draft needs."""


def _size(value) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value.bit_length() * MAX_SIZE // MAX_INT_BITS
    try:
        return len(value)
    except TypeError:
        return 0


def _too_large_count(value, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > limit


class BoundedRange(Sequence):
    """range() whose iteration looks at the clock now and then, so nested loops cannot run forever."""

    def __init__(self, environment: BoundedEnvironment, values: range):
        self._environment, self._values = environment, values

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, index):
        return self._values[index]

    def __iter__(self):
        for index, value in enumerate(self._values):
            if index % CHECK_EVERY == 0:
                self._environment.tick()
            yield value

    def __repr__(self) -> str:
        return repr(self._values)


class BoundedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` into a join that checks the size of the result before building it."""

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedEnvironment(SandboxedEnvironment):
    code_generator_class = BoundedCodeGenerator
    # Intercepted operators are also never folded at compile time, so `'a' * 10**9` written with
    # constants is refused when it runs instead of being built by the compiler.
    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.time_limit, self.max_size = TIME_LIMIT, MAX_SIZE  # read here so tests can lower them
        self.deadline = float("inf")
        self.globals["range"] = self._range
        self.add_filters(dict(self.filters))

    def add_filters(self, filters: dict) -> None:
        self.filters.update({name: self._bounded_filter(f) for name, f in filters.items()})

    # --- the budget ---------------------------------------------------------------------------------

    def start_clock(self) -> None:
        self.deadline = time.monotonic() + self.time_limit

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise BudgetExceeded(f"模板运行超过 {self.time_limit:g} 秒（可能有死循环或层层递归），已停止")

    def refuse_size(self, size: int) -> None:
        if size > self.max_size:
            raise BudgetExceeded(f"模板生成的内容过大（超过 {self.max_size:,} 个字符或项），已停止")

    def check_result(self, value):
        self.refuse_size(_size(value))
        return value

    # --- where templates do work ------------------------------------------------------------------

    def _range(self, *args):
        return BoundedRange(self, safe_range(*args))

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        __self.tick()
        target = getattr(__obj, "__wrapped__", __obj)  # the sandbox hands str.format over wrapped
        name, owner = getattr(target, "__name__", ""), getattr(target, "__self__", None)
        if name in PADDING_METHODS and any(_too_large_count(v, __self.max_size) for v in (*args, *kwargs.values())):
            raise BudgetExceeded("模板调用的参数过大，已停止")  # 'x'.center(10**9), 'x'.ljust(…)
        if isinstance(owner, str) and name in ("format", "format_map") and (
                WIDE_FORMAT.search(owner) or (NESTED_WIDTH.search(owner) and __self._any_large(args, kwargs))):
            raise BudgetExceeded("模板中的格式宽度过大，已停止")
        if name == "join" and args:
            __self._refuse_join(owner or "", args[0])
        if name == "replace" and len(args) >= 2 and isinstance(owner, str):
            old, new = str(args[0]), str(args[1])
            __self.refuse_size(len(owner) + (len(owner) + 1) * max(0, len(new) - len(old)))
        result = __self.check_result(super().call(__context, __obj, *args, **kwargs))
        if isinstance(owner, (list, dict, set)):
            __self.refuse_size(len(owner))  # l.extend(l) in a loop doubles a list without returning it
        return result

    def _any_large(self, args, kwargs=None) -> bool:
        return any(_too_large_count(v, self.max_size) for v in (*args, *(kwargs or {}).values()))

    def _refuse_join(self, separator, items) -> None:
        if isinstance(items, (list, tuple)):
            self.refuse_size(sum(_size(item) for item in items) + len(str(separator)) * len(items))

    def call_binop(self, context, operator_name, left, right):
        self.tick()
        if operator_name == "*":
            if isinstance(left, int) and isinstance(right, int):
                self._refuse_bits(abs(left).bit_length() + abs(right).bit_length())
            else:
                count = right if isinstance(right, int) else left if isinstance(left, int) else 1
                sized = left if isinstance(right, int) else right
                self.refuse_size(_size(sized) * max(count, 0))
        elif operator_name == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            self._refuse_bits(abs(left).bit_length() * max(right, 0))
        elif operator_name == "**" and isinstance(right, (int, float)) and isinstance(left, (int, float)):
            if abs(left) > 1 and right > 1 and math.log2(abs(left)) * right > 1024:
                raise BudgetExceeded("模板计算的数值过大，已停止")
        elif operator_name == "+":
            self.refuse_size(_size(left) + _size(right))
        elif operator_name == "%" and isinstance(left, str) and (
                WIDE_FORMAT.search(left) or ("*" in left and self._any_large(right if isinstance(right, tuple) else (right,)))):
            raise BudgetExceeded("模板中的格式宽度过大，已停止")  # '%0999999999d' % 1, '%*d' % (10**9, 1)
        return self.check_result(self.binop_table[operator_name](left, right))

    def _refuse_bits(self, bits: int) -> None:
        if bits > MAX_INT_BITS:
            raise BudgetExceeded("模板计算的数值过大，已停止")

    def bounded_join(self, parts) -> str:
        texts = [str(part) for part in parts]
        self.refuse_size(sum(map(len, texts)))
        return "".join(texts)

    def _bounded_filter(self, function):
        environment = self

        first_parameter = 2 if hasattr(function, "jinja_pass_arg") else 1  # after the context and the value

        def bounded(*args, **kwargs):
            environment.tick()
            parameters = (*args[first_parameter:], *kwargs.values())
            if function.__name__ in WIDTH_FILTERS and any(_too_large_count(v, environment.max_size) for v in parameters):
                raise BudgetExceeded("模板过滤器的参数过大，已停止")  # 'x'|center(10**9)
            value = args[first_parameter - 1] if len(args) >= first_parameter else None
            if function.__name__ == "do_format" and isinstance(value, str) and (
                    WIDE_FORMAT.search(value) or ("*" in value and environment._any_large(parameters))):
                raise BudgetExceeded("模板中的格式宽度过大，已停止")
            if function.__name__ == "do_replace" and len(args) >= first_parameter + 2:
                text, old, new = (str(a) for a in args[first_parameter - 1:first_parameter + 2])
                environment.refuse_size(len(text) + (len(text) + 1) * max(0, len(new) - len(old)))
            return environment.check_result(function(*args, **kwargs))

        if hasattr(function, "jinja_pass_arg"):
            bounded.jinja_pass_arg = function.jinja_pass_arg
        bounded.__name__ = getattr(function, "__name__", "filter")
        return bounded

    def render_bounded(self, template, context) -> str:
        """Render, looking at the clock and the total size at every piece of text written out."""
        self.start_clock()
        pieces, total = [], 0
        try:
            for piece in template.generate(context):
                total += len(piece)
                self.refuse_size(total)
                self.tick()
                pieces.append(piece)
        finally:
            self.deadline = float("inf")
        return "".join(pieces)

