"""Problems with an exchange document's header and shape, as ``location: message``.

:func:`parse_document` checks the header (``format``, ``version``), then the
shapes in ``exchange_schema``; :func:`shape_problems` turns pydantic's errors
into the document's location style
(``recipes[3].ingredients[1].unit: unknown unit "cupz"``).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .schema import FORMAT, VERSION, DocumentDoc, shown_value

_TYPE_MESSAGES = {
    "missing": "is required",
    "list_type": "must be a list",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "dict_type": "must be an object",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
}


def location(loc: tuple[int | str, ...]) -> str:
    """``("recipes", 3, "ingredients", 1, "unit")`` → ``recipes[3].ingredients[1].unit``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text or "document"


def shape_problems(exc: ValidationError) -> list[str]:
    """Every pydantic error as ``location: message``, in document order."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False):
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-"))
        )
        message = error["msg"] if error["type"] == "bake" else _TYPE_MESSAGES.get(
            error["type"], error["msg"][:1].lower() + error["msg"][1:]
        )
        if error["type"] == "literal_error" and loc == ("format",):
            message = f'expected "{FORMAT}"'
        problems.append(f"{location(loc)}: {message}")
    return problems


def check_header(document: dict[str, Any]) -> list[str]:
    """Problems with ``format`` and ``version``; when any, nothing else can be trusted."""
    problems = []
    if document.get("format") != FORMAT:
        problems.append(f'format: expected "{FORMAT}"')
    version = document.get("version")
    if "version" not in document:
        problems.append("version: is required")
    elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
        problems.append(f"version: {shown_value(version)} is not a version number")
    elif version > VERSION:
        problems.append(
            f"version: {version} is newer than this Bake Planner understands ({VERSION})"
        )
    return problems


def parse_document(document: dict[str, Any]) -> tuple[DocumentDoc | None, list[str]]:
    """The document's shape, or the problems found (header problems stop early)."""
    problems = check_header(document)
    if problems:
        return None, problems
    try:
        return DocumentDoc.model_validate(document), []
    except ValidationError as exc:
        return None, shape_problems(exc)
    except RecursionError:
        return None, ["document: is nested too deeply"]
