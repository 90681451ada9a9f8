"""The analyst's workbench: JSON API and server-rendered pages."""
