"""The "Innstillinger" page: the centre's settings, the staff list and the language."""
