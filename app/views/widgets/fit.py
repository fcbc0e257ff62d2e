"""Let a dialog grow when a message appears, so no red text is ever cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def grow_to_fit(widget: QWidget) -> None:
    """Make `widget` tall enough for its layout at its current width (never shrinks it)."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(widget.width()) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height())
    if needed > widget.height():
        widget.resize(widget.width(), needed)
