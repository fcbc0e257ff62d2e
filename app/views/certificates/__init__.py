"""The police certificates screen: overview, dialogs, the volunteer panel and the letter."""
