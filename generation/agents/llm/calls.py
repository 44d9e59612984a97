"""One structured LLM call: each model in turn, retried with backoff on timeouts, 429 and 5xx,
re-asked (pydantic-ai output retries) when its output does not validate, and given up on for
the next model on anything else. The whole call has a hard deadline.

Every failure becomes one line a teacher can read in the step log ("openai:gpt-6.1-terra:
rate limited (HTTP 429); retrying in 1 s"); if no model answers, :class:`LLMUnavailable`
carries them all, and the tokens the failed attempts spent.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
from collections.abc import Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from pydantic import BaseModel

from generation.agents.llm.config import ModelConfigError, label, resolve
from generation.agents.llm.pricing import Spend
from generation.agents.schemas import Usage

if TYPE_CHECKING:
    from pydantic_ai import Agent
    from pydantic_ai.messages import ModelMessage
    from pydantic_ai.models import Model

logger = logging.getLogger(__name__)

_REFUSAL = re.compile(
    r"\b(can(?:no|')t|won't|will not|unable to|not able to|sorry|decline|refuse)\b", re.I
)


class LLMUnavailable(RuntimeError):
    """Every model failed (or none is configured); ``reasons`` says why, per model and attempt.

    ``usage`` is what the failed attempts spent; ``unreachable`` is true when every failure was
    the provider's (timeouts, rate limits, server errors), not the model's output.
    """

    def __init__(
        self, reasons: list[str], *, usage: Usage | None = None, unreachable: bool = False
    ) -> None:
        self.reasons = reasons
        self.usage = usage or Usage()
        self.unreachable = unreachable
        super().__init__("; ".join(reasons) or "no language model is configured")


@dataclass
class LLMResult[T: BaseModel]:
    output: T
    usage: Usage
    model: str
    failures: list[str] = field(default_factory=list)
    # "genai-prices" (through pydantic-ai), "price table" (ours), "unpriced", or a mix.
    cost_source: str = ""

    def notes(self, done: str) -> list[str]:
        """Step-log lines: each failed attempt, then which model did it and what it cost."""
        spent = (
            f"{self.usage.tokens_in} tokens in, {self.usage.tokens_out} out, "
            f"${self.usage.cost:.4f}" + (f" by {self.cost_source}" if self.cost_source else "")
        )
        return [*(f"fallback: {f}" for f in self.failures), f"{done} by {self.model} ({spent})."]


@dataclass(frozen=True)
class Limits:
    """How hard one call tries (``settings.LLM``): per-request timeout, whole-call deadline,
    retries per model with exponential backoff, output re-asks."""

    timeout: float
    deadline: float
    retries: int
    backoff: float
    backoff_max: float
    output_retries: int

    @classmethod
    def from_settings(cls, timeout: float | None = None) -> Limits:
        config = getattr(settings, "LLM", None) or {}
        per_request = float(timeout or config.get("TIMEOUT_SECONDS", 60))
        return cls(
            timeout=per_request,
            deadline=float(config.get("DEADLINE_SECONDS", 2.5 * per_request)),
            retries=int(config.get("RETRIES", 2)),
            backoff=float(config.get("BACKOFF_SECONDS", 1)),
            backoff_max=float(config.get("BACKOFF_MAX_SECONDS", 20)),
            output_retries=int(config.get("OUTPUT_RETRIES", 2)),
        )

    def wait(self, attempt: int, retry_after: float | None) -> float:
        """Seconds before retry number ``attempt + 1``: exponential, at least what the provider
        asked for (capped), with a little jitter so parallel questions do not retry in step."""
        wait = self.backoff * 2**attempt
        if retry_after:
            wait = max(wait, retry_after)
        return min(self.backoff_max, wait) * random.uniform(1.0, 1.1)


@dataclass(frozen=True)
class _Failure:
    reason: str
    retry: bool  # worth another try on the same model
    provider: bool  # the provider's fault, not the model's output
    retry_after: float | None = None  # seconds the provider asked to wait


def run_structured[T: BaseModel](
    *,
    agent: str,
    output_type: type[T],
    instructions: str,
    prompt: str,
    models: Sequence[Model | str],
    timeout: float | None = None,
) -> LLMResult[T]:
    """Ask each model in turn for ``output_type``; raise :class:`LLMUnavailable` if all fail.

    ``models`` are "provider:model" names (see :func:`~.config.models_for`) or pydantic-ai
    models. ``timeout`` bounds one request (default ``settings.LLM["TIMEOUT_SECONDS"]``);
    ``settings.LLM["DEADLINE_SECONDS"]`` bounds the whole call.
    """
    if not models:
        raise LLMUnavailable([f"{agent}: no language model is configured"])
    call = _Call(
        agent, output_type, instructions, prompt, list(models), Limits.from_settings(timeout)
    )
    return _run_sync(call.run())


def _run_sync[R](coroutine: Coroutine[Any, Any, R]) -> R:
    """Run on a fresh event loop: this thread's, or a helper thread's if one is running here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="llm") as pool:
        return pool.submit(asyncio.run, coroutine).result()


class _Call[T: BaseModel]:
    def __init__(
        self,
        agent: str,
        output_type: type[T],
        instructions: str,
        prompt: str,
        models: list[Model | str],
        limits: Limits,
    ) -> None:
        self.agent = agent
        self.output_type = output_type
        self.instructions = instructions
        self.prompt = prompt
        self.models = models
        self.limits = limits
        self.failures: list[str] = []
        self.provider_faults_only = True
        self.spend = Spend()
        self.last_model = ""

    async def run(self) -> LLMResult[T]:
        from pydantic_ai import Agent

        runner: Agent[None, T] = Agent(
            None,
            output_type=self.output_type,
            instructions=self.instructions,
            retries={"output": self.limits.output_retries},
            name=f"derivativ-{self.agent}",
        )
        self.deadline = time.monotonic() + self.limits.deadline
        try:
            async with asyncio.timeout(self.limits.deadline):
                for choice in self.models:
                    result = await self._try(runner, choice)
                    if result is not None:
                        return result
        except TimeoutError:
            self.failures.append(
                f"gave up: the call passed its {self.limits.deadline:g} s deadline"
                + (f" while trying {self.last_model}" if self.last_model else "")
            )
        raise LLMUnavailable(
            self.failures,
            usage=self.spend.usage(self.last_model),
            unreachable=self.provider_faults_only,
        )

    async def _try(self, runner: Agent[None, T], choice: Model | str) -> LLMResult[T] | None:
        from pydantic_ai import capture_run_messages

        shown = choice if isinstance(choice, str) else label(choice)
        try:
            name, model = resolve(choice)
        except ModelConfigError as exc:
            self.failures.append(f"{shown}: {exc}")
            return None
        except Exception as exc:  # a provider SDK that will not build: missing, misconfigured
            logger.exception("could not build model %s", shown)
            self.failures.append(f"{shown}: cannot be built ({type(exc).__name__}: {exc})")
            self.provider_faults_only = False
            return None
        self.last_model = name
        async with model:  # closes the HTTP client a built model's provider opened
            for attempt in range(self.limits.retries + 1):
                remaining = self.deadline - time.monotonic()
                with capture_run_messages() as messages:
                    try:
                        result = await runner.run(
                            self.prompt,
                            model=model,
                            model_settings={
                                "request_timeout": max(0.01, min(self.limits.timeout, remaining))
                            },
                        )
                    except Exception as exc:
                        failure = _describe(exc, messages, self.limits.output_retries)
                    else:
                        self.spend.add(messages)
                        return LLMResult(
                            output=result.output,
                            usage=self.spend.usage(name),
                            model=name,
                            failures=self.failures,
                            cost_source=self.spend.cost_source,
                        )
                self.spend.add(messages)
                self.provider_faults_only &= failure.provider
                if not failure.retry or attempt == self.limits.retries:
                    self.failures.append(f"{name}: {failure.reason}")
                    return None
                wait = self.limits.wait(attempt, failure.retry_after)
                if time.monotonic() + wait >= self.deadline:
                    self.failures.append(f"{name}: {failure.reason}; no time left to retry")
                    return None
                self.failures.append(f"{name}: {failure.reason}; retrying in {wait:.2g} s")
                await asyncio.sleep(wait)
        return None


def _describe(exc: Exception, messages: list[ModelMessage], output_retries: int) -> _Failure:
    """What went wrong, in words, and whether trying the same model again may help."""
    from pydantic_ai import exceptions as e

    if isinstance(exc, e.ModelRequestTimeout):
        return _Failure(f"timed out after {exc.timeout:g} s", retry=True, provider=True)
    if isinstance(exc, e.ModelConnectionError):
        what = "timed out" if isinstance(exc, e.ModelTimeoutError) else "could not be reached"
        return _Failure(f"{what} ({_short(exc.message)})", retry=True, provider=True)
    status = getattr(exc, "status_code", None)
    if isinstance(exc, e.ModelQuotaExceededError):
        return _Failure("quota or billing exhausted", retry=False, provider=True)
    if isinstance(exc, e.ModelRateLimitError) or status == 429:
        after = getattr(exc, "retry_after", None)
        return _Failure("rate limited (HTTP 429)", retry=True, provider=True, retry_after=after)
    if isinstance(exc, e.ModelUnavailableError | e.ModelServerError) or (status or 0) >= 500:
        code = f"HTTP {status}" if status else type(exc).__name__
        return _Failure(f"server error ({code})", retry=True, provider=True)
    if isinstance(exc, e.ModelAuthenticationError):
        return _Failure(f"rejected the credentials (HTTP {status})", retry=False, provider=True)
    if isinstance(exc, e.ModelNotFoundError):
        return _Failure(f"no such model (HTTP {status})", retry=False, provider=True)
    if isinstance(exc, e.ModelAPIError):
        code = f"HTTP {status}: " if status else ""
        body = _short(str(getattr(exc, "body", "") or exc.message))
        return _Failure(f"rejected the request ({code}{body})", retry=False, provider=True)
    if isinstance(exc, e.ContentFilterError):
        return _Failure(f"refused ({_short(exc.message)})", retry=False, provider=False)
    if isinstance(exc, e.OutputTokenLimitExceeded):
        return _Failure("ran out of output tokens before finishing", retry=False, provider=False)
    if isinstance(exc, e.UnexpectedModelBehavior):
        return _Failure(_output_failure(exc, messages, output_retries), retry=False, provider=False)
    if isinstance(exc, e.UserError):
        return _Failure(f"cannot be used: {_short(exc.message)}", retry=False, provider=False)
    logger.exception("unexpected error from a language model")
    return _Failure(
        f"failed: {type(exc).__name__}: {_short(str(exc))}", retry=False, provider=False
    )


def _output_failure(exc: Exception, messages: list[ModelMessage], output_retries: int) -> str:
    """Why the output was rejected: a refusal in words, prose instead of the schema, or the
    validation errors of its last try."""
    from pydantic_ai.messages import ModelResponse, TextPart

    responses = [m for m in messages if isinstance(m, ModelResponse)]
    last = responses[-1] if responses else None
    text = " ".join(p.content for p in last.parts if isinstance(p, TextPart)) if last else ""
    only_text = bool(last and last.parts) and all(isinstance(p, TextPart) for p in last.parts)  # type: ignore[union-attr]
    if only_text and text.strip() and not text.lstrip().startswith(("{", "[")):
        if _REFUSAL.search(text):
            return f"refused: {_short(text)!r}"
        return f"answered in prose instead of the schema: {_short(text)!r}"
    cause = exc.__cause__
    detail = _short(str(cause).split("For further information")[0]) if cause else _short(str(exc))
    return f"output did not fit the schema after {output_retries} retries ({detail})"


def _short(text: str, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
