"""foedus: political event coding from news, an alliance-treaty registry, obligation reasoning.

Importing foedus is cheap: the spaCy pipeline and the data tables load only when first used.

    >>> from foedus import Coder, Scenario, assess, load_registry   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from foedus.config import Settings
from foedus.errors import FoedusError
from foedus.events import ActorRef, Event

__version__ = "0.1.0"

__all__ = [
    "ActorRef",
    "Article",
    "Coder",
    "Event",
    "FoedusError",
    "Scenario",
    "Settings",
    "Store",
    "__version__",
    "assess",
    "assess_pair",
    "code_paths",
    "explain",
    "load_registry",
]

# name -> module that defines it; imported on first access so `import foedus` stays light
_LAZY = {
    "Article": "foedus.articles",
    "Coder": "foedus.coding",
    "Scenario": "foedus.obligations",
    "Store": "foedus.store",
    "assess": "foedus.obligations",
    "assess_pair": "foedus.obligations",
    "code_paths": "foedus.runs",
    "explain": "foedus.explain",
    "load_registry": "foedus.treaties",
}

if TYPE_CHECKING:
    from foedus.articles import Article
    from foedus.coding import Coder
    from foedus.explain import explain
    from foedus.obligations import Scenario, assess, assess_pair
    from foedus.runs import code_paths
    from foedus.store import Store
    from foedus.treaties import load_registry


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'foedus' has no attribute {name!r}")
