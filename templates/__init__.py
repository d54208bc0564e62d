"""Built-in templates; this file makes the folder the package drafter.templates once installed."""
