"""SOAP `login()` of the demo org, as simple-salesforce's username/password mode calls it."""

from __future__ import annotations

import logging
from xml.sax.saxutils import escape

import defusedxml.ElementTree as SafeET

from syncerr_gui.demo_org.httpkit import Request, Response, Router
from syncerr_gui.demo_org.state import OrgState, UserRecord

logger = logging.getLogger(__name__)

INVALID_LOGIN = "Invalid username, password, security token; or user locked out."
MUST_USE_TOKEN = (
    "Invalid username, password, security token; or user locked out. Are you at a new "
    "location? When accessing Salesforce--either via a desktop client or the API--from "
    "outside of your company’s trusted networks, you must add a security token to your "
    "password to log in. To get your new security token, log into Salesforce. From your "
    "personal settings, enter Reset My Security Token in the Quick Find box, then select "
    "Reset My Security Token."
)
LOCKED_OUT = (
    "Your account has been locked out because of too many failed login attempts. Contact "
    "your Salesforce administrator to unlock it."
)


class SoapLogin:
    """`POST /services/Soap/u/{ver}`: password + security token, concatenated, as Salesforce checks."""

    def __init__(self, state: OrgState) -> None:
        self.state = state

    def register(self, router: Router) -> None:
        """Add the SOAP login route."""
        router.add("POST", r"/services/Soap/u/(?P<ver>\d{2,3}\.\d)/?", self.login)

    def login(self, request: Request) -> Response:
        """Check the credentials; answer a loginResponse or a LoginFault (HTTP 500)."""
        username, password = _credentials(request.body)
        if username is None or password is None:
            return _fault("INVALID_LOGIN", INVALID_LOGIN)
        user = self.state.by_username(username)
        if user is None:
            return _fault("INVALID_LOGIN", INVALID_LOGIN)
        if password == user.password:
            return _fault("LOGIN_MUST_USE_SECURITY_TOKEN", MUST_USE_TOKEN)
        if password != user.password + user.security_token:
            return _fault("INVALID_LOGIN", INVALID_LOGIN)
        if user.locked:
            return _fault("PASSWORD_LOCKOUT", LOCKED_OUT)
        token = self.state.sessions.issue(user.key)
        return Response.xml(self._success(user, token, request.params["ver"]))

    def _success(self, user: UserRecord, token: str, ver: str) -> str:
        base = self.state.instance_url
        org = self.state.org_id
        info = "".join(
            f"<{k}>{escape(v)}</{k}>"
            for k, v in (
                ("accessibilityMode", "false"),
                ("currencySymbol", "€"),
                ("orgAttachmentFileSizeLimit", "5242880"),
                ("orgDefaultCurrencyIsoCode", "EUR"),
                ("orgDisallowHtmlAttachments", "false"),
                ("orgHasPersonAccounts", "false"),
                ("organizationId", org),
                ("organizationMultiCurrency", "false"),
                ("organizationName", "Sync Errors Demo"),
                ("profileId", "00e5g000000" + ("Adm1n" if user.admin else "Std01") + "AAA"),
                ("roleId", ""),
                ("sessionSecondsValid", "7200"),
                ("userDefaultCurrencyIsoCode", ""),
                ("userEmail", user.email),
                ("userFullName", user.display_name),
                ("userId", user.user_id),
                ("userLanguage", "en_US"),
                ("userLocale", "en_US"),
                ("userName", user.username),
                ("userTimeZone", "Europe/Berlin"),
                ("userType", "Standard"),
                ("userUiSkin", "Theme3"),
            )
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope '
            'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><loginResponse><result>'
            f"<metadataServerUrl>{base}/services/Soap/m/{ver}/{org}</metadataServerUrl>"
            "<passwordExpired>false</passwordExpired><sandbox>false</sandbox>"
            f"<serverUrl>{base}/services/Soap/u/{ver}/{org}</serverUrl>"
            f"<sessionId>{escape(token)}</sessionId><userId>{user.user_id}</userId>"
            f"<userInfo>{info}</userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>"
        )


def _credentials(body: bytes) -> tuple[str | None, str | None]:
    """username and password of a login envelope (entities refused by defusedxml)."""
    try:
        root = SafeET.fromstring(body)
    except Exception:  # noqa: BLE001 - defusedxml raises several types for hostile or broken XML
        logger.debug("unparsable SOAP login body")
        return None, None
    found: dict[str, str] = {}
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if local in ("username", "password") and local not in found:
            found[local] = element.text or ""
    return found.get("username"), found.get("password")


def _fault(code: str, message: str) -> Response:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope '
        'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:sf="urn:fault.partner.soap.sforce.com" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body><soapenv:Fault>'
        f"<faultcode>sf:{code}</faultcode><faultstring>{code}: {escape(message)}</faultstring>"
        '<detail><sf:LoginFault xsi:type="sf:LoginFault">'
        f"<sf:exceptionCode>{code}</sf:exceptionCode><sf:exceptionMessage>{escape(message)}"
        "</sf:exceptionMessage></sf:LoginFault></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>"
    )
    return Response.xml(text, 500)
