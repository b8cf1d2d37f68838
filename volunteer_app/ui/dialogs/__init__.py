"""Dialogs of the window: each one a form that validates as the user types."""
