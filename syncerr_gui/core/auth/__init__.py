"""Who may use the org: logins, OAuth and its loopback redirect, renewal, keyring, admin check."""
