"""customtkinter views and presenters. Never imports src.models or SQLAlchemy."""
