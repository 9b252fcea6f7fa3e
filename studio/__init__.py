"""Studio Desk: the control panel of a county government's daily livestream studio."""

__version__ = "0.1.0"
APP_NAME = "StudioDesk"
