"""The SRX segmentation algorithm of the Java `segment` library ("ultimate"), on rules compiled once.

choppa runs this algorithm faithfully but rebuilds its matchers for every text: it formats the whole
rule list into a cache key, looks every pattern up by a formatted string, and walks a rule whose
before-pattern is empty (LanguageTool's `<0}` Trados-tag rule) one character at a time in Python. On
UN documents that was a large share of the build. Here each language's break rules, after-patterns and
exception patterns are choppa's own compiled regexes, fetched once, and an empty before-pattern is found
by one search of its after-pattern. The segments are the same; tests compare the two on every unit of
the bundled corpora and on generated text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex


@dataclass(slots=True)
class BreakRule:
    """One break rule and the no-break rules before it (its exceptions: a break is not made where one matches)."""

    before: regex.Pattern
    after: regex.Pattern
    exceptions: tuple[regex.Pattern, ...]
    empty_before: bool


class _Matcher:
    """Successive matches of one break rule in one text, as java.util.regex.Matcher.find() gives them."""

    __slots__ = ("rule", "text", "position", "start", "cut", "found")

    def __init__(self, rule: BreakRule, text: str) -> None:
        self.rule, self.text = rule, text
        self.position = self.start = self.cut = 0
        self.found = True

    def find(self, position: int | None = None) -> bool:
        """The next match from `position` (default: where the last search stopped)."""
        if position is not None:
            self.position = position
        text, rule, position = self.text, self.rule, self.position
        self.found = False
        if rule.empty_before:
            # An empty before-pattern matches everywhere: the match is where the after-pattern first does.
            after = rule.after.search(text, position) if position <= len(text) else None
            if after is not None:
                self.found, self.start, self.cut = True, after.start(), after.start()
                position = after.start() + 1
            else:
                position = len(text) + 1
            self.position = position
            return self.found
        while position <= len(text):
            before = rule.before.search(text, position)
            if before is None:
                break
            cut = before.end()
            position = cut + 1 if cut == before.start() else cut  # Java's bump after an empty match
            if rule.after.match(text, cut) is not None:
                self.found, self.start, self.cut = True, before.start(), cut
                break
        self.position = position
        return self.found


def segments(text: str, rules: list[BreakRule]) -> list[str]:
    """`text` cut where the rules say, as `segment`'s accurate-and-fast ("ultimate") iterator cuts it."""
    matchers = []
    for rule in rules:
        if not rule.empty_before and rule.before.search(text) is None:
            continue  # no match anywhere (most rules, most texts): no matcher to make and ask
        matcher = _Matcher(rule, text)
        if matcher.find():
            matchers.append(matcher)
    pieces, start = [], 0
    while start < len(text):
        found = False
        while not found:
            first = min(matchers, key=_cut, default=None)  # min() keeps the earliest rule on ties
            if first is None:
                found, end = True, len(text)
            else:
                end = first.cut
                if end > start:
                    found = not _excepted(first.rule.exceptions, text, end)
                    if found:  # matches that began inside the new segment start again after it
                        matchers = [m for m in matchers if m.start >= end or m.find(end)]
            matchers = [m for m in matchers if _move_past(m, end)]
        pieces.append(text[start:end])
        start = end
    return pieces


def _excepted(exceptions: tuple[regex.Pattern, ...], text: str, end: int) -> bool:
    """Whether a no-break rule matches at `end`."""
    for exception in exceptions:
        if exception.match(text, end) is not None:
            return True
    return False


def _cut(matcher: _Matcher) -> int:
    return matcher.cut


def _move_past(matcher: _Matcher, end: int) -> bool:
    """Advance a matcher beyond `end`; False once it has no more matches."""
    while matcher.cut <= end:
        if not matcher.find():
            return False
    return True
