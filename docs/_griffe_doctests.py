"""Griffe extension for the API reference: doctests in a docstring's running text become code.

Google-style docstrings keep doctests under an ``Examples:`` section, which mkdocstrings shows
as code. A doctest written in the running text instead (a module docstring, a short helper) would
be read as Markdown: ``>>>`` as a quotation and ``['meeting']`` as a link, which breaks a strict
build. This extension wraps each such doctest (a ``>>>`` line with its ``...`` continuations and
expected output, up to a blank line) in a ``pycon`` code fence before the docstring is parsed.
It changes only what the documentation site shows, never the docstrings that pytest runs.
"""

from __future__ import annotations

from typing import Any

import griffe

_EXAMPLE_HEADERS = frozenset({"Example:", "Examples:"})


def fence_doctests(text: str) -> str:
    """``text`` with each doctest outside an Examples section wrapped in a ``pycon`` fence.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nMore.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    lines = text.splitlines()
    out: list[str] = []
    in_examples = False
    fence_open = False
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith("```"):
            fence_open = not fence_open  # leave existing code blocks alone
        if stripped and not line[:1].isspace():
            in_examples = stripped in _EXAMPLE_HEADERS or (in_examples and stripped.startswith(">>>"))
        if fence_open or in_examples or not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        out.append(f"{indent}```pycon")
        out.extend(lines[i:j])
        out.append(f"{indent}```")
        i = j
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Applies :func:`fence_doctests` to every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002 (griffe's hook signature)
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
