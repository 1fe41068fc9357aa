"""Use cases, each written once for the window and the command line.

Every write takes the open ``Store`` first, does its work in the store's short transactions,
and returns what it changed (``Changes``), or a ``Done`` with a value beside the changes. The
window runs these through its one runner (``desktop.ui.runner``) off the UI thread and tells
every view through one ``changed(Changes)`` signal; the command line calls them directly.
"""
