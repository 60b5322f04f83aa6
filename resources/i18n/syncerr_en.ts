<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting errors older than %Ln day(s)…</source>
        <translation>
            <numerusform>Deleting errors older than %Ln day…</numerusform>
            <numerusform>Deleting errors older than %Ln days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropping the input rows of errors older than %Ln day(s)…</source>
        <translation>
            <numerusform>Dropping the input rows of errors older than %Ln day…</numerusform>
            <numerusform>Dropping the input rows of errors older than %Ln days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln archived error(s).</source>
        <translation>
            <numerusform>Deleted %Ln archived error.</numerusform>
            <numerusform>Deleted %Ln archived errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Dropped the input rows of %Ln archived error(s); the errors are kept.</source>
        <translation>
            <numerusform>Dropped the input rows of %Ln archived error; the errors are kept.</numerusform>
            <numerusform>Dropped the input rows of %Ln archived errors; the errors are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new since your last visit</source>
        <translation>
            <numerusform>%Ln new since your last visit</numerusform>
            <numerusform>%Ln new since your last visit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln succeeded</source>
        <translation>
            <numerusform>%Ln succeeded</numerusform>
            <numerusform>%Ln succeeded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unprocessed</source>
        <translation>
            <numerusform>%Ln unprocessed</numerusform>
            <numerusform>%Ln unprocessed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln error(s) to {path}</source>
        <translation>
            <numerusform>Exported %Ln error to {path}</numerusform>
            <numerusform>Exported %Ln errors to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln error(s) to
{path}</source>
        <translation>
            <numerusform>Exported %Ln error to
{path}</numerusform>
            <numerusform>Exported %Ln errors to
{path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln group(s)</source>
        <translation>
            <numerusform>%Ln group</numerusform>
            <numerusform>%Ln groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s) shown below</source>
        <translation>
            <numerusform>%Ln error shown below</numerusform>
            <numerusform>%Ln errors shown below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln a day at most</source>
        <translation>
            <numerusform>%Ln a day at most</numerusform>
            <numerusform>%Ln a day at most</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s) on {day} (UTC)</source>
        <translation>
            <numerusform>%Ln error on {day} (UTC)</numerusform>
            <numerusform>%Ln errors on {day} (UTC)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s)</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln error(s) are hidden by: {parts}.</source>
        <translation>
            <numerusform>%Ln error is hidden by: {parts}.</numerusform>
            <numerusform>All %Ln errors are hidden by: {parts}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %Ln error(s) are hidden.</source>
        <translation>
            <numerusform>%Ln error is hidden.</numerusform>
            <numerusform>All %Ln errors are hidden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of {total} errors shown</source>
        <translation>
            <numerusform>%Ln of {total} errors shown</numerusform>
            <numerusform>%Ln of {total} errors shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln job(s) could not be read</source>
        <translation>
            <numerusform>%Ln job could not be read</numerusform>
            <numerusform>%Ln jobs could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln older job(s) not read</source>
        <translation>
            <numerusform>%Ln older job not read</numerusform>
            <numerusform>%Ln older jobs not read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The org still holds %Ln job(s) last changed before {when}, where the time window starts; their errors are not shown. To read them, untick From (or set it earlier) under Filters and press F5; &apos;Read them&apos; does that.</source>
        <translation>
            <numerusform>The org still holds %Ln job last changed before {when}, where the time window starts; its errors are not shown. To read it, untick From (or set it earlier) under Filters and press F5; &apos;Read them&apos; does that.</numerusform>
            <numerusform>The org still holds %Ln jobs last changed before {when}, where the time window starts; their errors are not shown. To read them, untick From (or set it earlier) under Filters and press F5; &apos;Read them&apos; does that.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{jobs} · %Ln row(s)</source>
        <translation>
            <numerusform>{jobs} · %Ln row</numerusform>
            <numerusform>{jobs} · %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saving %Ln row(s) to the archive…</source>
        <translation>
            <numerusform>Saving %Ln row to the archive…</numerusform>
            <numerusform>Saving %Ln rows to the archive…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reloading %Ln rows…</source>
        <translation>
            <numerusform>Reloading %Ln row…</numerusform>
            <numerusform>Reloading %Ln rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed again</source>
        <translation>
            <numerusform>%Ln failed again</numerusform>
            <numerusform>%Ln failed again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln were not processed</source>
        <translation>
            <numerusform>%Ln were not processed</numerusform>
            <numerusform>%Ln were not processed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected errors are not here: their input rows are unknown (job-level or Apex).</source>
        <translation>
            <numerusform>%Ln selected errors are not here: their input rows are unknown (job-level or Apex).</numerusform>
            <numerusform>%Ln selected errors are not here: their input rows are unknown (job-level or Apex).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{object} · {operation} on {external_id} (%Ln rows)</source>
        <translation>
            <numerusform>{object} · {operation} on {external_id} (%Ln row)</numerusform>
            <numerusform>{object} · {operation} on {external_id} (%Ln rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{object} · {operation} (%Ln rows)</source>
        <translation>
            <numerusform>{object} · {operation} (%Ln row)</numerusform>
            <numerusform>{object} · {operation} (%Ln rows)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln changed cells will be sent:</source>
        <translation>
            <numerusform>%Ln changed cell will be sent:</numerusform>
            <numerusform>%Ln changed cells will be sent:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes %Ln cells:</source>
        <translation>
            <numerusform>Changes %Ln cell:</numerusform>
            <numerusform>Changes %Ln cells:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reload %Ln rows</source>
        <translation>
            <numerusform>Reload %Ln row</numerusform>
            <numerusform>Reload %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln rows to {object} as {operation} matched on {external_id}.</source>
        <translation>
            <numerusform>Send %Ln row to {object} as {operation} matched on {external_id}.</numerusform>
            <numerusform>Send %Ln rows to {object} as {operation} matched on {external_id}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send %Ln rows to {object} as {operation}.</source>
        <translation>
            <numerusform>Send %Ln row to {object} as {operation}.</numerusform>
            <numerusform>Send %Ln rows to {object} as {operation}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reload of %Ln {object} rows (job {job}) could not be looked up: {reason}</source>
        <translation>
            <numerusform>The reload of %Ln {object} rows (job {job}) could not be looked up: {reason}</numerusform>
            <numerusform>The reload of %Ln {object} rows (job {job}) could not be looked up: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reload of %Ln {object} rows (job {job}), interrupted earlier, has ended. {outcome}</source>
        <translation>
            <numerusform>The reload of %Ln {object} rows (job {job}), interrupted earlier, has ended. {outcome}</numerusform>
            <numerusform>The reload of %Ln {object} rows (job {job}), interrupted earlier, has ended. {outcome}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{fix} — changes %Ln cells</source>
        <translation>
            <numerusform>{fix} — changes %Ln cell</numerusform>
            <numerusform>{fix} — changes %Ln cells</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %Ln minutes</source>
        <translation>
            <numerusform>Every %Ln minute</numerusform>
            <numerusform>Every %Ln minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet ({note}).</source>
        <translation>
            <numerusform>Copied %Ln row to the clipboard, ready to paste into a spreadsheet ({note}).</numerusform>
            <numerusform>Copied %Ln rows to the clipboard, ready to paste into a spreadsheet ({note}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %Ln row(s) to the clipboard, ready to paste into a spreadsheet.</source>
        <translation>
            <numerusform>Copied %Ln row to the clipboard, ready to paste into a spreadsheet.</numerusform>
            <numerusform>Copied %Ln rows to the clipboard, ready to paste into a spreadsheet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync finished: %Ln error(s).</source>
        <translation>
            <numerusform>Sync finished: %Ln error.</numerusform>
            <numerusform>Sync finished: %Ln errors.</numerusform>
        </translation>
    </message>
</context>
</TS>
