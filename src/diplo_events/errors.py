"""Errors raised by diplo_events.

Our exception hierarchy::

    DiploEventsError
    ├── InputTypeError (also TypeError)      extract() was given something that is not a str
    ├── PublishedDateError (also ValueError) the publication date could not be parsed
    ├── DataFileError (also ValueError)      a gazetteer or tenure file is malformed
    ├── RegistryError (also LookupError)     no extractor is registered under that name
    ├── ExtractorError                       an extractor raised; carries ``.extractor``
    └── ExtractionError                      a batch had failures; carries ``.errors``
"""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "DiploEventsError",
    "ExtractionError",
    "ExtractorError",
    "InputTypeError",
    "PublishedDateError",
    "RegistryError",
]


class DiploEventsError(Exception):
    """Root of every error this package raises on purpose."""


class InputTypeError(DiploEventsError, TypeError):
    """The text to extract from is not a ``str``."""


class PublishedDateError(DiploEventsError, ValueError):
    """The ``published`` argument is not a date we can read."""


class DataFileError(DiploEventsError, ValueError):
    """A data file (gazetteer, tenures, lexicon) is malformed."""


class RegistryError(DiploEventsError, LookupError):
    """A name was looked up in a registry and is not there."""


class ExtractorError(DiploEventsError):
    """An extractor raised while processing a document.

    Attributes:
        extractor: the registered name of the extractor that failed.
    """

    def __init__(self, message: str, *, extractor: str) -> None:
        super().__init__(message)
        self.extractor = extractor


class ExtractionError(DiploEventsError):
    """Several documents failed in a batch.

    Attributes:
        errors: ``(index, exception)`` pairs, one per failed document.
    """

    def __init__(self, message: str, errors: list[tuple[int, BaseException]]) -> None:
        super().__init__(message)
        self.errors = errors
