"""The app database: organisations, their members, templates, approaches and the audit log.

No phone number, name or ad text is ever stored here. An approach is recorded by the advertiser's phone
pseudonym and 'zicht' advertiser key from the analysis store (so a re-post or cross-post is recognised), the
ad's site and code (a pointer into the store), dates, the outcome and the organisation's own note.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

WORKER, COORDINATOR = "worker", "coordinator"
ROLES = [(WORKER, "worker"), (COORDINATOR, "coordinator")]

CONTACTED, NO_ANSWER, REPLIED, NOT_WANTED = "contacted", "no_answer", "replied", "not_wanted"
OUTCOMES = [
    (CONTACTED, "contacted"),
    (NO_ANSWER, "no answer"),
    (REPLIED, "replied"),
    (NOT_WANTED, "not wanted"),
]
RESPONSES = (REPLIED, NOT_WANTED)  # an answer, welcome or not

CHANNELS = [("sms", "SMS"), ("whatsapp", "WhatsApp"), ("gateway", "SMS gateway"), ("other", "other")]


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    region = models.JSONField(default=list)  # CBS 2021 municipality codes
    genders = models.JSONField(default=list, blank=True)  # target group; empty: any
    types = models.JSONField(default=list, blank=True)
    languages = models.JSONField(default=list, blank=True)
    quiet_weeks = models.PositiveSmallIntegerField(default=8)  # an approached advertiser rests this long
    gateway_enabled = models.BooleanField(default=False)
    gateway_url = models.URLField(blank=True)
    gateway_token = models.CharField(max_length=500, blank=True)
    gateway_daily_cap = models.PositiveIntegerField(default=50)

    def __str__(self) -> str:
        return self.name

    def templates(self) -> dict[str, str]:
        return {t.language: t.text for t in self.messagetemplate_set.all()}


class Member(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, choices=ROLES, default=WORKER)

    @property
    def is_coordinator(self) -> bool:
        return self.role == COORDINATOR


class MessageTemplate(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    language = models.CharField(max_length=8)  # ISO 639-1
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "language"], name="one_template_per_language")
        ]


class Approach(models.Model):
    """One advertiser approached once by the organisation, and what came of it."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    site = models.CharField(max_length=20)
    site_ad_id = models.CharField(max_length=100)
    moment_id = models.CharField(max_length=40)
    phone_pseudonym = models.CharField(max_length=64, null=True, blank=True, db_index=True)
    advertiser_key = models.CharField(max_length=100, null=True, blank=True, db_index=True)
    language = models.CharField(max_length=8, blank=True)  # language of the message sent
    gender = models.CharField(max_length=10, blank=True)  # the ad's, for counts by target group
    channel = models.CharField(max_length=10, choices=CHANNELS)
    outcome = models.CharField(max_length=12, choices=OUTCOMES, default=CONTACTED)
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    note = models.TextField(blank=True)  # the organisation's own note: never a number or a name

    class Meta:
        ordering = ["-created_at"]


class AuditEvent(models.Model):
    """Who opened or did what, when: every view of clear data, every send, outcome and export."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    username = models.CharField(max_length=150)  # kept when the user is deleted
    action = models.CharField(max_length=40)
    site = models.CharField(max_length=20, blank=True)
    site_ad_id = models.CharField(max_length=100, blank=True)
    approach = models.ForeignKey(Approach, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-at"]


def blocked(organisation: Organisation, now: dt.datetime | None = None) -> tuple[set[str], set[str]]:
    """(phone pseudonyms, advertiser keys) the organisation must not approach now: those approached in its
    quiet period, and those who said "not wanted", for good."""
    since = (now or timezone.now()) - dt.timedelta(weeks=organisation.quiet_weeks)
    rows = Approach.objects.filter(organisation=organisation).filter(
        models.Q(created_at__gte=since) | models.Q(outcome=NOT_WANTED)
    )
    phones, keys = set(), set()
    for phone, key in rows.values_list("phone_pseudonym", "advertiser_key"):
        if phone:
            phones.add(phone)
        if key:
            keys.add(key)
    return phones, keys


def refused(organisation: Organisation) -> tuple[set[str], set[str]]:
    """(phone pseudonyms, advertiser keys) who said "not wanted" to this organisation."""
    rows = Approach.objects.filter(organisation=organisation, outcome=NOT_WANTED)
    pairs = list(rows.values_list("phone_pseudonym", "advertiser_key"))
    return {p for p, _ in pairs if p}, {k for _, k in pairs if k}
