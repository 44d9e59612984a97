from __future__ import annotations

from django.urls import path

from questions import views

app_name = "questions"

urlpatterns = [
    path("", views.bank, name="bank"),
    path("<uuid:question_id>/", views.question_detail, name="question-detail"),
    path("<uuid:question_id>/approve/", views.question_approve, name="question-approve"),
    path("<uuid:question_id>/reject/", views.question_reject, name="question-reject"),
    path("<uuid:question_id>/edit/", views.question_edit, name="question-edit"),
    path("<uuid:question_id>/another/", views.question_another, name="question-another"),
]
