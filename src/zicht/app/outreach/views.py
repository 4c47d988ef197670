"""Views. Every view but the login page needs a session (LoginRequiredMiddleware) and a membership; every
query is filtered by the member's organisation, so another organisation's ads, approaches, counts and log
answer 404 (an object id) or are simply absent (a list).

Clear data (phone number, ad URL) is read from the raw archive in the request that shows it, written into
that page only, and never into the database, a log line, a URL or a redirect.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zicht.app import market
from zicht.app.drafts import LANGUAGES, draft
from zicht.app.gateway import GatewayError, HttpGateway, SmsProvider
from zicht.app.outreach.models import (
    CHANNELS,
    CONTACTED,
    OUTCOMES,
    RESPONSES,
    Approach,
    AuditEvent,
    Member,
    MessageTemplate,
    Organisation,
    blocked,
    refused,
)
from zicht.app.settings import SMALL_CELL
from zicht.errors import StoreError
from zicht.vocab import GENDERS, WORK_TYPES

OUTCOME_VALUES = {value for value, _ in OUTCOMES}
MANUAL_CHANNELS = {value for value, _ in CHANNELS} - {"gateway"}

# A note must not carry a phone number: refuse a run of 8 or more digits, whatever separates them.
_NUMBER_IN_NOTE = re.compile(r"(?:\+?\d[\s.\-/()]*){8,}")


class Login(LoginView):
    template_name = "outreach/login.html"
    redirect_authenticated_user = True


login_view = login_not_required(never_cache(Login.as_view()))


def member_of(request: HttpRequest) -> Member:
    """The signed-in user's membership; a user without an organisation sees nothing (403)."""
    try:
        return request.user.member
    except (Member.DoesNotExist, AttributeError):
        raise PermissionDenied from None


def coordinator_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not member_of(request).is_coordinator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def audit(
    request: HttpRequest, action: str, site: str = "", site_ad_id: str = "", approach: Any = None
) -> None:
    member = member_of(request)
    AuditEvent.objects.create(
        organisation=member.organisation,
        user=request.user,
        username=request.user.get_username(),
        action=action,
        site=site,
        site_ad_id=site_ad_id,
        approach=approach,
    )


def policy_of(org: Organisation) -> market.Policy:
    return market.Policy(tuple(org.region), tuple(org.genders), tuple(org.types), tuple(org.languages))


def _store() -> Any:
    if settings.ZICHT_STORE is None:
        raise StoreError("the app was started without --store")
    return settings.ZICHT_STORE


def _unavailable(request: HttpRequest, error: StoreError) -> HttpResponse:
    return render(
        request, "outreach/message.html", {"title": "Store unavailable", "text": str(error)}, status=503
    )


def _today() -> dt.date:
    return timezone.localdate()


def _contact(ad: market.Ad) -> market.Contact | None:
    return market.read_contact(settings.ZICHT_ARCHIVE, ad, _today(), settings.ZICHT_RETENTION_DAYS)


def _find(org: Organisation, site: str, code: str) -> market.Ad:
    """The ad if it is active now in the organisation's region; 404 otherwise (also for other regions)."""
    ad = market.find_ad(_store(), org.region, site, code)
    if ad is None:
        raise Http404("no such ad in your region this week")
    return ad


def _recent(org: Organisation, ad: market.Ad) -> Approach | None:
    """The organisation's approach of this advertiser within its quiet period, if any."""
    since = timezone.now() - dt.timedelta(weeks=org.quiet_weeks)
    for approach in Approach.objects.filter(organisation=org, created_at__gte=since):
        if ad.matches({approach.phone_pseudonym or ""} - {""}, {approach.advertiser_key or ""} - {""}):
            return approach
    return None


def _not_wanted(org: Organisation, ad: market.Ad) -> bool:
    phones, keys = refused(org)
    return ad.matches(phones, keys)


# -- worklist and ads --


@require_GET
def worklist(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    try:
        phones, keys = blocked(org)
        ads = [ad for ad in market.active_ads(_store(), policy_of(org)) if not ad.matches(phones, keys)]
    except StoreError as error:
        return _unavailable(request, error)
    return render(
        request,
        "outreach/worklist.html",
        {"org": org, "ads": ads, "moment": ads[0].measured_on if ads else None},
    )


@require_GET
@never_cache
def ad_detail(request: HttpRequest, site: str, code: str) -> HttpResponse:
    member = member_of(request)
    org = member.organisation
    try:
        ad = _find(org, site, code)
    except StoreError as error:
        return _unavailable(request, error)
    not_wanted = _not_wanted(org, ad)
    contact = None if not_wanted else _contact(ad)
    audit(request, "open_ad", ad.site, ad.site_ad_id)
    worker = request.user.first_name or request.user.get_username()
    language, text = draft(org.templates(), ad.language, worker, org.name)
    phone_digits = contact.phone.lstrip("+") if contact and contact.phone else ""
    context = {
        "org": org,
        "ad": ad,
        "contact": contact,
        "not_wanted": not_wanted,
        "recent": _recent(org, ad),
        "draft_language": language,
        "draft": text,
        "sms_href": f"sms:{contact.phone}?body={quote(text)}" if phone_digits and contact else "",
        "whatsapp_href": f"https://wa.me/{phone_digits}?text={quote(text)}" if phone_digits else "",
        "outcomes": OUTCOMES,
        "channels": [c for c in CHANNELS if c[0] != "gateway"],
        "phone_digits": phone_digits,
        "gateway": org.gateway_enabled and bool(org.gateway_url),
    }
    return render(request, "outreach/ad.html", context)


@require_POST
def ad_record(request: HttpRequest, site: str, code: str) -> HttpResponse:
    """Record an outcome for this ad's advertiser: a new approach, or the outcome of the recent one."""
    org = member_of(request).organisation
    outcome = request.POST.get("outcome", "")
    channel = request.POST.get("channel", "sms")
    if outcome not in OUTCOME_VALUES or channel not in MANUAL_CHANNELS:
        return HttpResponse("unknown outcome or channel", status=400)
    try:
        ad = _find(org, site, code)
    except StoreError as error:
        return _unavailable(request, error)
    with transaction.atomic():
        approach = _recent(org, ad)
        if approach is None and _not_wanted(org, ad):
            return _conflict(request, "This advertiser said they do not want contact; nothing was recorded.")
        if approach is None:
            approach = _record_approach(request, org, ad, channel, outcome)
        else:
            approach.outcome = outcome
            approach.save(update_fields=["outcome", "updated_at"])
        audit(request, f"outcome:{outcome}", ad.site, ad.site_ad_id, approach)
    return redirect("worklist")


def _record_approach(
    request: HttpRequest, org: Organisation, ad: market.Ad, channel: str, outcome: str
) -> Approach:
    """A new approach of `ad` by the requesting worker: pseudonyms, dates and the outcome, never a number."""
    language = request.POST.get("language", "")
    return Approach.objects.create(
        organisation=org,
        site=ad.site,
        site_ad_id=ad.site_ad_id,
        moment_id=ad.moment_id,
        phone_pseudonym=ad.phone_pseudonym,
        advertiser_key=ad.advertiser_key,
        language=language if language in LANGUAGES else "",
        gender=ad.gender or "",
        channel=channel,
        outcome=outcome,
        worker=request.user,
    )


def _conflict(request: HttpRequest, text: str, status: int = 409) -> HttpResponse:
    return render(request, "outreach/message.html", {"title": "Not sent", "text": text}, status=status)


def provider_for(org: Organisation) -> SmsProvider:
    """The organisation's SMS provider (one HTTP gateway kind today; more would be chosen here)."""
    return HttpGateway(org.gateway_url, org.gateway_token)


@require_POST
def ad_send(request: HttpRequest, site: str, code: str) -> HttpResponse:
    """Send the (edited) message through the organisation's SMS gateway and record the approach."""
    org = member_of(request).organisation
    if not (org.gateway_enabled and org.gateway_url):
        raise PermissionDenied
    text = request.POST.get("text", "").strip()
    if not text or len(text) > 1000:
        return HttpResponse("the message is empty or too long", status=400)
    try:
        ad = _find(org, site, code)
    except StoreError as error:
        return _unavailable(request, error)
    if _not_wanted(org, ad):
        return _conflict(request, "This advertiser said they do not want contact.")
    if _recent(org, ad) is not None:
        return _conflict(request, "This advertiser was approached recently; see Approaches.")
    today_start = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    sent_today = Approach.objects.filter(
        organisation=org, channel="gateway", created_at__gte=today_start
    ).count()
    if sent_today >= org.gateway_daily_cap:
        return _conflict(
            request, f"The daily cap of {org.gateway_daily_cap} gateway messages is reached.", 429
        )
    contact = _contact(ad)
    if contact is None or contact.phone is None:
        return _conflict(request, "No number to send to (the ad shows none, or its page is past retention).")
    try:
        provider_for(org).send(contact.phone, text)
    except GatewayError as error:
        return _conflict(request, f"Not sent: {error}.", 502)
    approach = _record_approach(request, org, ad, "gateway", CONTACTED)
    audit(request, "send_gateway", ad.site, ad.site_ad_id, approach)
    return redirect("approaches")


# -- approaches --


@require_GET
def approaches(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    rows = Approach.objects.filter(organisation=org).select_related("worker")[:300]
    return render(request, "outreach/approaches.html", {"org": org, "approaches": rows, "outcomes": OUTCOMES})


@require_POST
def approach_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    org = member_of(request).organisation
    approach = get_object_or_404(Approach, pk=pk, organisation=org)
    outcome = request.POST.get("outcome", "")
    if outcome not in OUTCOME_VALUES:
        return HttpResponse("unknown outcome", status=400)
    approach.outcome = outcome
    approach.save(update_fields=["outcome", "updated_at"])
    audit(request, f"outcome:{outcome}", approach.site, approach.site_ad_id, approach)
    return redirect("approaches")


@require_http_methods(["GET", "POST"])
def approach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    org = member_of(request).organisation
    approach = get_object_or_404(Approach, pk=pk, organisation=org)
    error = ""
    if request.method == "POST":
        note = request.POST.get("note", "")[:2000]
        if _NUMBER_IN_NOTE.search(note):
            error = "A note may not contain a phone number (or any run of 8 or more digits)."
        else:
            approach.note = note
            approach.save(update_fields=["note", "updated_at"])
            audit(request, "note", approach.site, approach.site_ad_id, approach)
            return redirect("approach", pk=approach.pk)
    return render(
        request,
        "outreach/approach.html",
        {"org": org, "approach": approach, "outcomes": OUTCOMES, "error": error},
        status=400 if error else 200,
    )


@require_GET
def approaches_csv(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    audit(request, "export_approaches")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="approaches.csv"'
    writer = csv.writer(response)
    writer.writerow(["date", "site", "ad_code", "language", "gender", "channel", "outcome", "worker", "note"])
    for a in Approach.objects.filter(organisation=org).select_related("worker"):
        worker = a.worker.get_username() if a.worker else ""
        date = timezone.localtime(a.created_at).date().isoformat()
        writer.writerow(
            [date, a.site, a.site_ad_id, a.language, a.gender, a.channel, a.outcome, worker, a.note]
        )
    return response


# -- counts --


def _cell(value: int) -> str:
    return f"<{SMALL_CELL}" if 0 < value < SMALL_CELL else str(value)


def _row(label: str, contacts: int, responses: int) -> dict[str, str]:
    shown = contacts >= SMALL_CELL and not 0 < responses < SMALL_CELL
    rate = f"{100 * responses / contacts:.0f}%" if shown and contacts else "–"
    return {"label": label, "contacts": _cell(contacts), "responses": _cell(responses), "rate": rate}


def counts_of(org: Organisation) -> dict[str, list[dict[str, str]]]:
    """Contacts and responses per week, per language and per target group; cells below SMALL_CELL hidden."""
    tallies: dict[str, dict[str, list[int]]] = {"week": {}, "language": {}, "target group": {}}
    for created, outcome, language, gender in Approach.objects.filter(organisation=org).values_list(
        "created_at", "outcome", "language", "gender"
    ):
        year, week, _ = timezone.localtime(created).isocalendar()
        keys = {"week": f"{year}-W{week:02d}", "language": language or "?", "target group": gender or "?"}
        for table, key in keys.items():
            cell = tallies[table].setdefault(key, [0, 0])
            cell[0] += 1
            cell[1] += outcome in RESPONSES
    return {
        table: [_row(key, *values) for key, values in sorted(rows.items(), reverse=table == "week")]
        for table, rows in tallies.items()
    }


@require_GET
def counts(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    return render(
        request, "outreach/counts.html", {"org": org, "tables": counts_of(org), "small": SMALL_CELL}
    )


@require_GET
def counts_csv(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    audit(request, "export_counts")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="counts.csv"'
    writer = csv.writer(response)
    writer.writerow(["by", "group", "contacts", "responses", "response_rate"])
    for table, rows in counts_of(org).items():
        for row in rows:
            writer.writerow([table, row["label"], row["contacts"], row["responses"], row["rate"]])
    return response


# -- coordinator: settings and audit log --


def _choices(request: HttpRequest, name: str, allowed: tuple[str, ...]) -> list[str]:
    return [v for v in request.POST.getlist(name) if v in allowed]


@coordinator_only
@require_http_methods(["GET", "POST"])
def org_settings(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    errors: list[str] = []
    if request.method == "POST":
        org.genders = _choices(request, "genders", GENDERS)
        org.types = _choices(request, "types", WORK_TYPES)
        org.languages = [
            v.strip()
            for v in request.POST.get("languages", "").split(",")
            if re.fullmatch(r"\s*[a-z]{2}\s*", v)
        ]
        try:
            org.quiet_weeks = max(1, min(104, int(request.POST.get("quiet_weeks", org.quiet_weeks))))
            org.gateway_daily_cap = max(0, min(10000, int(request.POST.get("gateway_daily_cap", 0))))
        except ValueError:
            errors.append("quiet weeks and daily cap are whole numbers")
        org.gateway_enabled = request.POST.get("gateway_enabled") == "on"
        url = request.POST.get("gateway_url", "").strip()
        if url and not url.startswith(("http://", "https://")):
            errors.append("the gateway URL must start with https:// (or http:// on this machine)")
        else:
            org.gateway_url = url
        if request.POST.get("gateway_token"):
            org.gateway_token = request.POST["gateway_token"].strip()
        if not errors:
            with transaction.atomic():
                org.save()
                for language in LANGUAGES:
                    text = request.POST.get(f"template_{language}", "").strip()
                    if text:
                        MessageTemplate.objects.update_or_create(
                            organisation=org, language=language, defaults={"text": text[:2000]}
                        )
                audit(request, "settings")
            return redirect("settings")
    templates = org.templates()
    context = {
        "org": org,
        "errors": errors,
        "genders": GENDERS,
        "types": WORK_TYPES,
        "templates": [(language, templates.get(language, "")) for language in LANGUAGES],
    }
    return render(request, "outreach/settings.html", context, status=400 if errors else 200)


@coordinator_only
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    org = member_of(request).organisation
    events = AuditEvent.objects.filter(organisation=org)[:500]
    return render(request, "outreach/audit.html", {"org": org, "events": events})
