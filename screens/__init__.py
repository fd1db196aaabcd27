"""Textual screens: thin views over the Simulator, one module per part of the app."""
