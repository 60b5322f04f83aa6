"""Qt-free core, one folder per stage of the data's trip, bottom-up.

Foundation (`exceptions`, `cancel`, `redaction`, `time_window`) -> `frame` (the data model)
-> `salesforce` (the wire) -> `auth` (who may use it), `sync` (one run) -> `archive` (what is
kept). Nothing here imports Qt, `gui`, `cli` or `demo_org`; tests/test_layers.py says so.
"""
