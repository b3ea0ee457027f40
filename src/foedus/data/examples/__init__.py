"""Example news articles, written for foedus, that `make demo` codes."""
