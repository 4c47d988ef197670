"""Authorisation: without a session only the login page answers; a user of organisation A gets 403 or 404 for
every detail and object id of organisation B, and A's lists and exports hold nothing of B's; coordinator pages
are closed to workers; every form needs its CSRF token. Every URL pattern of the app is covered."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from outreach_market import django_app, make_member, tiny_store

django_app()

from django.contrib.auth.models import User  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from zicht.app.outreach.models import Approach, AuditEvent  # noqa: E402
from zicht.app.outreach.urls import urlpatterns  # noqa: E402

PATTERNS = {p.name for p in urlpatterns}
LISTS_AND_EXPORTS = {"worklist", "approaches", "approaches_csv", "counts", "counts_csv", "settings", "audit"}
OBJECTS = {"ad", "ad_record", "ad_send", "approach", "approach_outcome"}
POST_ONLY = {"ad_record", "ad_send", "approach_outcome", "logout"}


def test_the_tests_cover_every_url_pattern() -> None:
    assert PATTERNS == LISTS_AND_EXPORTS | OBJECTS | {"login", "logout"}


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """Organisation A (Amsterdam) and B (Rotterdam), each with a worker, a coordinator and an approach."""
    store = tiny_store(tmp_path_factory.mktemp("authz") / "store.duckdb")
    with override_settings(ZICHT_STORE=store):
        users = {
            (org, role): make_member(f"authz-{org}", [region], role)
            for org, region in (("A", "GM0363"), ("B", "GM0599"))
            for role in ("worker", "coordinator")
        }
        b_worker = users[("B", "worker")]
        b = Client()
        b.force_login(b_worker)
        assert b.post("/ad/a/5/record", {"outcome": "replied", "channel": "sms"}).status_code == 302
        assert b.get("/ad/a/5/").status_code == 200
        a = Client()
        a.force_login(users[("A", "worker")])
        assert a.post("/ad/a/4/record", {"outcome": "contacted", "channel": "sms"}).status_code == 302
        b_approach = Approach.objects.get(organisation__name="authz-B")
        yield {"users": users, "b_approach": b_approach, "store": store}


def _url(name: str, world: dict[str, object]) -> str:
    if name in ("ad", "ad_record", "ad_send"):
        return reverse(name, args=["a", "5"])  # B's ad, in B's region
    if name in ("approach", "approach_outcome"):
        return reverse(name, args=[world["b_approach"].pk])  # type: ignore[attr-defined]
    return reverse(name)


def test_without_a_session_only_the_login_page_answers(world: dict[str, object]) -> None:
    anonymous = Client()
    assert anonymous.get("/login/").status_code == 200
    for name in PATTERNS - {"login"}:
        url = _url(name, world)
        for method in (anonymous.get, anonymous.post):
            response = method(url)
            assert response.status_code == 302 and response["Location"].startswith("/login/"), (name, method)
    assert anonymous.get("/no-such-page/").status_code in (302, 404)


def test_organisation_a_gets_403_or_404_for_every_object_of_organisation_b(world: dict[str, object]) -> None:
    users = world["users"]
    for role in ("worker", "coordinator"):
        a = Client()
        a.force_login(users[("A", role)])  # type: ignore[index]
        for name in OBJECTS:
            url = _url(name, world)
            for method in (a.get, a.post):
                status = method(url, {"outcome": "not_wanted", "channel": "sms", "note": "x", "text": "x"})
                assert status.status_code in (403, 404, 405), (role, name, method, status.status_code)
                if status.status_code == 405:  # a method the view does not take: try the one it does
                    assert name in POST_ONLY or name == "ad"
    b_approach = Approach.objects.get(pk=world["b_approach"].pk)  # type: ignore[attr-defined]
    assert b_approach.outcome == "replied" and b_approach.note == "", "A changed nothing of B's"


def test_organisation_as_lists_and_exports_hold_nothing_of_bs(world: dict[str, object]) -> None:
    users = world["users"]
    a = Client()
    a.force_login(users[("A", "coordinator")])  # type: ignore[index]
    b_names = [u.get_username() for (org, _), u in users.items() if org == "B"]  # type: ignore[attr-defined]
    for name in LISTS_AND_EXPORTS:
        response = a.get(reverse(name))
        assert response.status_code == 200, name
        body = response.content.decode()
        assert "a/5" not in body and "a,5," not in body and "a 5" not in body, name
        assert not any(b_name in body for b_name in b_names), name
        assert "authz-B" not in body, name
    assert "a 4" in a.get("/approaches/").content.decode(), "A's own approach is listed"
    assert "a,4," in a.get("/approaches.csv").content.decode()
    counts = a.get("/counts.csv").content.decode()
    assert re.search(r"language,\?,<5", counts) and "replied" not in counts


def test_coordinator_pages_are_closed_to_workers_and_members_only(world: dict[str, object]) -> None:
    worker = Client()
    worker.force_login(world["users"][("A", "worker")])  # type: ignore[index]
    for name in ("settings", "audit"):
        assert worker.get(reverse(name)).status_code == 403
    assert worker.post(reverse("settings"), {"gateway_enabled": "on"}).status_code == 403
    stranger = Client()
    stranger.force_login(User.objects.create(username="no-organisation"))
    for name in LISTS_AND_EXPORTS:
        assert stranger.get(reverse(name)).status_code == 403, name


def test_csrf_is_enforced_on_every_form(world: dict[str, object]) -> None:
    users = world["users"]
    strict = Client(enforce_csrf_checks=True)
    posts = {name for name in PATTERNS if name in POST_ONLY or name in ("approach", "settings", "login")}
    own = Approach.objects.get(organisation__name="authz-A")
    own_urls = {
        "ad_record": "/ad/a/4/record",
        "ad_send": "/ad/a/4/send",
        "approach": f"/approaches/{own.pk}/",
        "approach_outcome": f"/approaches/{own.pk}/outcome",
    }
    refused = strict.post("/login/", {"username": "x", "password": "y"})
    assert refused.status_code == 403 and b"CSRF" in refused.content
    strict.force_login(users[("A", "coordinator")])  # type: ignore[index]
    for name in sorted(posts - {"login"}):
        url = own_urls.get(name) or reverse(name)
        response = strict.post(url, {"outcome": "replied", "channel": "sms", "note": "n", "quiet_weeks": "8"})
        assert response.status_code == 403 and b"CSRF" in response.content, name
    # With the token from the page the same form goes through.
    page = strict.get("/ad/a/4/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    response = strict.post(
        "/ad/a/4/record", {"outcome": "replied", "channel": "sms", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Approach.objects.get(pk=own.pk).outcome == "replied"


def test_logging_in_with_the_hashed_password_and_out_again(world: dict[str, object]) -> None:
    user = world["users"][("A", "worker")]
    user.set_password("a long passphrase 42")  # type: ignore[attr-defined]
    user.save()  # type: ignore[attr-defined]
    assert user.password.startswith(("pbkdf2_", "argon2", "bcrypt", "scrypt"))  # type: ignore[attr-defined]
    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/login/").cookies["csrftoken"].value
    wrong = browser.post(
        "/login/", {"username": user.username, "password": "nope", "csrfmiddlewaretoken": token}
    )  # type: ignore[attr-defined]
    assert wrong.status_code == 200 and b"Wrong user name or password" in wrong.content
    right = browser.post(
        "/login/",
        {"username": user.username, "password": "a long passphrase 42", "csrfmiddlewaretoken": token},  # type: ignore[attr-defined]
    )
    assert right.status_code == 302 and right["Location"] == "/"
    assert browser.get("/").status_code == 200
    token = browser.cookies["csrftoken"].value
    assert browser.post("/logout/", {"csrfmiddlewaretoken": token}).status_code == 302
    assert browser.get("/").status_code == 302
    actions = set(AuditEvent.objects.filter(user=user).values_list("action", flat=True))
    assert {"login", "logout"} <= actions
