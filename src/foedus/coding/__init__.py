"""Event coding: from article text to event records (see `Coder`)."""

from foedus.coding.coder import CODER_VERSION, Coder

__all__ = ["CODER_VERSION", "Coder"]
