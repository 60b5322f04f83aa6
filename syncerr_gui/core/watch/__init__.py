"""Watching: what a sync brought that is worth telling the admin (new and regressed causes)."""
