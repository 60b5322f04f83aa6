"""Watching in the app: background syncs, the tray icon and notifications."""
