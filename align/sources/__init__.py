"""sources: where documents come from besides a folder: `align fetch` (fetch.py) asks the UN's servers
for every language version of a symbol, through one polite HTTP client (http.py)."""

FORMATS = ("pdf", "doc", "akn")  # what `align fetch --format` asks for
# of each symbol in each language
OUTCOMES = (
    "fetched",
    "exists",
    "not-published",
    "not-found",
    "failed",
)
