"""The built-in extractors; importing this package registers them."""

from .meeting import MeetingExtractor
from .support_pledge import SupportPledgeExtractor
from .suspension import SuspensionExtractor

__all__ = ["MeetingExtractor", "SupportPledgeExtractor", "SuspensionExtractor"]
