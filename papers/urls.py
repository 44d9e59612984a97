from __future__ import annotations

from django.urls import path

from papers import views

app_name = "papers"

urlpatterns = [
    path("", views.paper_list, name="paper-list"),
    path("new/", views.paper_new, name="paper-new"),
    path("blueprint/", views.paper_blueprint, name="paper-blueprint"),
    path("basket/", views.basket, name="basket"),
    path("basket/add/", views.basket_add, name="basket-add"),
    path("basket/remove/", views.basket_remove, name="basket-remove"),
    path("basket/clear/", views.basket_clear, name="basket-clear"),
    path("<uuid:paper_id>/", views.paper_detail, name="paper-detail"),
    path("<uuid:paper_id>/settings/", views.paper_update, name="paper-update"),
    path("<uuid:paper_id>/add/", views.paper_add, name="paper-add"),
    path("<uuid:paper_id>/reorder/", views.item_reorder, name="item-reorder"),
    path("<uuid:paper_id>/items/<int:item_id>/remove/", views.item_remove, name="item-remove"),
    path("<uuid:paper_id>/items/<int:item_id>/move/", views.item_move, name="item-move"),
    path("<uuid:paper_id>/items/<int:item_id>/another/", views.item_another, name="item-another"),
    path("<uuid:paper_id>/versions/", views.paper_versions, name="paper-versions"),
    path("<uuid:paper_id>/print/", views.paper_print, name="paper-print"),
    path("<uuid:paper_id>/jobs/<uuid:job_id>/cancel/", views.job_cancel, name="job-cancel"),
    path(
        "<uuid:paper_id>/preview/<str:label>/<str:version>/",
        views.paper_preview,
        name="paper-preview",
    ),
    path(
        "<uuid:paper_id>/download/<str:label>/<str:version>/",
        views.paper_download,
        name="paper-download",
    ),
    path("<uuid:paper_id>/share/", views.paper_share, name="paper-share"),
    path("<uuid:paper_id>/share/<int:user_id>/remove/", views.paper_unshare, name="paper-unshare"),
    path("<uuid:paper_id>/delete/", views.paper_delete, name="paper-delete"),
]
