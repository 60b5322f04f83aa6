"""The Groups view: error groups, their triage, and the trend chart."""
