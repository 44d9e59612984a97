from __future__ import annotations

from django.urls import path

from generation import views

app_name = "generation"

urlpatterns = [
    path("", views.session_new, name="session-new"),
    path("codes/", views.code_options, name="code-options"),
    path("sessions/", views.session_list, name="session-list"),
    path("sessions/<uuid:session_id>/", views.session_detail, name="session-detail"),
    path("sessions/<uuid:session_id>/cancel/", views.session_cancel, name="session-cancel"),
]
