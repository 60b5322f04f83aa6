"""The archive in the window: opening it at start, its dialog (File > Archive...)."""
