"""The participant register: the list, the form with consent, and households."""
