"""The error frame and what works on it: schema, filtering, search, CSV export, guidance."""
