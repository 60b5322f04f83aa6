"""The GUI source keeps the plain-text rule: org text reaches widgets only through gui/plain_text.py.

Qt renders a tooltip, a QLabel on `Qt.AutoText`, a message box's informative text and a few
more as HTML when the text looks like HTML. This scan reads every GUI module so that a new
view (or a new tooltip in an old one) cannot show text that way by accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parents[2] / "syncerr_gui" / "gui"
HELPER = "plain_text.py"
MESSAGE_BOXES = "message_boxes.py"

# Calls that show their text as rich text when it looks like HTML, and have no plain way.
FORBIDDEN_METHODS = {"setHtml", "setInformativeText", "setLabelText", "insertHtml", "appendHtml"}
FORBIDDEN_CLASSES = {"QTextBrowser", "QInputDialog", "QProgressDialog", "QErrorMessage"}
TIP_METHODS = {"setToolTip", "setWhatsThis"}
BOX_STATICS = {"information", "warning", "critical", "question", "about"}


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_literal(node: ast.AST) -> bool:
    """A string literal, or the translation of one (`tr("…")`: the catalogue is ours)."""
    if isinstance(node, ast.Call) and _name(node.func) == "tr" and node.args:
        return _is_literal(node.args[0])
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_helper_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == "tooltip"


def _call_problem(call: ast.Call, module: str) -> str:
    """Why this call breaks the rule ('' when it keeps it)."""
    func, callee = call.func, _name(call.func)
    owner = _name(func.value) if isinstance(func, ast.Attribute) else ""
    if callee == "QLabel" and module != HELPER:
        return "QLabel(...) defaults to AutoText: use plain_label() / rich_label()"
    if callee == "setTextFormat" and module not in (HELPER, MESSAGE_BOXES):
        return "setTextFormat outside plain_text.py: make the label with plain_label() / rich_label()"
    if (
        callee in TIP_METHODS
        and call.args
        and not (_is_literal(call.args[0]) or _is_helper_call(call.args[0]))
    ):
        return f"{callee}(...) with non-literal text: wrap it in tooltip()"
    if (
        owner == "QToolTip"
        and callee == "showText"
        and len(call.args) > 1
        and not _is_helper_call(call.args[1])
    ):
        return "QToolTip.showText(...) without tooltip()"
    if (
        callee == "QMessageBox" or (owner == "QMessageBox" and callee in BOX_STATICS)
    ) and module != MESSAGE_BOXES:
        return "QMessageBox outside message_boxes.py (its text is AutoText): use message_boxes.show_*"
    if callee in FORBIDDEN_METHODS or callee in FORBIDDEN_CLASSES:
        return f"{callee} renders rich text"
    if callee == "addRow" and call.args and isinstance(call.args[0], (ast.JoinedStr, ast.BinOp)):
        return "addRow(label text, …) makes an AutoText label: give it a literal or a plain_label()"
    return ""


def _tooltip_role_problems(branch: ast.If) -> list[str]:
    """A model's `if role == ToolTipRole: return …` must return tooltip(…) (or None)."""
    names = {node.id for node in ast.walk(branch.test) if isinstance(node, ast.Name)}
    if "role" not in names or "TOOLTIP" not in ast.unparse(branch.test).upper():
        return []
    return [
        f"{node.lineno}: a ToolTipRole answer without tooltip()"
        for node in branch.body
        if isinstance(node, ast.Return)
        and node.value is not None
        and not _is_helper_call(node.value)
        and not (isinstance(node.value, ast.Constant) and node.value.value is None)
    ]


def problems_in(source: str, module: str) -> list[str]:
    """`line: reason` for every call in `source` that would let text render as rich text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and (why := _call_problem(node, module)):
            found.append(f"{node.lineno}: {why}")
        elif isinstance(node, ast.If):
            found.extend(_tooltip_role_problems(node))
    return found


def test_every_gui_module_shows_text_through_the_plain_text_helper() -> None:
    modules = sorted(GUI.rglob("*.py"))
    assert len(modules) > 20  # the scan really reads the GUI
    broken = {
        str(path.relative_to(GUI)): problems
        for path in modules
        if (problems := problems_in(path.read_text(encoding="utf-8"), path.name))
    }
    assert broken == {}


@pytest.mark.parametrize(
    "snippet",
    [
        "label = QLabel(record['message'])",
        "label.setTextFormat(Qt.TextFormat.AutoText)",
        "item.setToolTip(message)",
        "item.setToolTip(f'{message}')",
        "QToolTip.showText(pos, text, view)",
        "QMessageBox.warning(self, 'Failed', reason)",
        "box.setInformativeText(reason)",
        "view.setHtml(message)",
        "form.addRow(f'{name}:', edit)",
        "if role == Qt.ItemDataRole.ToolTipRole:\n    return group.pattern",
    ],
)
def test_the_scan_catches_each_way_around_the_helper(snippet: str) -> None:
    assert problems_in(snippet, "new_view.py")


@pytest.mark.parametrize(
    "snippet",
    [
        "label = plain_label(record['message'], self)",
        "item.setToolTip(tooltip(message))",
        "button.setToolTip('Copy the message')",
        "QToolTip.showText(pos, tooltip(text), view)",
        "form.addRow('Location:', edit)",
        "if role == _TOOLTIP and column == 2:\n    return tooltip(group.pattern)",
    ],
)
def test_the_scan_lets_the_helper_and_literal_app_text_through(snippet: str) -> None:
    assert problems_in(snippet, "new_view.py") == []
