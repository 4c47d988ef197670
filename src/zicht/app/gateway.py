"""Sending an SMS through a gateway: a small provider interface and one HTTP implementation.

Manual sending (click-to-SMS / click-to-WhatsApp links) is the default; a coordinator can switch an
organisation to a gateway. The HTTP gateway POSTs JSON {"to": "+316...", "text": "..."} with a bearer token
and expects a 2xx answer, optionally {"id": "..."}. A real provider is reached through a small adapter
service speaking this contract, or by another `SmsProvider` class. Errors never carry the number.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Protocol


class GatewayError(Exception):
    """The gateway refused or could not be reached (the message names no number)."""


class SmsProvider(Protocol):
    def send(self, to: str, text: str) -> str:
        """Send one message; returns the provider's message id ("" when it gives none)."""
        ...


class HttpGateway:
    def __init__(self, url: str, token: str = "", timeout: float = 10.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise GatewayError("the gateway URL must start with http:// or https://")
        self.url = url
        self.token = token
        self.timeout = timeout

    def send(self, to: str, text: str) -> str:
        body = json.dumps({"to": to, "text": text}).encode()
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = response.read()
        except urllib.error.HTTPError as error:
            raise GatewayError(f"the gateway answered {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            raise GatewayError(f"the gateway cannot be reached ({type(error).__name__})") from None
        try:
            return str(json.loads(answer).get("id", ""))
        except (ValueError, AttributeError):
            return ""
