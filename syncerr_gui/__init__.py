"""Salesforce Sync Errors: a desktop app that shows every error an org's data-sync jobs produced."""

from __future__ import annotations

APP_NAME = "Salesforce Sync Errors"
APP_ID = "SalesforceSyncErrors"
ORG_NAME = "SyncErrors"
__version__ = "0.1.0"
