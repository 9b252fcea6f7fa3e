"""The main window's tabs, one module a seat."""
