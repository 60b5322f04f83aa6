"""Why a cause fails, read from the org's own metadata (read-only): rules, picklists, required fields, flows."""
