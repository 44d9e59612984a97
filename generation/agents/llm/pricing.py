"""What the model responses of one call cost, in tokens and US dollars.

The price of each response comes from pydantic-ai, which prices it with genai-prices when that
knows the model. For a response it cannot price, :data:`PRICES` (the default models, copied
from genai-prices 0.2.3's data) is used; a model in neither (a local server's) costs 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generation.agents.schemas import Usage

if TYPE_CHECKING:
    from pydantic_ai.messages import ModelMessage, ModelResponse

# US dollars per million input and output tokens, at the base tier (short prompts).
PRICES: dict[str, tuple[float, float]] = {
    "gpt-6.1-terra": (1.0, 5.0),
    "claude-sonnet-5-5": (2.0, 10.0),
    "gemini-3.8-flash": (0.75, 3.75),
}

GENAI_PRICES = "genai-prices"
PRICE_TABLE = "price table"
UNPRICED = "unpriced"


def table_price(model_name: str, tokens_in: int, tokens_out: int) -> float | None:
    """The cost from :data:`PRICES`, or None for a model it does not list."""
    prices = PRICES.get(model_name.rpartition(":")[2])
    if prices is None:
        return None
    return (tokens_in * prices[0] + tokens_out * prices[1]) / 1_000_000


@dataclass
class Spend:
    """Tokens and cost added up over every response of one call, failed attempts included."""

    tokens_in: int = 0
    tokens_out: int = 0
    cost: float = 0.0
    responses: int = 0
    sources: set[str] = field(default_factory=set)

    def add(self, messages: Iterable[ModelMessage]) -> None:
        from pydantic_ai.messages import ModelResponse

        for message in messages:
            if isinstance(message, ModelResponse):
                self.add_response(message)

    def add_response(self, response: ModelResponse) -> None:
        usage = response.usage
        self.tokens_in += usage.input_tokens
        self.tokens_out += usage.output_tokens
        self.responses += 1
        if usage.cost is not None:
            self.cost += float(usage.cost)
            self.sources.add(GENAI_PRICES)
            return
        price = table_price(response.model_name or "", usage.input_tokens, usage.output_tokens)
        if price is None:
            self.sources.add(UNPRICED)
        else:
            self.cost += price
            self.sources.add(PRICE_TABLE)

    @property
    def cost_source(self) -> str:
        """Where the cost came from: "genai-prices", "price table", "unpriced", or a mix."""
        return " + ".join(sorted(self.sources))

    def usage(self, model: str) -> Usage:
        return Usage(
            tokens_in=self.tokens_in,
            tokens_out=self.tokens_out,
            cost=round(self.cost, 6),
            model=model,
            calls=self.responses,
        )
