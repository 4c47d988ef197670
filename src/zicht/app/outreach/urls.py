from django.contrib.auth.views import LogoutView
from django.urls import path

from zicht.app.outreach import views

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),  # POST only, with the CSRF token
    path("", views.worklist, name="worklist"),
    path("ad/<str:site>/<str:code>/", views.ad_detail, name="ad"),
    path("ad/<str:site>/<str:code>/record", views.ad_record, name="ad_record"),
    path("ad/<str:site>/<str:code>/send", views.ad_send, name="ad_send"),
    path("approaches/", views.approaches, name="approaches"),
    path("approaches.csv", views.approaches_csv, name="approaches_csv"),
    path("approaches/<int:pk>/", views.approach_detail, name="approach"),
    path("approaches/<int:pk>/outcome", views.approach_outcome, name="approach_outcome"),
    path("counts/", views.counts, name="counts"),
    path("counts.csv", views.counts_csv, name="counts_csv"),
    path("settings/", views.org_settings, name="settings"),
    path("audit/", views.audit_log, name="audit"),
]
