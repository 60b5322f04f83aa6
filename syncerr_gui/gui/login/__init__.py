"""Logging in: the dialog and its pages, the browser login, the worker, the session owner."""
