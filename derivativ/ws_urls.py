"""WebSocket routes."""

from __future__ import annotations

from django.urls import path

from generation.consumers import SessionConsumer
from papers.consumers import PaperConsumer
from questions.consumers import BankConsumer

websocket_urlpatterns = [
    path("ws/generate/<uuid:session_id>/", SessionConsumer.as_asgi()),
    path("ws/bank/", BankConsumer.as_asgi()),
    path("ws/papers/<uuid:paper_id>/", PaperConsumer.as_asgi()),
]
