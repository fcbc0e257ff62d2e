"""The volunteer register screen: list, filter, form and status changes."""
