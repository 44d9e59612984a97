"""WebSocket routes."""

from __future__ import annotations

from django.urls import path

from generation.consumers import SessionConsumer

websocket_urlpatterns = [
    path("ws/generate/<uuid:session_id>/", SessionConsumer.as_asgi()),
]
