"""The command line's words in the interface language: Qt's translate over the app's catalogue.

Human lines go through :func:`translate` with the literal context ``"CommandLine"`` (lupdate
collects them into ``studio_zh_CN.ts`` like the window's strings); JSON keys and values, CSV
and file names a script reads stay as they are. The language is ``--lang``, else the
environment's (:func:`studio.language.language_from_environment`), chosen once by
:func:`use_language`; the catalogue is loaded on the first word, into a ``QCoreApplication``
made then only for translating (none for English).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from studio.domain.refusals import Refused
from studio.language import install_catalogues, language_from_environment
from studio.services.refusal_text import refusal_text

_language = "en"
_loaded: list[QTranslator] | None = None
_app: QCoreApplication | None = None


def use_language(requested: str | None = None) -> str:
    """Choose the command's language (``--lang`` or the environment's); returns it."""
    global _language
    language = language_from_environment(requested)
    if language != _language:
        _unload()
        _language = language
    return language


def _unload() -> None:
    global _loaded
    app = QCoreApplication.instance()
    for translator in _loaded or []:
        if app is not None:
            app.removeTranslator(translator)
    _loaded = None


def refusal(refused: Refused) -> str:
    """A refusal of the store in the command's language (the window's words for it)."""
    _load_catalogue()
    return refusal_text(refused)


def translate(context: str, text: str) -> str:
    """``text`` in the command's language (``context`` is always ``"CommandLine"``, literal,
    for lupdate)."""
    if _language == "en":
        return text
    _load_catalogue()
    return QCoreApplication.translate(context, text)


def _load_catalogue() -> None:
    global _loaded, _app
    if _language == "en" or _loaded is not None:
        return
    app = QCoreApplication.instance()
    if app is None:
        _app = app = QCoreApplication([])
    _loaded = install_catalogues(app, _language)
