"""Loading done once per process (modules, data): the package's data files, and the cyclic
garbage collector paused meanwhile.

Loading makes tens of thousands of long-lived objects and no garbage cycles; a collection
meanwhile only walks the new objects again and again (~10% of a first call), and so do the
first young and middle collections after it, unless they are moved to the oldest generation
at once (``long_lived``).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

__all__ = ["collector_paused", "data_bytes", "data_text"]

_DATA = Path(__file__).parent / "data"


def data_bytes(name: str) -> bytes:
    """The contents of the package's ``data/<name>``."""
    # read beside this module when the package is a directory (as installed from a wheel):
    # importing and first using importlib.resources costs ~6 ms of a first call; a package in
    # a zip archive is read through it
    try:
        return (_DATA / name).read_bytes()
    except OSError:
        from importlib import resources  # noqa: PLC0415

        return (resources.files(__package__) / "data" / name).read_bytes()


def data_text(name: str) -> str:
    """The contents of the package's ``data/<name>``, a UTF-8 text."""
    return data_bytes(name).decode("utf-8")


@contextlib.contextmanager
def collector_paused(*, long_lived: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (a no-op when it is already paused).

    With ``long_lived``, what the block made (with every other object the collector tracks)
    then goes to the oldest generation, where surviving a young and a middle collection would
    put it, without those two walks over all of it (~13 ms after a first call's loading).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # freezing moves every tracked object out of the generations and unfreezing puts them
        # all back in the oldest one, without visiting them; skipped when the caller has
        # frozen objects of its own, which must stay frozen
        if long_lived and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
