"""Errors the store raises with a message fit to show the user as-is."""


class StoreError(RuntimeError):
    """The data folder or database cannot be used; the message says why and what to do."""
