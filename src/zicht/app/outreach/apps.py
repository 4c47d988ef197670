from typing import Any

from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "zicht.app.outreach"
    label = "outreach"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        user_logged_in.connect(_audit_session("login"), weak=False)
        user_logged_out.connect(_audit_session("logout"), weak=False)


def _audit_session(action: str) -> Any:
    def record(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        from zicht.app.outreach.models import AuditEvent, Member

        member = Member.objects.filter(user=user).select_related("organisation").first() if user else None
        if member is not None:
            AuditEvent.objects.create(
                organisation=member.organisation, user=user, username=user.get_username(), action=action
            )

    return record
