"""Which language models the agents may use: ``settings.LLM`` read into providers, the models
to try for an agent, and a pydantic-ai model built for a "provider:model" name.

A test replaces the models behind the names with :func:`substitute_models`, so the selection
from settings runs as in production and no request leaves the process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    from pydantic_ai.models import Model

logger = logging.getLogger(__name__)

AGENTS = ("generator", "marker", "reviewer", "refiner")
# The order fallbacks are tried in, after the request's and the agent's own model.
PROVIDERS = ("openai", "anthropic", "google", "openai-compatible")
_ALIASES = {
    "openai-chat": "openai",
    "google-gla": "google",
    "gemini": "google",
    "compatible": "openai-compatible",
}


class ModelConfigError(ValueError):
    """A model name that cannot be used: malformed, an unknown provider, or one with no key."""


@dataclass(frozen=True)
class ProviderConfig:
    name: str
    api_key: str
    base_url: str = ""
    default_model: str = ""


def _setting(key: str, default: Any = "") -> Any:
    return (getattr(settings, "LLM", None) or {}).get(key, default)


def providers() -> dict[str, ProviderConfig]:
    """The configured providers (an API key, or a base URL for an OpenAI-compatible server),
    in fallback order."""
    found: dict[str, ProviderConfig] = {}
    for name in ("openai", "anthropic", "google"):
        key = str(_setting(f"{name.upper()}_API_KEY")).strip()
        if key:
            found[name] = ProviderConfig(name, key, "", str(_setting(f"{name.upper()}_MODEL")))
    base_url = str(_setting("OPENAI_COMPATIBLE_BASE_URL")).strip()
    if base_url:
        found["openai-compatible"] = ProviderConfig(
            "openai-compatible",
            str(_setting("OPENAI_COMPATIBLE_API_KEY")).strip(),
            base_url,
            str(_setting("OPENAI_COMPATIBLE_MODEL")),
        )
    return found


def parse(name: str) -> tuple[str, str]:
    """``(provider, model)`` of a "provider:model" name, the provider's aliases resolved."""
    provider, sep, model = name.strip().partition(":")
    provider = _ALIASES.get(provider.strip().lower(), provider.strip().lower())
    if not sep or not model.strip():
        raise ModelConfigError(f"{name!r} is not a 'provider:model' name")
    if provider not in PROVIDERS:
        raise ModelConfigError(f"{name!r} names an unknown provider {provider!r}")
    return provider, model.strip()


def canonical(name: str) -> str:
    """The name as "provider:model" with the provider's canonical spelling."""
    provider, model = parse(name)
    return f"{provider}:{model}"


def _usable(name: str, configured: Mapping[str, ProviderConfig]) -> str:
    """The canonical name if its provider is configured, else "" (and a log line why)."""
    if not name.strip():
        return ""
    try:
        provider, model = parse(name)
    except ModelConfigError as exc:
        logger.warning("ignoring model %s", exc)
        return ""
    if provider not in configured:
        logger.info("ignoring model %s: %s is not configured", name, provider)
        return ""
    return f"{provider}:{model}"


def models_for(agent: str, override: str = "") -> list[str]:
    """The models to try for ``agent``, in order: the request's ``override``, the agent's own
    model (``settings.LLM["<AGENT>_MODEL"]``), then each configured provider's default.

    Names whose provider has no key are left out; empty when no provider is configured, and
    the pipeline is then offline.
    """
    if agent not in AGENTS:
        raise ValueError(f"unknown agent {agent!r}; one of {', '.join(AGENTS)}")
    configured = providers()
    if not configured:
        return []
    wanted = [override, str(_setting(f"{agent.upper()}_MODEL"))]
    wanted += [f"{p.name}:{p.default_model}" for p in configured.values() if p.default_model]
    found: list[str] = []
    for name in wanted:
        usable = _usable(name, configured)
        if usable and usable not in found:
            found.append(usable)
    return found


def available_models() -> list[str]:
    """Every configured model a teacher may pick, as "provider:model": the providers' defaults,
    the agents' own models and ``settings.LLM["EXTRA_MODELS"]``."""
    configured = providers()
    names = [f"{p.name}:{p.default_model}" for p in configured.values() if p.default_model]
    names += [str(_setting(f"{agent.upper()}_MODEL")) for agent in AGENTS]
    names += list(_setting("EXTRA_MODELS", []) or [])
    found: list[str] = []
    for name in names:
        usable = _usable(name, configured)
        if usable and usable not in found:
            found.append(usable)
    return found


# --- building models -------------------------------------------------------------------------

_substitutes_lock = threading.Lock()
_substitutes: dict[str, Model] | None = None


@contextmanager
def substitute_models(models: Mapping[str, Model]) -> Iterator[None]:
    """Serve these pydantic-ai models (``TestModel``, ``FunctionModel``…) for the given names.

    While active, a name with no substitute fails like an unreachable model instead of being
    built, so a test never sends a request. Global rather than per-context, because the
    orchestrator runs questions on worker threads.
    """
    global _substitutes
    replacement = {canonical(name): model for name, model in models.items()}
    with _substitutes_lock:
        previous, _substitutes = _substitutes, replacement
    try:
        yield
    finally:
        with _substitutes_lock:
            _substitutes = previous


def label(model: Model | str) -> str:
    """A model's name for the step log, "provider:model"."""
    if isinstance(model, str):
        return canonical(model)
    return f"{model.system}:{model.model_name}"


def resolve(choice: Model | str) -> tuple[str, Model]:
    """``(name, model)`` for a name or an already built model (a test's)."""
    if not isinstance(choice, str):
        return label(choice), choice
    name = canonical(choice)
    with _substitutes_lock:
        substitutes = _substitutes
    if substitutes is not None:
        if name not in substitutes:
            raise ModelConfigError(f"no substitute for {name} in this test")
        return name, substitutes[name]
    return name, build_model(name)


def build_model(name: str, *, http_client: Any = None) -> Model:
    """The pydantic-ai model for a configured "provider:model" name.

    Provider SDK retries are off (:mod:`.calls` retries with its own backoff and deadline) and
    output is capped at ``settings.LLM["MAX_TOKENS"]``, which also keeps Anthropic requests
    unstreamed. ``http_client`` (an ``httpx2.AsyncClient``) is for replaying recorded responses.
    """
    # The SDKs are imported here, not at module level: the form imports this package.
    from pydantic_ai.settings import ModelSettings

    provider, model_name = parse(name)
    config = providers().get(provider)
    if config is None:
        what = "base URL" if provider == "openai-compatible" else "API key"
        raise ModelConfigError(f"{provider} has no {what} configured")
    model_settings = ModelSettings(max_retries=0, max_tokens=int(_setting("MAX_TOKENS", 16000)))
    if provider == "openai":
        from pydantic_ai.models.openai import OpenAIChatModel
        from pydantic_ai.providers.openai import OpenAIProvider

        return OpenAIChatModel(
            model_name,
            provider=OpenAIProvider(api_key=config.api_key, http_client=http_client),
            settings=model_settings,
        )
    if provider == "openai-compatible":
        from pydantic_ai.models.openai import OpenAIChatModel
        from pydantic_ai.providers.openai_compatible import OpenAICompatibleProvider

        return OpenAIChatModel(
            model_name,
            provider=OpenAICompatibleProvider(
                "openai-compatible",
                base_url=config.base_url,
                # Local servers often need no key, but the OpenAI client insists on one.
                api_key=config.api_key or "not-needed",
                http_client=http_client,
            ),
            settings=model_settings,
        )
    if provider == "anthropic":
        from pydantic_ai.models.anthropic import AnthropicModel
        from pydantic_ai.providers.anthropic import AnthropicProvider

        return AnthropicModel(
            model_name,
            provider=AnthropicProvider(api_key=config.api_key, http_client=http_client),
            settings=model_settings,
        )
    from pydantic_ai.models.google import GoogleModel
    from pydantic_ai.providers.google import GoogleProvider

    return GoogleModel(
        model_name,
        provider=GoogleProvider(api_key=config.api_key, http_client=http_client),
        settings=model_settings,
    )
