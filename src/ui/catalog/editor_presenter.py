"""What the catalog editors' presenters share: saving a form through a service
call and telling the view where each refusal belongs.

The recipe and finished-good editors send only the rows the user filled in, so
the service names a field by its index in what was sent (``lines[1].quantity``);
``renumber`` turns that back into the row of the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from src.services.errors import ServiceError, ValidationError
from src.services.facade import Services, as_services

FORM_ERROR = "form"  # the key of a message that belongs to no one field

class EditorView(Protocol):
    def show_errors(self, errors: dict[str, str]) -> None: ...
    def close(self) -> None: ...


ViewT = TypeVar("ViewT", bound=EditorView)
SavedT = TypeVar("SavedT")


def renumber(key: str, prefix: str, rows: list[int]) -> str | None:
    """``key`` with the index after ``prefix`` (``lines[1]…``) replaced by the form
    row ``rows[1]``; None when the key is not of that list or its index is unknown."""
    if not key.startswith(prefix + "["):
        return None
    inside, _, rest = key[len(prefix) + 1:].partition("]")
    if not inside.isdigit() or int(inside) >= len(rows):
        return None
    return f"{prefix}[{rows[int(inside)]}]{rest}"


class EditorPresenter(Generic[ViewT, SavedT]):
    """An editor's logic; ``on_saved(item)`` after a save."""

    def __init__(
        self, services: Services, view: ViewT, on_saved: Callable[[SavedT], None] | None
    ) -> None:
        self.services = as_services(services)
        self.view = view
        self._on_saved = on_saved

    def _write(
        self,
        write: Callable[[], SavedT],
        early: dict[str, str],
        to_form: Callable[[dict[str, str]], dict[str, str]],
    ) -> SavedT | None:
        """Run the service call ``write``. On a refusal show every message (the
        service's keys mapped by ``to_form``; ``early``, found before asking, win)
        and return None; on success clear the messages and return the saved item."""
        try:
            saved = write()
        except ValidationError as exc:
            errors = to_form(exc.errors or {FORM_ERROR: exc.message})
            errors.update(early)
            self.view.show_errors(errors)
            return None
        except ServiceError as exc:
            self.view.show_errors({**early, FORM_ERROR: exc.message})
            return None
        self.view.show_errors({})
        return saved

    def _done(self, saved: SavedT) -> bool:
        """Hand the saved item on and close the editor."""
        if self._on_saved is not None:
            self._on_saved(saved)
        self.view.close()
        return True
