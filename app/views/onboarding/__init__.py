"""The onboarding board: where each new volunteer stands, and the course register."""
