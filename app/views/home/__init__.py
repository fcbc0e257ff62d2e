"""The home screen ("Oversikt"): figure cards, or a welcome when the register is empty."""
