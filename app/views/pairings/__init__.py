"""Pairings (flyktningguide, vennefamilie): the board, the matching screen and the pairing page."""
