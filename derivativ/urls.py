from __future__ import annotations

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

handler400 = "derivativ.limits.bad_request"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="questions:bank", permanent=False)),
    path("bank/", include("questions.urls")),
    path("generate/", include("generation.urls")),
    path("papers/", include("papers.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
]
