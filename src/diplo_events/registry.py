"""Named, versioned extractors, with third-party ones found through entry points.

Our own extractors register themselves with ``@extractors.register("diplo_events.meeting.v1")``.
Another package adds one without touching ours by declaring, in its ``pyproject.toml``::

    [project.entry-points."diplo_events.extractors"]
    "acme.ceasefire.v1" = "acme_events:CeasefireExtractor"

Entry points are resolved lazily, one name at a time, when that name is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .errors import RegistryError

__all__ = ["ENTRY_POINT_GROUP", "Registry", "extractors"]

ENTRY_POINT_GROUP = "diplo_events.extractors"

T = TypeVar("T")


class Registry:
    """A mapping from versioned names to factories (classes or callables).

    Args:
        group: the entry-point group searched for names not registered in-process.
    """

    def __init__(self, group: str) -> None:
        self.group = group
        self._items: dict[str, Any] = {}

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator that registers ``obj`` under ``name`` and returns it unchanged."""

        def decorate(obj: T) -> T:
            self._items[name] = obj
            return obj

        return decorate

    def get(self, name: str) -> Any:
        """The factory registered as ``name``, loading its entry point if needed.

        Raises:
            RegistryError: no such name, in-process or among the entry points.
        """
        if name in self._items:
            return self._items[name]
        found = _entry_points().select(group=self.group, name=name)
        for entry_point in found:
            obj = entry_point.load()
            self._items[name] = obj
            return obj
        available = ", ".join(self.names()) or "(none)"
        msg = f"no extractor named {name!r} in {self.group!r}. Available names: {available}"
        raise RegistryError(msg)

    def names(self) -> list[str]:
        """Every name available: registered ones and those declared by entry points."""
        declared = {ep.name for ep in _entry_points().select(group=self.group)}
        return sorted(set(self._items) | declared)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()


def _entry_points() -> Any:
    # imported here: importlib.metadata costs ~10 ms to import, and the built-in extractors
    # are registered in-process, so most runs never read an entry point
    import importlib.metadata  # noqa: PLC0415

    return importlib.metadata.entry_points()


extractors = Registry(ENTRY_POINT_GROUP)
