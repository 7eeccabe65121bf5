"""Non-blocking dialogs: confirmation, notice, and a form base class.

None of these wait (no ``wait_window``/``mainloop``): each returns its window at
once and reports the answer through a callback, so the tests and the rest of
the window keep running. Every dialog is placed over its parent's window
(there may be no window manager to place it), Enter confirms and Escape
cancels.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from typing import TypeVar

import customtkinter as ctk

from . import theme

MESSAGE_WIDTH = 440

_T = TypeVar("_T")  # what a form's service call returns


def _place_over(dialog: tk.Toplevel, parent: tk.Misc) -> None:
    """Centre ``dialog`` over the top third of ``parent``'s window, on screen.

    Call it while ``dialog`` is withdrawn: mapped first and moved afterwards, a
    window with no window manager (Xvfb) can have the server's report of its
    first position, (0, 0), arrive after the move and win at the next
    geometry change (e.g. a CTkOptionMenu resizing itself)."""
    owner = parent.winfo_toplevel()
    dialog.update_idletasks()  # computes the requested size; a withdrawn window stays unmapped
    width, height = dialog.winfo_reqwidth(), dialog.winfo_reqheight()
    ox, oy = owner.winfo_rootx(), owner.winfo_rooty()
    ow = max(owner.winfo_width(), width)
    x = ox + (ow - width) // 2
    y = oy + max(40, (owner.winfo_height() - height) // 3)
    x = max(0, min(x, dialog.winfo_screenwidth() - width))
    y = max(0, min(y, dialog.winfo_screenheight() - height))
    dialog.geometry(f"+{x}+{y}")


class _Dialog(ctk.CTkToplevel):
    """A transient window over ``parent`` with Enter/Escape and a one-shot close."""

    def __init__(self, parent: tk.Misc, title: str) -> None:
        super().__init__(parent.winfo_toplevel())
        # Hidden until ``_finish_layout`` has placed it, so it is mapped once, where it belongs.
        self.withdraw()
        self.title(title)
        self.transient(parent.winfo_toplevel())
        # Without a window manager there is no title bar or frame: draw both ourselves.
        self.configure(highlightthickness=1, highlightbackground=theme.color("border"))
        self.heading = ctk.CTkLabel(self, text=title, font=theme.section_font(), anchor="w")
        self.heading.pack(side="top", fill="x", padx=20, pady=(14, 0))
        self.resizable(False, False)
        self._closed = False
        self.protocol("WM_DELETE_WINDOW", self._cancel)
        self.bind("<Escape>", lambda _e: self._cancel())
        self.bind("<Return>", self._on_return)
        self.bind("<KP_Enter>", self._on_return)
        # Grab only once mapped: grabbing an unmapped window fails under some WMs.
        self.bind("<Map>", self._on_map, add=True)

    def _on_map(self, event: tk.Event) -> None:
        if event.widget is not self:
            return
        try:
            self.grab_set()
        except tk.TclError:
            pass  # another grab is active (e.g. a dialog over a dialog); stay usable

    def _on_return(self, event: tk.Event) -> str | None:
        # Enter in a multi-line text box is a new line, not "confirm".
        if isinstance(event.widget, tk.Text):
            return None
        self._confirm()
        return "break"

    def _finish_layout(self, parent: tk.Misc, focus: tk.Misc | None) -> None:
        """Place the (still withdrawn) window over ``parent``, show it and focus ``focus``."""
        _place_over(self, parent)
        self.deiconify()
        self.lift()
        target = focus or self
        inner = getattr(target, "_entry", None) or getattr(target, "_textbox", None) or target
        inner.focus_set()

    def _close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self.grab_release()
        except tk.TclError:
            pass
        self.destroy()

    def _confirm(self) -> None:  # overridden
        self._close()

    def _cancel(self) -> None:  # overridden
        self._close()

    @property
    def closed(self) -> bool:
        return self._closed


def _button_row(
    dialog: _Dialog,
    ok_text: str,
    cancel_text: str | None = None,
    ok_command: Callable[[], None] | None = None,
) -> tuple[ctk.CTkButton, ctk.CTkButton | None]:
    """The dialog's bottom row: the confirming button right, Cancel (if any) beside it."""
    row = ctk.CTkFrame(dialog, fg_color="transparent")
    row.pack(side="bottom", fill="x", padx=16, pady=(8, 16))
    ok = ctk.CTkButton(row, text=ok_text, command=ok_command or dialog._confirm)
    ok.pack(side="right")
    if cancel_text is None:
        return ok, None
    cancel = ctk.CTkButton(
        row,
        text=cancel_text,
        command=dialog._cancel,
        fg_color="transparent",
        border_width=1,
        text_color=theme.COLORS["text"],
    )
    cancel.pack(side="right", padx=(0, 8))
    return ok, cancel


class ConfirmDialog(_Dialog):
    """A question with a confirm and a cancel button; ``on_answer`` runs exactly once."""

    def __init__(
        self,
        parent: tk.Misc,
        title: str,
        message: str,
        on_answer: Callable[[bool], None],
        confirm_text: str = "OK",
        cancel_text: str = "Cancel",
    ) -> None:
        super().__init__(parent, title)
        self._on_answer = on_answer
        self.confirm_button, self.cancel_button = _button_row(self, confirm_text, cancel_text)
        self.message_label = ctk.CTkLabel(
            self, text=message, justify="left", anchor="w", wraplength=MESSAGE_WIDTH,
            font=theme.font(13),
        )
        self.message_label.pack(side="top", fill="both", expand=True, padx=20, pady=(8, 4))
        self._finish_layout(parent, self.confirm_button)

    def _answer(self, value: bool) -> None:
        if self._closed:
            return
        self._close()
        self._on_answer(value)

    def _confirm(self) -> None:
        self._answer(True)

    def _cancel(self) -> None:
        self._answer(False)


class NoticeDialog(_Dialog):
    """A message with one OK button."""

    def __init__(self, parent: tk.Misc, title: str, message: str) -> None:
        super().__init__(parent, title)
        self.ok_button, _ = _button_row(self, "OK", ok_command=self._close)
        self.message_label = ctk.CTkLabel(
            self, text=message, justify="left", anchor="w", wraplength=MESSAGE_WIDTH,
            font=theme.font(13),
        )
        self.message_label.pack(side="top", fill="both", expand=True, padx=20, pady=(8, 4))
        self._finish_layout(parent, self.ok_button)


def ask_confirm(
    parent: tk.Misc,
    title: str,
    message: str,
    on_answer: Callable[[bool], None],
    confirm_text: str = "OK",
    cancel_text: str = "Cancel",
) -> ctk.CTkToplevel:
    """Ask a yes/no question without blocking; ``on_answer(True)`` on confirm, ``False``
    on Cancel, Escape or closing the window. Returns the dialog (a ConfirmDialog)."""
    return ConfirmDialog(parent, title, message, on_answer, confirm_text, cancel_text)


def show_notice(parent: tk.Misc, title: str, message: str) -> ctk.CTkToplevel:
    """Show a message with an OK button, without blocking. Returns the dialog."""
    return NoticeDialog(parent, title, message)


class FormDialog(_Dialog):
    """A form: labelled fields with inline errors, OK and Cancel.

    Subclasses build fields with ``add_field`` (widgets created on ``self.body``)
    and override ``on_submit() -> bool``: return True to close, False to stay
    open (after ``set_error`` said what is wrong). Call ``finish()`` once the
    fields are added, to place the window and focus the first field."""

    def __init__(
        self, parent: tk.Misc, title: str, ok_text: str = "OK", cancel_text: str = "Cancel"
    ) -> None:
        super().__init__(parent, title)
        self._parent = parent
        self._errors: dict[str, ctk.CTkLabel] = {}
        self._aliases: dict[object, str] = {}
        self._first: tk.Misc | None = None
        self.ok_button, self.cancel_button = _button_row(self, ok_text, cancel_text)
        self.form_error = ctk.CTkLabel(
            self, text="", text_color=theme.COLORS["error"], justify="left", anchor="w",
            wraplength=MESSAGE_WIDTH,
        )
        self.form_error.pack(side="bottom", fill="x", padx=20)
        self.body = ctk.CTkFrame(self, fg_color="transparent")
        self.body.pack(side="top", fill="both", expand=True, padx=20, pady=(6, 0))
        self.body.grid_columnconfigure(1, weight=1)
        self._row = 0

    def add_field(
        self, label: str, widget: tk.Widget, name: str | None = None, hint: str | None = None
    ) -> tk.Widget:
        """Lay out ``label`` and ``widget`` (a child of ``self.body``) with an error line
        below. ``name`` (default: the label) is what ``set_error`` takes; the widget
        and the label work too. ``hint`` (e.g. a format) is shown small, right of the widget."""
        key = name or label
        ctk.CTkLabel(self.body, text=label, anchor="w", font=theme.font(13)).grid(
            row=self._row, column=0, sticky="w", padx=(0, 12), pady=(6, 0)
        )
        widget.grid(row=self._row, column=1, sticky="ew", pady=(6, 0))
        error = ctk.CTkLabel(
            self.body, text="", text_color=theme.COLORS["error"], anchor="w", justify="left",
            font=theme.font(12), wraplength=MESSAGE_WIDTH - 120, height=18,
        )
        error.grid(row=self._row + 1, column=1, columnspan=2, sticky="w")
        if hint:
            ctk.CTkLabel(
                self.body, text=hint, text_color=theme.COLORS["muted"], anchor="w",
                font=theme.font(12),
            ).grid(row=self._row, column=2, sticky="w", padx=(8, 0), pady=(6, 0))
        self._errors[key] = error
        self._aliases[label] = key
        self._aliases[id(widget)] = key
        self._row += 2
        if self._first is None:
            self._first = widget
        return widget

    def _key(self, field: object) -> str | None:
        if isinstance(field, str) and field in self._errors:
            return field
        if isinstance(field, str):
            return self._aliases.get(field)
        return self._aliases.get(id(field))

    def set_error(self, field: object, text: str) -> None:
        """Show ``text`` under ``field`` (a name, label or widget); an unknown field or
        None shows it above the buttons. Empty text clears it."""
        self._label_of(field).configure(text=text or "")

    def error_text(self, field: object) -> str:
        """The error shown for ``field`` now ("" when none); None means the form's own line."""
        return str(self._label_of(field).cget("text"))

    def _label_of(self, field: object) -> ctk.CTkLabel:
        """The error line of ``field``; the form's own line for None or an unknown field."""
        key = self._key(field) if field is not None else None
        label = self._errors.get(key) if key is not None else None
        return label if label is not None else self.form_error

    def set_errors(self, errors: dict[str, str]) -> None:
        """Clear every error, then show each of ``errors`` at its field."""
        self.clear_errors()
        for field, text in errors.items():
            self.set_error(field, text)

    def save_with(self, call: Callable[[], _T], on_saved: Callable[[_T], None]) -> bool:
        """Run a service call for this form: on success pass its result to
        ``on_saved`` and return True (the dialog closes); on a refusal show the
        service's messages at their fields, keep everything typed, return False."""
        from src.services.errors import ServiceError, ValidationError

        try:
            saved = call()
        except ValidationError as exc:
            if exc.errors:
                self.set_errors(exc.errors)
            else:
                self.clear_errors()
                self.set_error(None, exc.message)
            return False
        except ServiceError as exc:
            self.clear_errors()
            self.set_error(None, exc.message)
            return False
        on_saved(saved)
        return True

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.configure(text="")
        self.form_error.configure(text="")

    def finish(self, focus: tk.Misc | None = None) -> None:
        """Place the window over its parent, show it and focus ``focus`` (default: the
        first field). Until then the window is withdrawn."""
        self._finish_layout(self._parent, focus or self._first)

    def on_submit(self) -> bool:
        """Validate and save; True closes the dialog, False keeps it open."""
        return True

    def on_cancel(self) -> None:
        """Called once when the dialog is cancelled (Cancel, Escape, closing)."""

    def _confirm(self) -> None:
        if self._closed:
            return
        if self.on_submit():
            self._close()

    def _cancel(self) -> None:
        if self._closed:
            return
        self._close()
        self.on_cancel()
