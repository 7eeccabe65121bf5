"""Domain errors. Every message is fit to show the user as it is."""


class ServiceError(Exception):
    """Base of every error a service reports to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(ServiceError):
    """Bad input: says what is wrong and where.

    ``field`` names the first bad input; ``errors`` maps every bad input to its
    message, so a form can show each next to its field."""

    def __init__(
        self, message: str, field: str | None = None, errors: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.errors = dict(errors) if errors else ({field: message} if field else {})

    @classmethod
    def from_errors(cls, errors: dict[str, str]) -> "ValidationError":
        field, message = next(iter(errors.items()))
        return cls(message, field=field, errors=errors)


class NotFoundError(ServiceError):
    """The thing asked for does not exist (any more)."""


class ConflictError(ServiceError):
    """The change clashes with existing data (a duplicate name, a thing still in use)."""


class PlanStateError(ServiceError):
    """The plan's state does not allow this action; the message says what it allows."""


class UserInputError(ServiceError):
    """A request that names something ambiguous or missing (e.g. an event by name)."""
