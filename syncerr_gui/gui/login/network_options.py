"""The login dialog's advanced network options: a CA certificate to trust and a proxy.

Behind a company proxy that inspects HTTPS, the proxy's root certificate is usually in the
operating system's store already (the app trusts that store); when it is not, the admin
points "Trust this certificate…" at the PEM file IT gave them. Both choices are remembered
per org (a path and an address: never a secret; a proxy password is refused).
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from syncerr_gui.core.salesforce.proxies import check_proxy_url
from syncerr_gui.gui import settings_keys as keys
from syncerr_gui.gui.app_settings import AppSettings
from syncerr_gui.gui.i18n import shown, tr


class NetworkOptions(QWidget):
    """An "Advanced" toggle over a CA bundle field (with Browse…) and a proxy field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkOptions")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("advancedToggle")
        self.toggle.setText(tr("Advanced: certificate and proxy"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.panel = QWidget(self)
        self.ca_bundle_edit = QLineEdit(self.panel)
        self.ca_bundle_edit.setObjectName("caBundleEdit")
        self.ca_bundle_edit.setPlaceholderText(tr("PEM file of your company's root certificate (optional)"))
        browse = QPushButton(tr("Browse…"), self.panel)
        browse.setObjectName("caBundleBrowse")
        browse.clicked.connect(self._browse)
        self.proxy_edit = QLineEdit(self.panel)
        self.proxy_edit.setObjectName("proxyEdit")
        self.proxy_edit.setPlaceholderText(tr("http://proxy.example.com:8080 (empty: the system's)"))
        row = QHBoxLayout()
        row.addWidget(self.ca_bundle_edit, 1)
        row.addWidget(browse)
        form = QFormLayout(self.panel)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Trust this certificate:"), row)
        form.addRow(tr("Proxy:"), self.proxy_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.panel)
        self.panel.setVisible(False)
        self.toggle.toggled.connect(self.panel.setVisible)

    def focus_field(self, field: str) -> None:
        """Open the panel and put the cursor in the certificate ("certificate") or proxy field."""
        self.toggle.setChecked(True)
        edit = self.ca_bundle_edit if field == "certificate" else self.proxy_edit
        edit.setFocus()
        edit.selectAll()

    def ca_bundle(self) -> str | None:
        return self.ca_bundle_edit.text().strip() or None

    def proxy(self) -> str | None:
        return self.proxy_edit.text().strip() or None

    def validate(self) -> str:
        """A sentence when a field cannot be used, else ""."""
        path = self.ca_bundle()
        if path and not os.path.isfile(path):
            return tr("The certificate file {path} does not exist.").format(path=path)
        try:
            check_proxy_url(self.proxy() or "")
        except ValueError as exc:
            return shown(exc.args[0] if len(exc.args) == 1 else str(exc))
        return ""

    def restore(self, settings: AppSettings) -> None:
        """The choices of the org logged into last (open the panel when there are any)."""
        org = settings.get(keys.NETWORK_LAST_ORG) or ""
        if not org:
            return
        self.ca_bundle_edit.setText(settings.get(keys.NETWORK_CA_BUNDLE, org=org) or "")
        self.proxy_edit.setText(settings.get(keys.NETWORK_PROXY, org=org) or "")
        self.toggle.setChecked(bool(self.ca_bundle() or self.proxy()))

    def save(self, settings: AppSettings, org_id: str) -> None:
        """Remember the choices for `org_id` (the org just logged into)."""
        if not org_id:
            return
        settings.set(keys.NETWORK_CA_BUNDLE, self.ca_bundle() or "", org=org_id)
        settings.set(keys.NETWORK_PROXY, check_proxy_url(self.proxy() or ""), org=org_id)
        settings.set(keys.NETWORK_LAST_ORG, org_id)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Trust this certificate"), "", tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_bundle_edit.setText(path)
