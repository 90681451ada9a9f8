"""eventwire: international-affairs news into sourced, queryable event data."""

__version__ = "0.1.0"
