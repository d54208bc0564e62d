"""Form schemas; this file makes the folder the package drafter.schemas once installed."""
