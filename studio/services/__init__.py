"""Use cases as QObjects: they call the store and emit Qt signals for the widgets."""
