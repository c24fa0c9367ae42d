"""The errors the library raises; the CLI maps them to exit codes and one-line messages."""


class AlignError(Exception):
    """Base of every error `align` raises on purpose."""


class UsageError(AlignError):
    """Arguments or options that cannot be used (exit code 2)."""


class InvalidFilename(AlignError, ValueError):
    """A file name that claims the ODS convention but breaks it."""


class UnreadableInput(AlignError):
    """An input file that cannot be turned into a document; the message says why in one line."""
