"""The Qt user interface. Views call services for every rule and every figure; no SQL here."""
