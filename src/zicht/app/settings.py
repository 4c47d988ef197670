"""Django settings of the outreach app, built from the command line's options (no settings file to edit).

`configure(...)` is called once per process by `zicht app ...` (and by tests) before Django is used.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from zicht.errors import InputError

SMALL_CELL = 5  # counts below this are shown as "<5" on the organisation's counts page and export


@dataclass(frozen=True)
class AppPaths:
    db: str  # SQLite file, or postgresql://user:password@host:port/name
    store: Path | None = None  # the analysis store (DuckDB), opened read-only
    archive: Path | None = None  # the raw archive (WARC runs)
    retention_days: int = 90  # raw pages are used for display only this long after their moment
    public_origin: str | None = None  # https://outreach.example.org behind a TLS reverse proxy


def _database(db: str) -> dict[str, Any]:
    if db.startswith(("postgresql://", "postgres://")):
        parts = urlsplit(db)
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
        }
    path = Path(db)
    if not path.parent.is_dir():
        raise InputError(f"folder of the app database not found: {path.parent}")
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}


def _secret_key(db: str) -> str:
    """Django's signing key: $ZICHT_APP_SECRET_KEY, else a random key in a 0600 file beside the database."""
    if os.environ.get("ZICHT_APP_SECRET_KEY"):
        return os.environ["ZICHT_APP_SECRET_KEY"]
    if "://" in db:
        raise InputError("set ZICHT_APP_SECRET_KEY when the app database is PostgreSQL")
    path = Path(f"{db}.key")
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()


def build(paths: AppPaths) -> dict[str, Any]:
    database = _database(paths.db)  # first: a missing folder is reported before the key file is made
    hosts = ["127.0.0.1", "localhost"]
    values: dict[str, Any] = {}
    if paths.public_origin:
        origin = urlsplit(paths.public_origin)
        if origin.scheme != "https" or not origin.hostname:
            raise InputError(f"--public-origin must be an https:// origin, not {paths.public_origin!r}")
        hosts.append(origin.hostname)
        values = {
            "CSRF_TRUSTED_ORIGINS": [f"https://{origin.netloc}"],
            "SESSION_COOKIE_SECURE": True,
            "CSRF_COOKIE_SECURE": True,
            "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
            "SECURE_HSTS_SECONDS": 31536000,
            "SECURE_SSL_REDIRECT": True,
        }
    return {
        "DEBUG": False,
        "SECRET_KEY": _secret_key(paths.db),
        "ALLOWED_HOSTS": hosts,
        "DATABASES": {"default": database},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "INSTALLED_APPS": [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "zicht.app.outreach",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.auth.middleware.LoginRequiredMiddleware",  # every view needs a session ...
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],  # ... except the login page (login_not_required)
        "ROOT_URLCONF": "zicht.app.outreach.urls",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                    ]
                },
            }
        ],
        "AUTH_PASSWORD_VALIDATORS": [
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 10},
            },
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        "LOGIN_URL": "login",
        "LOGIN_REDIRECT_URL": "worklist",
        "LOGOUT_REDIRECT_URL": "login",
        "SESSION_COOKIE_AGE": 8 * 3600,  # a working day
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Strict",
        "CSRF_COOKIE_SAMESITE": "Strict",
        "SECURE_REFERRER_POLICY": "same-origin",  # none to ad sites; "no-referrer" breaks CSRF (Origin null)
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "DENY",
        "USE_TZ": True,
        "TIME_ZONE": "Europe/Amsterdam",
        "LANGUAGE_CODE": "en",
        "LOGGING": {
            "version": 1,
            "disable_existing_loggers": False,
            "handlers": {"console": {"class": "logging.StreamHandler"}},
            "root": {"handlers": ["console"], "level": "WARNING"},
        },
        "ZICHT_STORE": paths.store,
        "ZICHT_ARCHIVE": paths.archive,
        "ZICHT_RETENTION_DAYS": paths.retention_days,
        **values,
    }


def configure(paths: AppPaths, migrate: bool = True) -> None:
    """Configure Django for this process (once) and bring the app database's schema up to date."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(**build(paths))
        django.setup()
    if migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
