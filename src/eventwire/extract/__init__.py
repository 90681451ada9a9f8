"""Extraction: events, time, figures, deals and quotes from one parsed article."""
