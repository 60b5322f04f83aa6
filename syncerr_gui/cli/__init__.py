"""The command-line interface (`main.py export …`): a peer of `gui/`, never imports Qt."""
