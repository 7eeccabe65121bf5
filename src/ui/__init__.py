"""customtkinter views and presenters. Never imports src.models or SQLAlchemy."""

from .font_files import install_safe_font_copy

# Before any view imports customtkinter (see font_files).
install_safe_font_copy()
