"""Walk a widget tree and name every text a person reads that is still English.

Used by the French tests: under `fr_FR`, a window's labels, buttons, titles, menus, headers,
tooltips, placeholders and accessible names must be French. Salesforce's own codes and
messages, IDs, numbers and proper names are not translated, so a text counts as English only
when it holds a common English word (a short list of the words any English sentence of this
app uses), outside the words that are the same in both languages or are names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

ENGLISH_WORDS = frozenset(
    """
    the and of to for with from is are was were be been no not all this that these your you it
    its in at by or if when which what who how why there their then than into error errors sync
    synced syncing file files open save saved show shown hide log login logged out copy search
    filter filters clear apply cancel close settings record records level job jobs details time
    failed failure new last first next back help about view edit window quit exit select
    selected rows row column columns group groups archived reload reloaded reloading fix fixed
    fields field value values read reading loading loaded please could cannot can't won't will
    would should must may none any every each more less only also just here now again yet since
    before after until while still already never always today yesterday hour hours day days week
    month year from until between include including without organization password username
    token remember browser account advanced network certificate status problems problem watch
    watching notify tray resume start stopped refresh run running done ready resolved ignored
    open opened why because suggested steps step preview undo drop map set fill empty truncate
    check checked checks confirm yes
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Words that are the same in French or are names the app must not translate.
SAME_IN_BOTH = frozenset(
    """
    salesforce bulk api apex csv json id ids url http https oauth ok excel utc sfdc
    """.split()  # noqa: SIM905
)

_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
_DATA = re.compile(r"“[^”]*”|\S*[/\\]\S*|\S+\.\S+|\S+@\S+")  # “values”, paths, hosts, e-mails
_CODE = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")  # REQUIRED_FIELD_MISSING and the like


def english_words(text: str) -> list[str]:
    """The common English words in `text` (empty: it reads as French, a name or a code).
    Quoted values (“…”), paths, host names and addresses are data, not words of the window."""
    plain = _CODE.sub(" ", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    plain = _DATA.sub(" ", plain)
    words = (word.lower() for word in _WORD.findall(plain))
    return [word for word in words if word in ENGLISH_WORDS and word not in SAME_IN_BOTH]


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of `root` and the widgets under it a person can read."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}({widget.objectName() or '?'})"
        for text in _widget_texts(widget):
            if text.strip():
                yield where, text
    for action in _actions(widgets):
        for text in (action.text(), action.toolTip(), action.statusTip()):
            if text.strip():
                yield f"QAction({action.objectName() or action.text()})", text


def untranslated(root: QWidget, allowed: Iterable[str] = (), values: Iterable[str] = ()) -> list[str]:
    """Each visible text under `root` that reads as English, with where it is. `allowed` texts
    are skipped whole; `values` (the org's messages quoted inside a sentence) are cut out first."""
    keep = set(allowed)
    inside = sorted({value for value in values if len(value) > 3}, key=len, reverse=True)
    found = []
    for where, text in visible_texts(root):
        plain = text
        for value in inside:
            plain = plain.replace(value, " ")
        if text not in keep and (words := english_words(plain)):
            found.append(f"{where}: {text!r} (English: {', '.join(words)})")
    return found


def _widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription(), widget.statusTip()]
    if widget.isWindow() or isinstance(widget, QMainWindow):
        texts.append(widget.windowTitle())
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit):
        texts += [widget.text() if widget.isReadOnly() else "", widget.placeholderText()]
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QMenu):
        texts.append(widget.title())
    if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        texts += _header_texts(widget.model(), header.count())
    return texts


def _header_texts(model: QAbstractItemModel, count: int) -> list[str]:
    texts = []
    for section in range(count):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                texts.append(value)
    return texts


def _actions(widgets: list[QWidget]) -> list[QAction]:
    seen: dict[int, QAction] = {}
    for widget in widgets:
        owners: list[QObject] = [widget, *widget.findChildren(QMenu)]
        for owner in owners:
            if isinstance(owner, QWidget):
                for action in owner.actions():
                    if not action.isSeparator():
                        seen[id(action)] = action
                        menu = action.menu()
                        if isinstance(menu, QMenu):
                            seen.update({id(a): a for a in menu.actions() if not a.isSeparator()})
    return list(seen.values())
