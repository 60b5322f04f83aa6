"""Fix and reload: failed rows back into Salesforce as a Bulk API 2.0 ingest job.

`batch` holds the shared values (what to load, how it went, the record of a reload, the
fix steps an admin or a diagnosis applies); `reload_csv` the reload file format.
"""
