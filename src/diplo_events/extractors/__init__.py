"""The built-in extractors; importing this package registers them."""

from .contingent import ContingentExtractor
from .meeting import MeetingExtractor
from .support_pledge import SupportPledgeExtractor
from .suspension import SuspensionExtractor

__all__ = ["ContingentExtractor", "MeetingExtractor", "SupportPledgeExtractor", "SuspensionExtractor"]
