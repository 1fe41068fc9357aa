<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>{app} is already open on {folder}; opened %n file(s) there.</source>
        <translation>
            <numerusform>{app} is already open on {folder}; opened %n file there.</numerusform>
            <numerusform>{app} is already open on {folder}; opened %n files there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) were already missing when it was made.</source>
        <translation>
            <numerusform>%n document was already missing when it was made.</numerusform>
            <numerusform>%n documents were already missing when it was made.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archive %n contractor(s)</source>
        <translation>
            <numerusform>Archive %n contractor</numerusform>
            <numerusform>Archive %n contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n contractor(s)</source>
        <translation>
            <numerusform>Restore %n contractor</numerusform>
            <numerusform>Restore %n contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day} (in %n day(s))</source>
        <translation>
            <numerusform>{day} (in %n day)</numerusform>
            <numerusform>{day} (in %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day} (%n day(s) ago)</source>
        <translation>
            <numerusform>{day} (%n day ago)</numerusform>
            <numerusform>{day} (%n days ago)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date} — %n thing(s) need you today</source>
        <translation>
            <numerusform>{date} — %n thing needs you today</numerusform>
            <numerusform>{date} — %n things need you today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected.</source>
        <translation>
            <numerusform>%n selected.</numerusform>
            <numerusform>%n selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{percent} ({on_time} of {counted}, late ones by %n day(s) on average)</source>
        <translation>
            <numerusform>{percent} ({on_time} of {counted}, late ones by %n day on average)</numerusform>
            <numerusform>{percent} ({on_time} of {counted}, late ones by %n days on average)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to settle before signing:</source>
        <translation>
            <numerusform>%n thing to settle before signing:</numerusform>
            <numerusform>%n things to settle before signing:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>net %n day(s)</source>
        <comment>payment terms</comment>
        <translation>
            <numerusform>net %n day</numerusform>
            <numerusform>net %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>estimated %n hour(s)</source>
        <translation>
            <numerusform>estimated %n hour</numerusform>
            <numerusform>estimated %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>estimated %n day(s)</source>
        <translation>
            <numerusform>estimated %n day</numerusform>
            <numerusform>estimated %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• and %n more</source>
        <translation>
            <numerusform>• and %n more</numerusform>
            <numerusform>• and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n installment(s) of “{title}”, {total} in all, fall(s) due after {day} with nothing paid:
{listed}

Owed is what fell due by the end. Cancel these, or keep them owed (for work already done)?</source>
        <translation>
            <numerusform>%n installment of “{title}”, {total} in all, falls due after {day} with nothing paid:
{listed}

Owed is what fell due by the end. Cancel it, or keep it owed (for work already done)?</numerusform>
            <numerusform>%n installments of “{title}”, {total} in all, fall due after {day} with nothing paid:
{listed}

Owed is what fell due by the end. Cancel these, or keep them owed (for work already done)?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n engagement(s)</source>
        <translation>
            <numerusform>{shown} of %n engagement</numerusform>
            <numerusform>{shown} of %n engagements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engagement(s)</source>
        <translation>
            <numerusform>%n engagement</numerusform>
            <numerusform>%n engagements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fix %n field(s) before saving: {fields}</source>
        <translation>
            <numerusform>Fix %n field before saving: {fields}</numerusform>
            <numerusform>Fix %n fields before saving: {fields}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} new</source>
        <translation>
            <numerusform>{count} new</numerusform>
            <numerusform>{count} new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} to merge</source>
        <translation>
            <numerusform>{count} to merge</numerusform>
            <numerusform>{count} to merge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} duplicate(s)</source>
        <translation>
            <numerusform>{count} duplicate</numerusform>
            <numerusform>{count} duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} rejected</numerusform>
            <numerusform>{count} rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} skipped</source>
        <translation>
            <numerusform>{count} skipped</numerusform>
            <numerusform>{count} skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added {count} contractor(s), merged {merged}.</source>
        <translation>
            <numerusform>Added {count} contractor, merged {merged}.</numerusform>
            <numerusform>Added {count} contractors, merged {merged}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added {count} contractor(s).</source>
        <translation>
            <numerusform>Added {count} contractor.</numerusform>
            <numerusform>Added {count} contractors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) were rejected</source>
        <translation>
            <numerusform>{count} row was rejected</numerusform>
            <numerusform>{count} rows were rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} duplicate(s) were left out</source>
        <translation>
            <numerusform>{count} duplicate was left out</numerusform>
            <numerusform>{count} duplicates were left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking {count} row(s)…</source>
        <translation>
            <numerusform>Checking {count} row…</numerusform>
            <numerusform>Checking {count} rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) have a warning: see Details.</source>
        <translation>
            <numerusform>{count} row has a warning: see Details.</numerusform>
            <numerusform>{count} rows have a warning: see Details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import {count} contractor(s)</source>
        <translation>
            <numerusform>Import {count} contractor</numerusform>
            <numerusform>Import {count} contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) below the header</source>
        <translation>
            <numerusform>{count} row below the header</numerusform>
            <numerusform>{count} rows below the header</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing {count} contractor(s)…</source>
        <translation>
            <numerusform>Importing {count} contractor…</numerusform>
            <numerusform>Importing {count} contractors…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {count} row(s) to {path}</source>
        <translation>
            <numerusform>Saved {count} row to {path}</numerusform>
            <numerusform>Saved {count} rows to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Demo data.&lt;/b&gt; All %n contractor(s) here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</source>
        <translation>
            <numerusform>&lt;b&gt;Demo data.&lt;/b&gt; The %n contractor here is a made-up example to explore Crewbook with. Remove it in one click when you start your own roster.</numerusform>
            <numerusform>&lt;b&gt;Demo data.&lt;/b&gt; All %n contractors here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Demo data.&lt;/b&gt; %n contractor(s) here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</source>
        <translation>
            <numerusform>&lt;b&gt;Demo data.&lt;/b&gt; %n contractor here is a made-up example to explore Crewbook with. Remove it in one click when you start your own roster.</numerusform>
            <numerusform>&lt;b&gt;Demo data.&lt;/b&gt; %n contractors here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n demo contractor(s)? Your own contractors stay as they are.</source>
        <translation>
            <numerusform>Remove the %n demo contractor? Your own contractors stay as they are.</numerusform>
            <numerusform>Remove the %n demo contractors? Your own contractors stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n demo contractor(s)? Some of your own records refer to them:

{records}

Remove the demo data anyway?</source>
        <translation>
            <numerusform>Remove the %n demo contractor? Some of your own records refer to it:

{records}

Remove the demo data anyway?</numerusform>
            <numerusform>Remove the %n demo contractors? Some of your own records refer to them:

{records}

Remove the demo data anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n demo contractor(s)</source>
        <translation>
            <numerusform>Removed %n demo contractor</numerusform>
            <numerusform>Removed %n demo contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n contractor(s), merged {merged} (Edit ▸ Undo takes the import back)</source>
        <translation>
            <numerusform>Imported %n contractor, merged {merged} (Edit ▸ Undo takes the import back)</numerusform>
            <numerusform>Imported %n contractors, merged {merged} (Edit ▸ Undo takes the import back)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Split {amount} into dated payments. Percentages must add up to 100; each is due %n day(s) after its date. The schedule follows the dates, whatever the rows&apos; order.</source>
        <translation>
            <numerusform>Split {amount} into dated payments. Percentages must add up to 100; each is due %n day after its date. The schedule follows the dates, whatever the rows&apos; order.</numerusform>
            <numerusform>Split {amount} into dated payments. Percentages must add up to 100; each is due %n days after its date. The schedule follows the dates, whatever the rows&apos; order.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more activity(s): point at a circle for its name</source>
        <translation>
            <numerusform>%n more activity: point at a circle for its name</numerusform>
            <numerusform>%n more activities: point at a circle for its name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete “{name}” and its %n quote(s)?</source>
        <translation>
            <numerusform>Delete “{name}” and its %n quote?</numerusform>
            <numerusform>Delete “{name}” and its %n quotes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt;).</source>
        <translation>
            <numerusform>{count} row to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt;).</numerusform>
            <numerusform>{count} rows to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt;).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) no longer fit the current questions and must be given again.</source>
        <translation>
            <numerusform>%n answer no longer fits the current questions and must be given again.</numerusform>
            <numerusform>%n answers no longer fit the current questions and must be given again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The other %n count as risky until they are answered.</source>
        <translation>
            <numerusform>The other %n counts as risky until it is answered.</numerusform>
            <numerusform>The other %n count as risky until they are answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} contractor(s)</source>
        <translation>
            <numerusform>{shown} of {total} contractor</numerusform>
            <numerusform>{shown} of {total} contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} contractor(s)</source>
        <translation>
            <numerusform>{total} contractor</numerusform>
            <numerusform>{total} contractors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Archived %n — Ctrl+Z to undo</source>
        <translation>
            <numerusform>Archived %n — Ctrl+Z to undo</numerusform>
            <numerusform>Archived %n — Ctrl+Z to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n — Ctrl+Z to undo</source>
        <translation>
            <numerusform>Restored %n — Ctrl+Z to undo</numerusform>
            <numerusform>Restored %n — Ctrl+Z to undo</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more file(s) to import after {file}</source>
        <translation>
            <numerusform>%n more file to import after {file}</numerusform>
            <numerusform>%n more files to import after {file}</numerusform>
        </translation>
    </message>
</context>
</TS>
