"""Dugnad: the desktop app for Norwegian volunteer centres (frivilligsentraler)."""

__version__ = "0.1.0"
