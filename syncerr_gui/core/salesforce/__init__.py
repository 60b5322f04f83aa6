"""The wire: HTTP sessions, the guarded org client, and the readers of each error source."""
