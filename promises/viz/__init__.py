"""Interactive, self-contained HTML views."""
