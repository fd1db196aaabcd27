"""Textual screens: thin views over `state.Simulator`, one module per part of the app."""
