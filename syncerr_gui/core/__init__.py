"""Qt-free core: talking to Salesforce, parsing, the error frame, filtering, archive, export.

Nothing in this package imports Qt; it is tested and run headless.
"""
