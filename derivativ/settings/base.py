"""Settings shared by every environment. Values come from the environment and ``.env``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.utils.csp import CSP
from dotenv import load_dotenv

from derivativ.database import default_database
from generation.engine.caching import SYMPY_CACHE_SIZE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
load_dotenv(BASE_DIR / ".env", override=False)
# Before anything imports SymPy, which reads it once (generation/engine/caching.py says why).
os.environ.setdefault("SYMPY_CACHE_SIZE", str(SYMPY_CACHE_SIZE))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "channels",
    "django_htmx",
    "django_tasks_db",
    "derivativ",
    "questions",
    "generation",
    "papers",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "derivativ.middleware.served_by",
]

# Content Security Policy: scripts only from our own static files (htmx, its ws extension,
# app.js, the admin's), so a stored value that ever became markup could still run nothing.
# Inline style attributes stay allowed (progress bars, answer spaces sized to the marks, htmx's
# indicator style); sockets and fetches go to this origin only. The paper preview sends a
# stricter policy of its own (papers.views.PREVIEW_POLICY).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}

ROOT_URLCONF = "derivativ.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "derivativ.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "papers.context_processors.basket",
            ],
            "builtins": ["questions.templatetags.maths"],
        },
    },
]

DATABASES = {"default": default_database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "questions:bank"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Request size limits, set deliberately (derivativ/limits.py). No page uploads files; the
# largest form (a question's edit form) is a few KB.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024))
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", 500))
DATA_UPLOAD_MAX_NUMBER_FILES = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FILES", 5))
FILE_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("FILE_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024))
# Any HTTP body past this gets a 413 before Django reads it (it would spool it to disk first).
REQUEST_BODY_MAX_SIZE = int(os.environ.get("REQUEST_BODY_MAX_SIZE", 1024 * 1024))
# A page sends only its filters (bank) or nothing at all; past this a socket is closed (1009).
WEBSOCKET_MAX_MESSAGE_SIZE = int(os.environ.get("WEBSOCKET_MAX_MESSAGE_SIZE", 64 * 1024))
DAPHNE_WEBSOCKET_MAX_MESSAGE_SIZE = WEBSOCKET_MAX_MESSAGE_SIZE  # daphne's runserver reads these
DAPHNE_WEBSOCKET_MAX_FRAME_SIZE = WEBSOCKET_MAX_MESSAGE_SIZE

# A channel-layer receive blocks in Redis for 5 s (channels_redis' BZPOPMIN); redis-py 8 reads
# with a 5 s socket timeout by default, so an idle receive could time out on the client at the
# moment Redis answers: the consumer died ("Timeout reading from …") and the popped message was
# lost. The read timeout must outlast the blocking pop.
REDIS_SOCKET_TIMEOUT = 15.0


def redis_channel_layers(url: str) -> dict[str, Any]:
    return {
        "default": {
            "BACKEND": "derivativ.channel_layer.RedisChannelLayer",
            "CONFIG": {
                "hosts": [{"address": url, "socket_timeout": REDIS_SOCKET_TIMEOUT}],
                "capacity": 1500,
                "expiry": 30,
            },
        }
    }


REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CHANNEL_LAYERS = redis_channel_layers(REDIS_URL)
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

SUPABASE_URL = os.environ.get("SUPABASE_URL", "").strip()
SUPABASE_ANON_KEY = os.environ.get("SUPABASE_ANON_KEY", "").strip()
SUPABASE_SERVICE_ROLE_KEY = os.environ.get("SUPABASE_SERVICE_ROLE_KEY", "").strip()
# Where database change notifications come from: "postgres" (LISTEN/NOTIFY) or "supabase".
CHANGE_FEED = os.environ.get("CHANGE_FEED", "postgres").strip() or "postgres"
# With the in-memory channel layer the web server forwards database changes itself.
CHANGE_FEED_IN_PROCESS = env_bool("CHANGE_FEED_IN_PROCESS", True)

# LLM providers (pydantic-ai). With no key (or base URL), the pipeline runs offline.
LLM = {
    "OPENAI_API_KEY": os.environ.get("OPENAI_API_KEY", "").strip(),
    "ANTHROPIC_API_KEY": os.environ.get("ANTHROPIC_API_KEY", "").strip(),
    "GOOGLE_API_KEY": os.environ.get("GOOGLE_API_KEY", "").strip(),
    "OPENAI_COMPATIBLE_BASE_URL": os.environ.get("OPENAI_COMPATIBLE_BASE_URL", "").strip(),
    "OPENAI_COMPATIBLE_API_KEY": os.environ.get("OPENAI_COMPATIBLE_API_KEY", "").strip(),
    # Each configured provider's default model, tried as a fallback after an agent's own.
    # An OpenAI-compatible server (Ollama, vLLM, llama.cpp) has no default: name what it serves.
    "OPENAI_MODEL": os.environ.get("OPENAI_MODEL", "gpt-6.1-terra").strip(),
    "ANTHROPIC_MODEL": os.environ.get("ANTHROPIC_MODEL", "claude-sonnet-5-5").strip(),
    "GOOGLE_MODEL": os.environ.get("GOOGLE_MODEL", "gemini-3.8-flash").strip(),
    "OPENAI_COMPATIBLE_MODEL": os.environ.get("OPENAI_COMPATIBLE_MODEL", "").strip(),
    # Model per agent, "provider:model"; empty means the provider defaults above, in order.
    "GENERATOR_MODEL": os.environ.get("GENERATOR_MODEL", "").strip(),
    "MARKER_MODEL": os.environ.get("MARKER_MODEL", "").strip(),
    "REVIEWER_MODEL": os.environ.get("REVIEWER_MODEL", "").strip(),
    "REFINER_MODEL": os.environ.get("REFINER_MODEL", "").strip(),
    # More "provider:model" names a teacher may pick on the form, comma-separated.
    "EXTRA_MODELS": [
        m.strip() for m in os.environ.get("LLM_EXTRA_MODELS", "").split(",") if m.strip()
    ],
    # One request to one model; the whole call (every retry and fallback model) has a deadline.
    "TIMEOUT_SECONDS": float(os.environ.get("LLM_TIMEOUT_SECONDS", "60")),
    "DEADLINE_SECONDS": float(os.environ.get("LLM_DEADLINE_SECONDS", "150")),
    # Retries of one model after a timeout, 429 or 5xx, waiting BACKOFF_SECONDS * 2**n (capped).
    "RETRIES": int(os.environ.get("LLM_RETRIES", "2")),
    "BACKOFF_SECONDS": float(os.environ.get("LLM_BACKOFF_SECONDS", "1")),
    "BACKOFF_MAX_SECONDS": float(os.environ.get("LLM_BACKOFF_MAX_SECONDS", "20")),
    # Re-asks after output that does not validate against the schema, before the next model.
    "OUTPUT_RETRIES": int(os.environ.get("LLM_OUTPUT_RETRIES", "2")),
    "MAX_TOKENS": int(os.environ.get("LLM_MAX_TOKENS", "16000")),
}

PIPELINE = {
    "MAX_REFINEMENTS": int(os.environ.get("PIPELINE_MAX_REFINEMENTS", "2")),
    "MAX_REGENERATIONS": int(os.environ.get("PIPELINE_MAX_REGENERATIONS", "2")),
    "SESSION_DEADLINE_SECONDS": int(os.environ.get("PIPELINE_SESSION_DEADLINE_SECONDS", "600")),
    "CONCURRENCY": int(os.environ.get("PIPELINE_CONCURRENCY", "4")),
    "HEARTBEAT_SECONDS": float(os.environ.get("PIPELINE_HEARTBEAT_SECONDS", "2")),
    "HEARTBEAT_STALE_SECONDS": float(os.environ.get("PIPELINE_HEARTBEAT_STALE_SECONDS", "20")),
    # How often each worker's watchdog looks for sessions whose worker stopped beating (0: a
    # quarter of HEARTBEAT_STALE_SECONDS, at least 1 s).
    "WATCHDOG_SECONDS": float(os.environ.get("PIPELINE_WATCHDOG_SECONDS", "0")),
}
# What one teacher may ask of the workers (generation.services.session_limits_check): sessions
# running at once (more wait, pending, until one ends), sessions waiting to start, and questions
# in one session. Staff get STAFF_MULTIPLIER times the session caps (not more questions).
SESSION_LIMITS = {
    "MAX_ACTIVE": int(os.environ.get("SESSION_MAX_ACTIVE", "3")),
    "MAX_QUEUED": int(os.environ.get("SESSION_MAX_QUEUED", "10")),
    "MAX_QUESTIONS": int(os.environ.get("SESSION_MAX_QUESTIONS", "20")),
    "STAFF_MULTIPLIER": int(os.environ.get("SESSION_STAFF_MULTIPLIER", "5")),
    # A session held back by MAX_ACTIVE is tried again this long after.
    "RETRY_SECONDS": float(os.environ.get("SESSION_RETRY_SECONDS", "5")),
}
# Fault tests only (generation/faults.py): stop a worker at "<stage>:<question index>".
PIPELINE_PAUSE_AT = os.environ.get("PIPELINE_PAUSE_AT", "")
PIPELINE_PAUSE_FILE = os.environ.get("PIPELINE_PAUSE_FILE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"pgserver": {"level": "WARNING"}, "daphne": {"level": "WARNING"}},
}
