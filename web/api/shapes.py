"""What every API model is built from: bounded ids, text PostgreSQL can store, inputs that refuse unknown fields."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from web.params import MAX_ID

# No NUL: PostgreSQL's text cannot hold it (a lone surrogate never gets this far: the JSON reader refuses it).
Text = Annotated[str, Field(pattern=r"^[^\x00]*$")]
# An id the database's integer can hold: past it PostgreSQL would raise rather than find nothing.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


class Input(BaseModel):
    """A request body: a field the model does not name is refused (422), never silently dropped."""

    model_config = ConfigDict(extra="forbid")
