"""AppSetting: one named application setting (the currency symbol, …)."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AppSetting(Base):
    """A key/value setting shared by every computer using the database."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200), nullable=False)

    def __repr__(self) -> str:
        return f"AppSetting(key={self.key!r}, value={self.value!r})"
