"""The browser login kept with "Remember me": where it is (settings) and how to forget it.

Only non-secret fields are in the settings (login URL, client id, callback port, the keyring
entry's name); the tokens themselves are in the OS keyring.
"""

from __future__ import annotations

from syncerr_gui.core.auth.oauth import OAuthConfig, normalise_login_url
from syncerr_gui.core.exceptions import OAuthError
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings

DEFAULT_PORT = 1717


def remembered_login(settings: AppSettings) -> tuple[OAuthConfig, str] | None:
    """(config, keyring key) of the login kept with "Remember me", or None when none is kept.

    Only non-secret fields come from the settings; the tokens themselves are in the keyring.
    """
    key = settings.get(keys.BROWSER_ORG_KEY)
    if not settings.get(keys.BROWSER_REMEMBER) or not key:
        return None
    try:
        return OAuthConfig(
            login_url=normalise_login_url(settings.get(keys.BROWSER_LOGIN_URL) or ""),
            client_id=settings.get(keys.BROWSER_CLIENT_ID) or "",
            callback_port=settings.get(keys.BROWSER_CALLBACK_PORT) or DEFAULT_PORT,
        ), key
    except OAuthError:
        return None


def clear_remembered(settings: AppSettings) -> None:
    """Forget that a login was remembered (the keyring entry is deleted separately)."""
    settings.set(keys.BROWSER_REMEMBER, False)
    settings.set(keys.BROWSER_ORG_KEY, "")
