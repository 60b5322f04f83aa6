"""The errors table: its model over index arrays, the prepared view data, columns, delegates."""
