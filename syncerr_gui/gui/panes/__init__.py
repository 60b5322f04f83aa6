"""The panes around the table: filter dock, detail pane, problems list, status bar."""
