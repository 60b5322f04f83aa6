"""The scheduling recipes in packaging/schedule: each is a well-formed file of its kind and runs
the export with `--remembered --data-dir … --fail-on-new --json`, options the export accepts."""

from __future__ import annotations

import configparser
import plistlib
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

from syncerr_gui.cli.export import parse_args

SCHEDULE = Path(__file__).resolve().parents[1] / "packaging" / "schedule"
TASK_NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
WANTED = ("--remembered", "--data-dir", "--fail-on-new", "--json")


def _accepted(words: list[str]) -> None:
    """The words after `export` are what the export's own parser accepts, as scheduled."""
    arguments = words[words.index("export") + 1 :]
    for option in WANTED:
        assert option in arguments
    args = parse_args(arguments)
    assert args.remembered and args.fail_on_new and args.json and args.data_dir and args.out


def test_windows_task_runs_the_console_export_and_keeps_its_output() -> None:
    task = ET.parse(SCHEDULE / "windows-task.xml")
    [exec_action] = task.findall(".//t:Actions/t:Exec", TASK_NS)
    arguments = exec_action.findtext("t:Arguments", namespaces=TASK_NS) or ""
    assert arguments.startswith('/d /c ""') and "salesforce-sync-errors-cli.exe" in arguments
    command = arguments.split(">>")[0][len('/d /c "') :]
    _accepted(shlex.split(command.replace("\\", "/")))
    assert ">> " in arguments and "2>> " in arguments  # the JSON lines and the words, each kept
    assert task.findtext(".//t:Repetition/t:Interval", namespaces=TASK_NS) == "PT1H"


def test_systemd_user_service_and_timer() -> None:
    service = configparser.ConfigParser(interpolation=None, strict=False)
    service.read(SCHEDULE / "salesforce-sync-errors-export.service")
    assert service["Service"]["Type"] == "oneshot"
    _accepted(shlex.split(service["Service"]["ExecStart"]))
    assert service["Service"]["StandardOutput"].startswith("append:")
    timer = configparser.ConfigParser(interpolation=None, strict=False)
    timer.read(SCHEDULE / "salesforce-sync-errors-export.timer")
    assert timer["Timer"]["OnCalendar"] == "hourly" and timer["Install"]["WantedBy"] == "timers.target"


def test_launchd_agent() -> None:
    with open(SCHEDULE / "com.salesforce-sync-errors.export.plist", "rb") as handle:
        agent = plistlib.load(handle)
    assert agent["Label"] == "com.salesforce-sync-errors.export"
    _accepted(agent["ProgramArguments"])
    assert agent["StartInterval"] == 3600
    assert agent["StandardOutPath"].endswith(".jsonl") and agent["StandardErrorPath"].endswith(".log")
