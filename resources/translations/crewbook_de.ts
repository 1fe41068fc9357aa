<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Keep the people you outsource work to, their contracts and their payments in order.</source>
        <translation>Behalten Sie den Überblick über die Menschen, an die Sie Arbeit auslagern, über ihre Verträge und ihre Zahlungen.</translation>
    </message>
    <message>
        <source>only on {platform}</source>
        <translation>nur unter {platform}</translation>
    </message>
    <message>
        <source>only on {platforms} and {last}</source>
        <translation>nur unter {platforms} und {last}</translation>
    </message>
    <message>
        <source>The notice file {file} could not be read: {error}</source>
        <translation>Die Hinweisdatei {file} konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Über {app}</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <source>Team database:</source>
        <translation>Teamdatenbank:</translation>
    </message>
    <message>
        <source>{app} is free software, released under the Apache License 2.0. It uses Qt and other third-party software, each under its own licence.</source>
        <translation>{app} ist freie Software, veröffentlicht unter der Apache License 2.0. Es verwendet Qt und weitere Software von Drittanbietern, jeweils unter deren eigener Lizenz.</translation>
    </message>
    <message>
        <source>&amp;Licences…</source>
        <translation>&amp;Lizenzen…</translation>
    </message>
    <message>
        <source>{app} is released under the Apache License 2.0. It ships with the third-party software below, each under its own licence; select one to read its notice. This copy runs {versions}, used under the GNU LGPL 3.0: its notice says where to get their source code and how to replace them with your own build.</source>
        <translation>{app} wird unter der Apache License 2.0 veröffentlicht. Es enthält die unten aufgeführte Software von Drittanbietern, jeweils unter deren eigener Lizenz; wählen Sie einen Eintrag, um seinen Lizenzhinweis zu lesen. Diese Installation nutzt {versions} unter der GNU LGPL 3.0: Der zugehörige Hinweis erklärt, wo Sie den Quellcode erhalten und wie Sie die Bibliotheken durch eine eigene Version ersetzen können.</translation>
    </message>
    <message>
        <source>barely touches revenue or costs</source>
        <translation>berührt Umsatz oder Kosten kaum</translation>
    </message>
    <message>
        <source>helps a little</source>
        <translation>hilft ein wenig</translation>
    </message>
    <message>
        <source>matters somewhat</source>
        <translation>ist einigermaßen wichtig</translation>
    </message>
    <message>
        <source>clearly moves the bottom line</source>
        <translation>wirkt sich deutlich auf das Ergebnis aus</translation>
    </message>
    <message>
        <source>the business lives on it</source>
        <translation>das Geschäft lebt davon</translation>
    </message>
    <message>
        <source>nobody here knows how</source>
        <translation>niemand hier weiß, wie es geht</translation>
    </message>
    <message>
        <source>we muddle through</source>
        <translation>wir wursteln uns durch</translation>
    </message>
    <message>
        <source>we are fair at it</source>
        <translation>wir sind ordentlich darin</translation>
    </message>
    <message>
        <source>we are good at it</source>
        <translation>wir sind gut darin</translation>
    </message>
    <message>
        <source>we are among the best at it</source>
        <translation>wir gehören darin zu den Besten</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>Tätigkeit bearbeiten</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Neue Tätigkeit</translation>
    </message>
    <message>
        <source>e.g. Bookkeeping and payroll</source>
        <translation>z. B. Buchhaltung und Lohnabrechnung</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>z. B. 12.5</translation>
    </message>
    <message>
        <source>Activity*</source>
        <translation>Tätigkeit*</translation>
    </message>
    <message>
        <source>Hours per month*</source>
        <translation>Stunden pro Monat*</translation>
    </message>
    <message>
        <source>Importance to the bottom line</source>
        <translation>Bedeutung für das Ergebnis</translation>
    </message>
    <message>
        <source>In-house competence</source>
        <translation>Eigene Kompetenz im Haus</translation>
    </message>
    <message>
        <source>Value of an hour</source>
        <translation>Wert einer Stunde</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>required: no default value of an hour is set</source>
        <translation>erforderlich: Es ist kein Standardwert für den Wert einer Stunde festgelegt</translation>
    </message>
    <message>
        <source>blank uses the owner&apos;s default, {amount}</source>
        <translation>leer: Standardwert des Inhabers, {amount}</translation>
    </message>
    <message>
        <source>Type the hours per month to see what the planner advises.</source>
        <translation>Geben Sie die Stunden pro Monat ein, um die Empfehlung des Planers zu sehen.</translation>
    </message>
    <message>
        <source>Add quote</source>
        <translation>Angebot hinzufügen</translation>
    </message>
    <message>
        <source>(not in the roster)</source>
        <translation>(nicht in der Liste)</translation>
    </message>
    <message>
        <source>who quoted, e.g. an agency in Porto</source>
        <translation>wer das Angebot gemacht hat, z. B. eine Agentur in Porto</translation>
    </message>
    <message>
        <source>e.g. 10</source>
        <translation>z. B. 10</translation>
    </message>
    <message>
        <source>Roster contractor</source>
        <translation>Auftragnehmer aus der Liste</translation>
    </message>
    <message>
        <source>Quote from*</source>
        <translation>Angebot von*</translation>
    </message>
    <message>
        <source>Rate*</source>
        <translation>Satz*</translation>
    </message>
    <message>
        <source>Est. hours per month</source>
        <translation>Geschätzte Stunden pro Monat</translation>
    </message>
    <message>
        <source>About {amount} a month</source>
        <translation>Etwa {amount} pro Monat</translation>
    </message>
    <message>
        <source>Database upgraded; the previous version is kept at {path}</source>
        <translation>Datenbank aktualisiert; die vorherige Version liegt unter {path}</translation>
    </message>
    <message>
        <source>The file that could not be opened is kept at {path}.</source>
        <translation>Die Datei, die nicht geöffnet werden konnte, liegt unter {path}.</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Aus Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <source>Start a new book</source>
        <translation>Neuen Datenbestand anlegen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>{app} cannot open its data</source>
        <translation>{app} kann seine Daten nicht öffnen</translation>
    </message>
    <message>
        <source>{problem}

Restore a backup, or start a new, empty book? The file is kept in the backups folder, not deleted.</source>
        <translation>{problem}

Eine Sicherung wiederherstellen oder einen neuen, leeren Datenbestand anlegen? Die Datei wird im Sicherungsordner aufbewahrt, nicht gelöscht.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Nothing was restored: {problem}</source>
        <translation>Nichts wurde wiederhergestellt: {problem}</translation>
    </message>
    <message>
        <source>Restored the {backup}; what it replaced is kept at {path}</source>
        <translation>Wiederhergestellt wurde die {backup}; was dadurch ersetzt wurde, liegt unter {path}</translation>
    </message>
    <message>
        <source>Restored the {backup}</source>
        <translation>Wiederhergestellt wurde die {backup}</translation>
    </message>
    <message>
        <source>{app} is already open on {folder}; opened {file} there.</source>
        <translation>{app} ist bereits mit {folder} geöffnet; {file} wurde dort geöffnet.</translation>
    </message>
    <message numerus="yes">
        <source>{app} is already open on {folder}; opened %n file(s) there.</source>
        <translation>
            <numerusform>{app} ist bereits mit {folder} geöffnet; %n Datei wurde dort geöffnet.</numerusform>
            <numerusform>{app} ist bereits mit {folder} geöffnet; %n Dateien wurden dort geöffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>{app} is already open on {folder}; brought its window to the front.</source>
        <translation>{app} ist bereits mit {folder} geöffnet; sein Fenster wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>{action} {name}?</source>
        <comment>title: a verb such as Archive, then who</comment>
        <translation>{action}: {name}?</translation>
    </message>
    <message>
        <source>The reason (kept with the record)</source>
        <translation>Der Grund (wird mit dem Eintrag gespeichert)</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sichern</translation>
    </message>
    <message>
        <source>Crewbook backup</source>
        <translation>Crewbook-Sicherung</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Wird gesichert…</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Gesichert in {file}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Crewbook backups</source>
        <translation>Crewbook-Sicherungen</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>Alle Dateien</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) were already missing when it was made.</source>
        <translation>
            <numerusform>%n Dokument fehlte bereits, als sie erstellt wurde.</numerusform>
            <numerusform>%n Dokumente fehlten bereits, als sie erstellt wurde.</numerusform>
        </translation>
    </message>
    <message>
        <source>The documents stored now stay as they are (this backup holds the database only).</source>
        <translation>Die jetzt gespeicherten Dokumente bleiben unverändert (diese Sicherung enthält nur die Datenbank).</translation>
    </message>
    <message>
        <source>Restore the {backup}?

{file}

Everything in Crewbook now is replaced by what the backup holds. What you have now is backed up first, into the backups folder, so you can go back to it. {documents}{missing}</source>
        <translation>Wiederherstellen aus der {backup}?

{file}

Alles, was jetzt in Crewbook steht, wird durch den Inhalt der Sicherung ersetzt. Ihr aktueller Stand wird vorher im Sicherungsordner gesichert, sodass Sie zu ihm zurückkehren können. {documents}{missing}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {problem}</source>
        <translation>Die automatische Sicherung ist fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source> daily backups</source>
        <comment>after the number kept</comment>
        <translation> täglichen Sicherungen</translation>
    </message>
    <message>
        <source>no automatic backups</source>
        <translation>keine automatischen Sicherungen</translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation>Anzahl aufzubewahrender automatischer Sicherungen</translation>
    </message>
    <message>
        <source>Keep the last</source>
        <comment>followed by a number of daily backups</comment>
        <translation>Aufbewahrt werden die letzten</translation>
    </message>
    <message>
        <source>Crewbook backs up the database and its documents once a day while it is open, into &lt;code&gt;{folder}&lt;/code&gt;, and removes the oldest automatic backups beyond this number. Backups you make yourself (File ▸ Back up…) are never removed.</source>
        <translation>Crewbook sichert die Datenbank und ihre Dokumente einmal täglich, solange es geöffnet ist, in &lt;code&gt;{folder}&lt;/code&gt; und entfernt die ältesten automatischen Sicherungen, die über diese Anzahl hinausgehen. Sicherungen, die Sie selbst erstellen (Datei ▸ Sichern…), werden nie entfernt.</translation>
    </message>
    <message>
        <source>Open backups folder</source>
        <translation>Sicherungsordner öffnen</translation>
    </message>
    <message>
        <source>crewbook.ics could not be brought up to date: {problem}</source>
        <translation>crewbook.ics konnte nicht aktualisiert werden: {problem}</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>Kalender exportieren</translation>
    </message>
    <message>
        <source>Put payments due, the last days to give notice, check-ins and document expiries in Outlook, Google Calendar or Apple Calendar. Importing the file again updates its events instead of adding them twice.</source>
        <translation>Übernehmen Sie fällige Zahlungen, letzte Tage für die Kündigung, Abstimmungen und ablaufende Dokumente in Outlook, Google Kalender oder Apple Kalender. Wenn Sie die Datei erneut importieren, werden die Termine aktualisiert statt doppelt angelegt.</translation>
    </message>
    <message>
        <source>Keep crewbook.ics in the data folder up to date</source>
        <translation>crewbook.ics im Datenordner aktuell halten</translation>
    </message>
    <message>
        <source>For calendar apps that subscribe to a file: Crewbook rewrites {path} after each change, and paid or finished items leave your calendar.</source>
        <translation>Für Kalender-Apps, die eine Datei abonnieren: Crewbook schreibt {path} nach jeder Änderung neu, und bezahlte oder erledigte Einträge verschwinden aus Ihrem Kalender.</translation>
    </message>
    <message>
        <source>Only for a book on this computer: with a team database, save the calendar and import it again when you need it.</source>
        <translation>Nur für einen Datenbestand auf diesem Computer: Speichern Sie bei einer Teamdatenbank den Kalender und importieren Sie ihn erneut, wenn Sie ihn brauchen.</translation>
    </message>
    <message>
        <source>Save calendar…</source>
        <translation>Kalender speichern…</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Archive {name}</source>
        <translation>{name} archivieren</translation>
    </message>
    <message>
        <source>Restore {name}</source>
        <translation>{name} wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Archive %n contractor(s)</source>
        <translation>
            <numerusform>%n Auftragnehmer archivieren</numerusform>
            <numerusform>%n Auftragnehmer archivieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n contractor(s)</source>
        <translation>
            <numerusform>%n Auftragnehmer wiederherstellen</numerusform>
            <numerusform>%n Auftragnehmer wiederherstellen</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>{name} bearbeiten</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>Import von {file}</translation>
    </message>
    <message>
        <source>Import of contractors</source>
        <translation>Import von Auftragnehmern</translation>
    </message>
    <message>
        <source>Save mine on top of theirs</source>
        <translation>Meine Version darüber speichern</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Andere Version behalten</translation>
    </message>
    <message>
        <source>• {field}: yours “{mine}”, theirs “{theirs}”</source>
        <translation>• {field}: Ihre Version „{mine}“, andere Version „{theirs}“</translation>
    </message>
    <message>
        <source>{record} was saved by {person} at {time} on {day}, after you opened it.</source>
        <translation>{record} wurde am {day} um {time} von {person} gespeichert, nachdem Sie den Eintrag geöffnet hatten.</translation>
    </message>
    <message>
        <source>{record} was saved by {person}, after you opened it.</source>
        <translation>{record} wurde von {person} gespeichert, nachdem Sie den Eintrag geöffnet hatten.</translation>
    </message>
    <message>
        <source>{record} was saved by someone else at {time} on {day}, after you opened it.</source>
        <translation>{record} wurde am {day} um {time} von jemand anderem gespeichert, nachdem Sie den Eintrag geöffnet hatten.</translation>
    </message>
    <message>
        <source>{record} was saved by someone else, after you opened it.</source>
        <translation>{record} wurde von jemand anderem gespeichert, nachdem Sie den Eintrag geöffnet hatten.</translation>
    </message>
    <message>
        <source>Where your edit and theirs differ:</source>
        <translation>Hier unterscheiden sich Ihre Änderung und die andere:</translation>
    </message>
    <message>
        <source>Saving yours on top keeps the rest of their changes.</source>
        <translation>Wenn Sie Ihre Version darüber speichern, bleiben die übrigen Änderungen der anderen Person erhalten.</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Showing the version {person} saved at {time} on {day}; your edit was not saved. Change it again here if you still need to.</source>
        <translation>Angezeigt wird die Version, die {person} am {day} um {time} gespeichert hat; Ihre Änderung wurde nicht gespeichert. Nehmen Sie sie hier erneut vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>Showing the version {person} saved; your edit was not saved. Change it again here if you still need to.</source>
        <translation>Angezeigt wird die Version, die {person} gespeichert hat; Ihre Änderung wurde nicht gespeichert. Nehmen Sie sie hier erneut vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>Showing the version someone else saved at {time} on {day}; your edit was not saved. Change it again here if you still need to.</source>
        <translation>Angezeigt wird die Version, die jemand anderes am {day} um {time} gespeichert hat; Ihre Änderung wurde nicht gespeichert. Nehmen Sie sie hier erneut vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>Showing the version someone else saved; your edit was not saved. Change it again here if you still need to.</source>
        <translation>Angezeigt wird die Version, die jemand anderes gespeichert hat; Ihre Änderung wurde nicht gespeichert. Nehmen Sie sie hier erneut vor, falls sie noch nötig ist.</translation>
    </message>
    <message>
        <source>When the server offers it</source>
        <translation>Wenn der Server sie anbietet</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>Immer</translation>
    </message>
    <message>
        <source>Always, checking the server&apos;s certificate</source>
        <translation>Immer, mit Prüfung des Serverzertifikats</translation>
    </message>
    <message>
        <source>Connect to team database</source>
        <translation>Mit Teamdatenbank verbinden</translation>
    </message>
    <message>
        <source>server name or address, e.g. office-server</source>
        <translation>Servername oder -adresse, z. B. office-server</translation>
    </message>
    <message>
        <source>leave empty to use your ~/.pgpass or the keychain</source>
        <translation>leer lassen, um Ihre ~/.pgpass oder den Schlüsselbund zu verwenden</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Benutzer</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Pass&amp;wort</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS)</source>
        <translation>&amp;Verschlüsselung (TLS)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Verb&amp;inden</translation>
    </message>
    <message>
        <source>Trying…</source>
        <translation>Wird versucht…</translation>
    </message>
    <message>
        <source>The test failed: {error}</source>
        <translation>Der Test ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <source>Fill in the server.</source>
        <translation>Bitte geben Sie den Server an.</translation>
    </message>
    <message>
        <source>Fill in the database.</source>
        <translation>Bitte geben Sie die Datenbank an.</translation>
    </message>
    <message>
        <source>Fill in the user.</source>
        <translation>Bitte geben Sie den Benutzer an.</translation>
    </message>
    <message>
        <source>Fill in the server and database.</source>
        <translation>Bitte geben Sie Server und Datenbank an.</translation>
    </message>
    <message>
        <source>Fill in the server and user.</source>
        <translation>Bitte geben Sie Server und Benutzer an.</translation>
    </message>
    <message>
        <source>Fill in the database and user.</source>
        <translation>Bitte geben Sie Datenbank und Benutzer an.</translation>
    </message>
    <message>
        <source>Fill in the server and database and user.</source>
        <translation>Bitte geben Sie Server, Datenbank und Benutzer an.</translation>
    </message>
    <message>
        <source>Edit contractor</source>
        <translation>Auftragnehmer bearbeiten</translation>
    </message>
    <message>
        <source>New contractor</source>
        <translation>Neuer Auftragnehmer</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <source>How you refer to them, e.g. Maya Okafor</source>
        <translation>Wie Sie die Person nennen, z. B. Maya Okafor</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>design, web, copywriting</source>
        <translation>Design, Web, Texte</translation>
    </message>
    <message>
        <source>Tags in use: {tags}</source>
        <translation>Verwendete Schlagwörter: {tags}</translation>
    </message>
    <message>
        <source>Show</source>
        <comment>reveal a hidden tax ID</comment>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the tax ID while editing</source>
        <translation>Steuernummer beim Bearbeiten anzeigen</translation>
    </message>
    <message>
        <source>per</source>
        <comment>rate per unit</comment>
        <translation>pro</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Tax and identity</source>
        <translation>Steuer und Identität</translation>
    </message>
    <message>
        <source>Rate and skills</source>
        <translation>Satz und Fähigkeiten</translation>
    </message>
    <message>
        <source>{field} {problem}</source>
        <comment>a field&apos;s name, then what is wrong with it</comment>
        <translation>{field} {problem}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Etwas ist schiefgelaufen.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{app} ran into an unexpected problem and could not finish what it was doing. Nothing you had saved was lost, and you can keep working.</source>
        <translation>{app} ist auf ein unerwartetes Problem gestoßen und konnte den Vorgang nicht abschließen. Nichts, was Sie gespeichert hatten, ist verloren gegangen, und Sie können weiterarbeiten.</translation>
    </message>
    <message>
        <source>The details are in the log file:
{path}</source>
        <translation>Die Details stehen in der Protokolldatei:
{path}</translation>
    </message>
    <message>
        <source>No log file is being written; use Copy details to keep them.</source>
        <translation>Es wird keine Protokolldatei geschrieben; verwenden Sie „Details kopieren“, um sie aufzubewahren.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <source>Copy the details for support (no names or contact data)</source>
        <translation>Details für den Support kopieren (ohne Namen oder Kontaktdaten)</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The log folder cannot be made:
{problem}</source>
        <translation>Der Protokollordner kann nicht angelegt werden:
{problem}</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>Protokollordner</translation>
    </message>
    <message>
        <source>No file manager could be opened. The log is in:
{folder}</source>
        <translation>Es konnte kein Dateimanager geöffnet werden. Das Protokoll liegt in:
{folder}</translation>
    </message>
    <message>
        <source>weekly check-in was due {day}</source>
        <translation>wöchentliche Abstimmung war am {day} fällig</translation>
    </message>
    <message>
        <source>fortnightly check-in was due {day}</source>
        <translation>zweiwöchentliche Abstimmung war am {day} fällig</translation>
    </message>
    <message>
        <source>monthly check-in was due {day}</source>
        <translation>monatliche Abstimmung war am {day} fällig</translation>
    </message>
    <message>
        <source>{day} (today)</source>
        <translation>{day} (heute)</translation>
    </message>
    <message>
        <source>{day} (tomorrow)</source>
        <translation>{day} (morgen)</translation>
    </message>
    <message>
        <source>{day} (yesterday)</source>
        <translation>{day} (gestern)</translation>
    </message>
    <message numerus="yes">
        <source>{day} (in %n day(s))</source>
        <translation>
            <numerusform>{day} (in %n Tag)</numerusform>
            <numerusform>{day} (in %n Tagen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day} (%n day(s) ago)</source>
        <translation>
            <numerusform>{day} (vor %n Tag)</numerusform>
            <numerusform>{day} (vor %n Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Total: {amounts}</source>
        <translation>Gesamt: {amounts}</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open</source>
        <translation>Zum Öffnen doppelklicken oder die Eingabetaste drücken</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer Eintrag</numerusform>
            <numerusform>… und %n weitere Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Overdue payments</source>
        <translation>Überfällige Zahlungen</translation>
    </message>
    <message>
        <source>Nothing is overdue.</source>
        <translation>Nichts ist überfällig.</translation>
    </message>
    <message>
        <source>Due in the next 14 days</source>
        <translation>In den nächsten 14 Tagen fällig</translation>
    </message>
    <message>
        <source>Nothing falls due in the next two weeks.</source>
        <translation>In den nächsten zwei Wochen wird nichts fällig.</translation>
    </message>
    <message>
        <source>Ending soon, and the last day to give notice</source>
        <translation>Bald endende Aufträge und letzter Tag für die Kündigung</translation>
    </message>
    <message>
        <source>No engagement ends in the next 30 days.</source>
        <translation>Kein Auftrag endet in den nächsten 30 Tagen.</translation>
    </message>
    <message>
        <source>Check-ins overdue</source>
        <translation>Überfällige Abstimmungen</translation>
    </message>
    <message>
        <source>Every signed engagement is up to date.</source>
        <translation>Alle unterzeichneten Aufträge sind auf dem aktuellen Stand.</translation>
    </message>
    <message>
        <source>Documents expiring within 30 days</source>
        <translation>Dokumente, die innerhalb von 30 Tagen ablaufen</translation>
    </message>
    <message>
        <source>No document expires soon.</source>
        <translation>Kein Dokument läuft demnächst ab.</translation>
    </message>
    <message>
        <source>{amount}, due {day}</source>
        <translation>{amount}, fällig am {day}</translation>
    </message>
    <message>
        <source>They can claim {claim}</source>
        <translation>Der Auftragnehmer kann {claim} fordern</translation>
    </message>
    <message numerus="yes">
        <source>{date} — %n thing(s) need you today</source>
        <translation>
            <numerusform>{date} — heute ist %n Punkt zu erledigen</numerusform>
            <numerusform>{date} — heute sind %n Punkte zu erledigen</numerusform>
        </translation>
    </message>
    <message>
        <source>{date} — nothing is late</source>
        <translation>{date} — nichts ist überfällig</translation>
    </message>
    <message>
        <source>ends {day}; last day to give notice {notice}</source>
        <translation>endet am {day}; letzter Tag für die Kündigung: {notice}</translation>
    </message>
    <message>
        <source>ends {day}</source>
        <translation>endet am {day}</translation>
    </message>
    <message>
        <source>check-in was due {day}</source>
        <translation>Abstimmung war am {day} fällig</translation>
    </message>
    <message>
        <source>last contact {day}</source>
        <translation>letzter Kontakt am {day}</translation>
    </message>
    <message>
        <source>no contact yet</source>
        <translation>noch kein Kontakt</translation>
    </message>
    <message>
        <source>{document} expired {day}</source>
        <translation>{document} ist am {day} abgelaufen</translation>
    </message>
    <message>
        <source>{document} expires {day}</source>
        <translation>{document} läuft am {day} ab</translation>
    </message>
    <message>
        <source>Paying late costs: {amounts} that contractors can claim by law so far.</source>
        <translation>Zahlungsverzug kostet: {amounts}, die Auftragnehmer bisher gesetzlich fordern können.</translation>
    </message>
    <message>
        <source>Paying late costs: {amounts} that contractors can claim by law so far. Check the {rates} reference rate in Settings ▸ Reference rates: no check covers the latest half-year.</source>
        <translation>Zahlungsverzug kostet: {amounts}, die Auftragnehmer bisher gesetzlich fordern können. Prüfen Sie den Referenzzinssatz {rates} unter Einstellungen ▸ Referenzzinssätze: Keine Prüfung deckt das letzte Halbjahr ab.</translation>
    </message>
    <message>
        <source> and </source>
        <comment>between reference rate names</comment>
        <translation> und </translation>
    </message>
    <message>
        <source>{amount} per hour</source>
        <translation>{amount} pro Stunde</translation>
    </message>
    <message>
        <source>{amount} per day</source>
        <translation>{amount} pro Tag</translation>
    </message>
    <message>
        <source>{amount} per month</source>
        <translation>{amount} pro Monat</translation>
    </message>
    <message>
        <source>{amount} fixed</source>
        <translation>{amount} pauschal</translation>
    </message>
    <message>
        <source>Select a contractor to see everything about them here.</source>
        <translation>Wählen Sie einen Auftragnehmer aus, um hier alles über ihn zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected.</source>
        <translation>
            <numerusform>%n ausgewählt.</numerusform>
            <numerusform>%n ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>archived</source>
        <comment>a contractor put away</comment>
        <translation>archiviert</translation>
    </message>
    <message>
        <source>Demo data: remove it all from File ▸ Remove demo data.</source>
        <translation>Beispieldaten: Sie entfernen sie vollständig über Datei ▸ Beispieldaten entfernen.</translation>
    </message>
    <message>
        <source>{zone} (now {time})</source>
        <translation>{zone} (dort jetzt {time})</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Bevorzugt</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbeit</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Satz</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Rechtlicher Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>none on file</source>
        <translation>keines hinterlegt</translation>
    </message>
    <message>
        <source>{form}, received {day}</source>
        <translation>{form}, erhalten am {day}</translation>
    </message>
    <message>
        <source>verified {day}</source>
        <translation>geprüft am {day}</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>Steuernummer</translation>
    </message>
    <message>
        <source>Tax form</source>
        <translation>Steuerformular</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Added {added} · updated {updated} by {person}</source>
        <translation>Hinzugefügt am {added} · aktualisiert am {updated} von {person}</translation>
    </message>
    <message>
        <source>Added {added} · updated {updated}</source>
        <translation>Hinzugefügt am {added} · aktualisiert am {updated}</translation>
    </message>
    <message>
        <source>We pay on time</source>
        <translation>Wir zahlen pünktlich</translation>
    </message>
    <message numerus="yes">
        <source>{percent} ({on_time} of {counted}, late ones by %n day(s) on average)</source>
        <translation>
            <numerusform>{percent} ({on_time} von {counted}; verspätete Zahlungen im Schnitt %n Tag zu spät)</numerusform>
            <numerusform>{percent} ({on_time} von {counted}; verspätete Zahlungen im Schnitt %n Tage zu spät)</numerusform>
        </translation>
    </message>
    <message>
        <source>{percent} ({on_time} of {counted})</source>
        <translation>{percent} ({on_time} von {counted})</translation>
    </message>
    <message>
        <source>Paid so far</source>
        <translation>Bisher bezahlt</translation>
    </message>
    <message>
        <source>{count} since {month}</source>
        <translation>{count} seit {month}</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>{average} / 5 over {count} (quality {quality}, on time {timeliness}, communication {communication}, value {value}); would rehire {rehire} of {count}</source>
        <translation>{average} / 5 aus {count} Bewertungen (Qualität {quality}, Pünktlichkeit {timeliness}, Kommunikation {communication}, Preis-Leistung {value}); würden erneut beauftragen: {rehire} von {count}</translation>
    </message>
    <message>
        <source>Rate history</source>
        <translation>Verlauf des Satzes</translation>
    </message>
    <message>
        <source>Working together</source>
        <translation>Zusammenarbeit</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>Your changes have not been saved. Discard them?</source>
        <translation>Ihre Änderungen wurden nicht gespeichert. Möchten Sie sie verwerfen?</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n Byte</numerusform>
            <numerusform>%n Byte</numerusform>
        </translation>
    </message>
    <message>
        <source>Expired on {day}</source>
        <translation>Abgelaufen am {day}</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>What it is, e.g. Signed contract</source>
        <translation>Was es ist, z. B. Unterzeichneter Vertrag</translation>
    </message>
    <message>
        <source>Optional: when an insurance certificate, ID or tax form runs out</source>
        <translation>Optional: wann ein Versicherungsnachweis, Ausweis oder Steuerformular abläuft</translation>
    </message>
    <message>
        <source>Attach</source>
        <translation>Anhängen</translation>
    </message>
    <message>
        <source>The document was not attached: {problem}</source>
        <translation>Das Dokument wurde nicht angehängt: {problem}</translation>
    </message>
    <message>
        <source>Your role on this team database reads documents; only its owner adds or removes them.</source>
        <translation>Ihre Rolle in dieser Teamdatenbank darf Dokumente lesen; nur der Inhaber kann sie hinzufügen oder entfernen.</translation>
    </message>
    <message>
        <source>Documents: {title}</source>
        <translation>Dokumente: {title}</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <source>No documents yet. Attach the signed contract, the NDA, tax forms or insurance certificates so they are kept with the engagement.</source>
        <translation>Noch keine Dokumente. Hängen Sie den unterzeichneten Vertrag, die Geheimhaltungsvereinbarung (NDA), Steuerformulare oder Versicherungsnachweise an, damit sie beim Auftrag aufbewahrt werden.</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>verb: open a file</comment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Document not opened</source>
        <translation>Dokument nicht geöffnet</translation>
    </message>
    <message>
        <source>The stored copy of “{name}” is missing from {folder}. Remove this entry and attach the file again.</source>
        <translation>Die gespeicherte Kopie von „{name}“ fehlt in {folder}. Entfernen Sie diesen Eintrag und hängen Sie die Datei erneut an.</translation>
    </message>
    <message>
        <source>No application could open “{name}”. The stored copy is {path}.</source>
        <translation>Keine Anwendung konnte „{name}“ öffnen. Die gespeicherte Kopie liegt unter {path}.</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>Dokument entfernen</translation>
    </message>
    <message>
        <source>Remove “{name}” from this engagement? The stored copy is deleted too unless another record uses the same file.</source>
        <translation>„{name}“ aus diesem Auftrag entfernen? Die gespeicherte Kopie wird ebenfalls gelöscht, sofern kein anderer Eintrag dieselbe Datei verwendet.</translation>
    </message>
    <message>
        <source>Document not removed</source>
        <translation>Dokument nicht entfernt</translation>
    </message>
    <message>
        <source>Edit engagement</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>New engagement</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>(choose a contractor)</source>
        <translation>(Auftragnehmer wählen)</translation>
    </message>
    <message>
        <source>European Union</source>
        <translation>Europäische Union</translation>
    </message>
    <message>
        <source>What the work is called, e.g. Spring catalogue</source>
        <translation>Wie die Arbeit heißt, z. B. Frühjahrskatalog</translation>
    </message>
    <message>
        <source>Why this work is being done and what success looks like</source>
        <translation>Warum diese Arbeit gemacht wird und woran Sie den Erfolg erkennen</translation>
    </message>
    <message>
        <source>What is in, and what is explicitly out</source>
        <translation>Was dazugehört und was ausdrücklich nicht</translation>
    </message>
    <message>
        <source>What will be handed over, in which format</source>
        <translation>Was übergeben wird, in welchem Format</translation>
    </message>
    <message>
        <source>How you will decide a deliverable is done</source>
        <translation>Wie Sie entscheiden, ob ein Ergebnis fertig ist</translation>
    </message>
    <message>
        <source>Who owns what is made, and any licence back</source>
        <translation>Wem gehört, was entsteht, und ob es eine Rücklizenz gibt</translation>
    </message>
    <message>
        <source>NY</source>
        <comment>an example state or region code</comment>
        <translation>NY</translation>
    </message>
    <message>
        <source>State or region code, e.g. NY</source>
        <translation>Code des Bundesstaats oder der Region, z. B. NY</translation>
    </message>
    <message>
        <source>City, e.g. Seattle</source>
        <translation>Stadt, z. B. Seattle</translation>
    </message>
    <message>
        <source>Why the contractor expressly agreed to these terms</source>
        <translation>Warum der Auftragnehmer diesen Bedingungen ausdrücklich zugestimmt hat</translation>
    </message>
    <message>
        <source>The law allows terms past this limit only when expressly agreed and not grossly unfair: record why, so the agreement is on file</source>
        <translation>Das Gesetz erlaubt Bedingungen über diese Grenze hinaus nur, wenn sie ausdrücklich vereinbart und nicht grob unbillig sind: Halten Sie den Grund fest, damit die Vereinbarung dokumentiert ist</translation>
    </message>
    <message>
        <source>Who they talk to on your side</source>
        <translation>Mit wem der Auftragnehmer bei Ihnen spricht</translation>
    </message>
    <message>
        <source>e.g. 14:00–17:00 UTC</source>
        <translation>z. B. 14:00–17:00 UTC</translation>
    </message>
    <message>
        <source>to</source>
        <comment>from one date to another</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Contractor*</source>
        <translation>Auftragnehmer*</translation>
    </message>
    <message>
        <source>Title*</source>
        <translation>Titel*</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Schätzung</translation>
    </message>
    <message>
        <source>Cap</source>
        <translation>Obergrenze</translation>
    </message>
    <message>
        <source>Start – end</source>
        <translation>Beginn – Ende</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Rechtsraum</translation>
    </message>
    <message>
        <source>Agreed because</source>
        <translation>Vereinbart, weil</translation>
    </message>
    <message>
        <source>The brief</source>
        <translation>Auftragsbeschreibung</translation>
    </message>
    <message>
        <source>Communication plan</source>
        <translation>Kommunikationsplan</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>pro Woche</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>in total</source>
        <translation>insgesamt</translation>
    </message>
    <message>
        <source>in total, split by milestone</source>
        <translation>insgesamt, aufgeteilt nach Meilensteinen</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>hours or days</source>
        <translation>Stunden oder Tage</translation>
    </message>
    <message>
        <source>hours at most</source>
        <translation>Stunden maximal</translation>
    </message>
    <message>
        <source>days at most</source>
        <translation>Tage maximal</translation>
    </message>
    <message>
        <source>hours or days at most</source>
        <translation>Stunden oder Tage maximal</translation>
    </message>
    <message>
        <source>Still empty: {gaps}</source>
        <translation>Noch leer: {gaps}</translation>
    </message>
    <message>
        <source>Brief complete</source>
        <translation>Auftragsbeschreibung vollständig</translation>
    </message>
    <message>
        <source>Contract value: {amount}</source>
        <translation>Vertragswert: {amount}</translation>
    </message>
    <message>
        <source>Contract value: set by the work done</source>
        <translation>Vertragswert: richtet sich nach der geleisteten Arbeit</translation>
    </message>
    <message>
        <source>Contractor</source>
        <translation>Auftragnehmer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>Nächste Fälligkeit</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Overdue: an installment due then is not fully paid</source>
        <translation>Überfällig: Eine damals fällige Rate ist nicht vollständig bezahlt</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Beispieldaten</translation>
    </message>
    <message>
        <source>Send for review</source>
        <translation>Zur Prüfung geben</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Unterzeichnen…</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>Kündigen…</translation>
    </message>
    <message>
        <source>Cancel engagement…</source>
        <translation>Auftrag stornieren…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>Zahlung erfassen…</translation>
    </message>
    <message>
        <source>Generate schedule…</source>
        <translation>Zahlungsplan erstellen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected installment by hand</source>
        <translation>Die ausgewählte Rate von Hand ändern</translation>
    </message>
    <message>
        <source>Cancel installment</source>
        <translation>Rate stornieren</translation>
    </message>
    <message>
        <source>Payments…</source>
        <translation>Zahlungen…</translation>
    </message>
    <message>
        <source>The payments recorded on the selected installment: correct or void one, with its history</source>
        <translation>Die für die ausgewählte Rate erfassten Zahlungen: eine korrigieren oder für ungültig erklären, mit ihrem Verlauf</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Zahlungen</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>Add entry…</source>
        <translation>Eintrag hinzufügen…</translation>
    </message>
    <message>
        <source>Communication log</source>
        <translation>Kommunikationsprotokoll</translation>
    </message>
    <message>
        <source>Risk review…</source>
        <translation>Risikoprüfung…</translation>
    </message>
    <message>
        <source>Exit plan…</source>
        <translation>Ausstiegsplan…</translation>
    </message>
    <message>
        <source>Documents…</source>
        <translation>Dokumente…</translation>
    </message>
    <message>
        <source>Export risk summary…</source>
        <translation>Risiko-PDF exportieren…</translation>
    </message>
    <message>
        <source>Select an engagement to see its brief, payments and communication log here.</source>
        <translation>Wählen Sie einen Auftrag aus, um hier seine Auftragsbeschreibung, Zahlungen und sein Kommunikationsprotokoll zu sehen.</translation>
    </message>
    <message>
        <source>The schedule no longer matches the terms: Generate schedule… replaces the unpaid installments (paid ones stay).</source>
        <translation>Der Zahlungsplan passt nicht mehr zu den Bedingungen: „Zahlungsplan erstellen…“ ersetzt die unbezahlten Raten (bezahlte bleiben erhalten).</translation>
    </message>
    <message>
        <source>Nothing logged yet.</source>
        <translation>Noch nichts protokolliert.</translation>
    </message>
    <message>
        <source>• {problem}
   Fix: {fix}</source>
        <translation>• {problem}
   Lösung: {fix}</translation>
    </message>
    <message>
        <source>“{title}” cannot be signed yet:</source>
        <translation>„{title}“ kann noch nicht unterzeichnet werden:</translation>
    </message>
    <message>
        <source>Sign engagement</source>
        <translation>Auftrag unterzeichnen</translation>
    </message>
    <message>
        <source>Record “{title}” as signed on {day}? Once signed it can only be completed or terminated.</source>
        <translation>„{title}“ als am {day} unterzeichnet erfassen? Nach der Unterzeichnung kann der Auftrag nur noch abgeschlossen oder gekündigt werden.</translation>
    </message>
    <message>
        <source>Signed by (name):</source>
        <translation>Unterzeichnet von (Name):</translation>
    </message>
    <message>
        <source>Not rated: {reason}</source>
        <translation>Nicht bewertet: {reason}</translation>
    </message>
    <message>
        <source>Export risk summary</source>
        <translation>Risikozusammenfassung exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Risk summary</source>
        <translation>Risikozusammenfassung</translation>
    </message>
    <message>
        <source>Signed. {name} was a prospect and is now an active contractor.</source>
        <translation>Unterzeichnet. {name} war Interessent und ist jetzt aktiver Auftragnehmer.</translation>
    </message>
    <message>
        <source>Keep {name} a prospect</source>
        <translation>{name} als Interessent behalten</translation>
    </message>
    <message>
        <source>Risk: {band}.</source>
        <translation>Risiko: {band}.</translation>
    </message>
    <message>
        <source>Ready to sign.</source>
        <translation>Bereit zur Unterzeichnung.</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to settle before signing:</source>
        <translation>
            <numerusform>Vor der Unterzeichnung ist %n Punkt zu klären:</numerusform>
            <numerusform>Vor der Unterzeichnung sind %n Punkte zu klären:</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel “{label}” ({amount})? Nothing will be owed on it.</source>
        <translation>„{label}“ ({amount}) stornieren? Darauf wird dann nichts mehr geschuldet.</translation>
    </message>
    <message>
        <source>Generate schedule</source>
        <translation>Zahlungsplan erstellen</translation>
    </message>
    <message>
        <source>Replace the installments not yet paid? Paid and part-paid installments stay as they are.</source>
        <translation>Die noch nicht bezahlten Raten ersetzen? Bezahlte und teilweise bezahlte Raten bleiben unverändert.</translation>
    </message>
    <message>
        <source>is not set</source>
        <translation>ist nicht festgelegt</translation>
    </message>
    <message>
        <source>No schedule was made. {reason}</source>
        <translation>Es wurde kein Zahlungsplan erstellt. {reason}</translation>
    </message>
    <message>
        <source>open</source>
        <comment>no start or end date</comment>
        <translation>offen</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message numerus="yes">
        <source>net %n day(s)</source>
        <comment>payment terms</comment>
        <translation>
            <numerusform>%n Tag netto</numerusform>
            <numerusform>%n Tage netto</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Unterzeichnet</translation>
    </message>
    <message>
        <source>{day} (passed)</source>
        <translation>{day} (verstrichen)</translation>
    </message>
    <message>
        <source>Give notice by</source>
        <translation>Kündigen bis</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>complete</source>
        <comment>the brief</comment>
        <translation>vollständig</translation>
    </message>
    <message>
        <source>still empty: {fields}</source>
        <translation>noch leer: {fields}</translation>
    </message>
    <message>
        <source>Brief</source>
        <translation>Auftragsbeschreibung</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>Beispieldaten</translation>
    </message>
    <message>
        <source>{when} by {name}</source>
        <translation>{when} von {name}</translation>
    </message>
    <message>
        <source>{amount} fixed price</source>
        <translation>{amount} Festpreis</translation>
    </message>
    <message>
        <source>{amount} in milestones</source>
        <translation>{amount} in Meilensteinen</translation>
    </message>
    <message>
        <source>{amount} retainer, billed weekly</source>
        <translation>{amount} Pauschalhonorar, wöchentlich abgerechnet</translation>
    </message>
    <message>
        <source>{amount} retainer, billed monthly</source>
        <translation>{amount} Pauschalhonorar, monatlich abgerechnet</translation>
    </message>
    <message numerus="yes">
        <source>estimated %n hour(s)</source>
        <translation>
            <numerusform>geschätzt %n Stunde</numerusform>
            <numerusform>geschätzt %n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>estimated %n day(s)</source>
        <translation>
            <numerusform>geschätzt %n Tag</numerusform>
            <numerusform>geschätzt %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>capped at {cap}</source>
        <translation>höchstens {cap}</translation>
    </message>
    <message>
        <source>No payment schedule yet: generate one from the price and terms.</source>
        <translation>Noch kein Zahlungsplan: Erstellen Sie einen aus Preis und Bedingungen.</translation>
    </message>
    <message>
        <source>Scheduled {scheduled} · paid {paid} · nothing more is owed: it was cancelled</source>
        <translation>Geplant {scheduled} · bezahlt {paid} · es wird nichts mehr geschuldet: storniert</translation>
    </message>
    <message>
        <source>Scheduled {scheduled} · paid {paid} · a plan: nothing is owed until it is signed</source>
        <translation>Geplant {scheduled} · bezahlt {paid} · ein Plan: Bis zur Unterzeichnung wird nichts geschuldet</translation>
    </message>
    <message>
        <source>Scheduled {scheduled} · paid {paid} · outstanding {owed}</source>
        <translation>Geplant {scheduled} · bezahlt {paid} · offen {owed}</translation>
    </message>
    <message>
        <source>Complete</source>
        <comment>verb: finish an engagement</comment>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Terminate</source>
        <comment>verb: end an engagement early</comment>
        <translation>Kündigen</translation>
    </message>
    <message>
        <source>Cancel engagement</source>
        <translation>Auftrag stornieren</translation>
    </message>
    <message>
        <source>Complete “{title}” on {day}.

Reason (optional):</source>
        <translation>„{title}“ am {day} abschließen.

Grund (optional):</translation>
    </message>
    <message>
        <source>Terminate “{title}” on {day}.

Reason (optional):</source>
        <translation>„{title}“ am {day} kündigen.

Grund (optional):</translation>
    </message>
    <message>
        <source>Cancel engagement “{title}” on {day}.

Reason (optional):</source>
        <translation>Auftrag „{title}“ am {day} stornieren.

Grund (optional):</translation>
    </message>
    <message>
        <source>Cancel them</source>
        <translation>Stornieren</translation>
    </message>
    <message>
        <source>Keep them owed</source>
        <translation>Weiterhin schulden</translation>
    </message>
    <message>
        <source>• {label}: {amount}, due {day}</source>
        <translation>• {label}: {amount}, fällig am {day}</translation>
    </message>
    <message numerus="yes">
        <source>• and %n more</source>
        <translation>
            <numerusform>• und %n weitere Rate</numerusform>
            <numerusform>• und %n weitere Raten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n installment(s) of “{title}”, {total} in all, fall(s) due after {day} with nothing paid:
{listed}

Owed is what fell due by the end. Cancel these, or keep them owed (for work already done)?</source>
        <translation>
            <numerusform>%n Rate von „{title}“, insgesamt {total}, wird nach dem {day} fällig, ohne dass etwas bezahlt ist:
{listed}

Geschuldet ist, was bis zum Ende fällig wurde. Diese Rate stornieren oder weiterhin schulden (für bereits geleistete Arbeit)?</numerusform>
            <numerusform>%n Raten von „{title}“, insgesamt {total}, werden nach dem {day} fällig, ohne dass etwas bezahlt ist:
{listed}

Geschuldet ist, was bis zum Ende fällig wurde. Diese Raten stornieren oder weiterhin schulden (für bereits geleistete Arbeit)?</numerusform>
        </translation>
    </message>
    <message>
        <source>Don&apos;t terminate</source>
        <translation>Nicht kündigen</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Risikoprüfung öffnen</translation>
    </message>
    <message>
        <source>Open the exit plan</source>
        <translation>Ausstiegsplan öffnen</translation>
    </message>
    <message>
        <source>Attach it</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>Edit the engagement</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>Open the contractor</source>
        <translation>Auftragnehmer öffnen</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>link: go to what fixes a blocker</comment>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Not signed: {reasons}</source>
        <translation>Nicht unterzeichnet: {reasons}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>engagements: not yet ended</comment>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Draft, in review or signed</source>
        <translation>Entwurf, in Prüfung oder unterzeichnet</translation>
    </message>
    <message>
        <source>Show engagements with this status</source>
        <translation>Aufträge mit diesem Status anzeigen</translation>
    </message>
    <message>
        <source>New engagement…</source>
        <translation>Neuer Auftrag…</translation>
    </message>
    <message>
        <source>No engagements yet. Add a contractor first (Contractors tab, Ctrl+1): an engagement is always with someone.</source>
        <translation>Noch keine Aufträge. Legen Sie zuerst einen Auftragnehmer an (Reiter Auftragnehmer, Strg+1): Ein Auftrag gehört immer zu jemandem.</translation>
    </message>
    <message>
        <source>No engagements yet. Choose “New engagement…” to write the brief, price and terms of a piece of work for one of your contractors.</source>
        <translation>Noch keine Aufträge. Wählen Sie „Neuer Auftrag…“, um Auftragsbeschreibung, Preis und Bedingungen einer Arbeit für einen Ihrer Auftragnehmer festzuhalten.</translation>
    </message>
    <message>
        <source>No engagement has this status.</source>
        <translation>Kein Auftrag hat diesen Status.</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n engagement(s)</source>
        <translation>
            <numerusform>{shown} von %n Auftrag</numerusform>
            <numerusform>{shown} von %n Aufträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n engagement(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a contractor first (Contractors tab, Ctrl+1); an engagement is always with someone.</source>
        <translation>Legen Sie zuerst einen Auftragnehmer an (Reiter Auftragnehmer, Strg+1); ein Auftrag gehört immer zu jemandem.</translation>
    </message>
    <message>
        <source>Update the schedule?</source>
        <translation>Zahlungsplan aktualisieren?</translation>
    </message>
    <message>
        <source>The terms of “{title}” changed, and its payment schedule no longer matches them. Regenerate the installments not yet paid? Paid and part-paid ones stay as they are.</source>
        <translation>Die Bedingungen von „{title}“ haben sich geändert, und der Zahlungsplan passt nicht mehr dazu. Die noch nicht bezahlten Raten neu erstellen? Bezahlte und teilweise bezahlte Raten bleiben unverändert.</translation>
    </message>
    <message>
        <source>Exchange rates for the plan</source>
        <translation>Wechselkurse für den Plan</translation>
    </message>
    <message>
        <source>Rates you type for this plan, e.g. 1 EUR = 1.0834 {currency}. Each also converts the other way. Quotes in a currency without a rate are listed apart and never added.</source>
        <translation>Kurse, die Sie für diesen Plan eingeben, z. B. 1 EUR = 1.0834 {currency}. Jeder Kurs gilt auch in umgekehrter Richtung. Angebote in einer Währung ohne Kurs werden gesondert aufgeführt und nie mitgerechnet.</translation>
    </message>
    <message>
        <source>1 unit of</source>
        <translation>1 Einheit von</translation>
    </message>
    <message>
        <source>equals</source>
        <translation>entspricht</translation>
    </message>
    <message>
        <source>of</source>
        <comment>exchange rate: in this currency</comment>
        <translation>in</translation>
    </message>
    <message>
        <source>Add rate</source>
        <translation>Kurs hinzufügen</translation>
    </message>
    <message>
        <source>Remove rate</source>
        <translation>Kurs entfernen</translation>
    </message>
    <message>
        <source>row {row}: {field} {problem}</source>
        <translation>Zeile {row}: {field} {problem}</translation>
    </message>
    <message>
        <source>row {row}: a rate between {first} and {second} is given twice</source>
        <translation>Zeile {row}: Ein Kurs zwischen {first} und {second} ist doppelt angegeben</translation>
    </message>
    <message>
        <source>Exit plan: {title}</source>
        <translation>Ausstiegsplan: {title}</translation>
    </message>
    <message>
        <source>For convenience, by either side</source>
        <translation>Ordentlich, durch jede Seite</translation>
    </message>
    <message>
        <source>For cause (a breach)</source>
        <translation>Aus wichtigem Grund (Vertragsverletzung)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Work done before the end is paid pro rata</source>
        <translation>Vor dem Ende geleistete Arbeit wird anteilig bezahlt</translation>
    </message>
    <message>
        <source>Where unfinished work is delivered, in which format, e.g. layered files in our drive</source>
        <translation>Wo unfertige Arbeit übergeben wird, in welchem Format, z. B. Dateien mit Ebenen in unserem Laufwerk</translation>
    </message>
    <message>
        <source>Passwords, keys and accounts they hand back, and how</source>
        <translation>Passwörter, Schlüssel und Konten, die zurückgegeben werden, und wie</translation>
    </message>
    <message>
        <source>Which data, by when, and how it is confirmed</source>
        <translation>Welche Daten, bis wann, und wie es bestätigt wird</translation>
    </message>
    <message>
        <source>e.g. a one-hour call and written notes on the build</source>
        <translation>z. B. ein einstündiges Gespräch und schriftliche Notizen zur Umsetzung</translation>
    </message>
    <message>
        <source>One system per line, e.g.
Shop admin
Shared drive
Email account</source>
        <translation>Ein System pro Zeile, z. B.
Shop-Verwaltung
Gemeinsames Laufwerk
E-Mail-Konto</translation>
    </message>
    <message>
        <source>One system per line; blank lines and repeats are dropped</source>
        <translation>Ein System pro Zeile; leere Zeilen und Wiederholungen werden entfernt</translation>
    </message>
    <message>
        <source>How partial work is measured and when it is paid</source>
        <translation>Wie Teilleistungen bemessen werden und wann sie bezahlt werden</translation>
    </message>
    <message>
        <source>with notice of {days} days</source>
        <translation>mit einer Kündigungsfrist von {days} Tagen</translation>
    </message>
    <message>
        <source>after a cure period of {days} days</source>
        <translation>nach einer Abhilfefrist von {days} Tagen</translation>
    </message>
    <message>
        <source>Termination</source>
        <translation>Kündigung</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>Laufende Arbeiten</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>Am Ende</translation>
    </message>
    <message>
        <source>Backup contractor</source>
        <translation>Ersatz-Auftragnehmer</translation>
    </message>
    <message>
        <source>Systems</source>
        <translation>Systeme</translation>
    </message>
    <message>
        <source>Ending it</source>
        <translation>Beendigung</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Data and access</source>
        <translation>Daten und Zugänge</translation>
    </message>
    <message>
        <source>Our data they hold, and every system they can log into.</source>
        <translation>Unsere Daten beim Auftragnehmer und jedes System, bei dem er sich anmelden kann.</translation>
    </message>
    <message>
        <source>Pay</source>
        <comment>the exit plan&apos;s part on paying for partial work</comment>
        <translation>Vergütung</translation>
    </message>
    <message>
        <source>Last day to give notice: {day} (end {end}, {notice})</source>
        <translation>Letzter Tag für die Kündigung: {day} (Ende {end}, {notice})</translation>
    </message>
    <message>
        <source>No last day to give notice: the engagement has no end date or notice period.</source>
        <translation>Kein letzter Tag für die Kündigung: Der Auftrag hat weder Enddatum noch Kündigungsfrist.</translation>
    </message>
    <message>
        <source>No last day to give notice: the engagement has no end date.</source>
        <translation>Kein letzter Tag für die Kündigung: Der Auftrag hat kein Enddatum.</translation>
    </message>
    <message>
        <source>No last day to give notice: the engagement has no notice period.</source>
        <translation>Kein letzter Tag für die Kündigung: Der Auftrag hat keine Kündigungsfrist.</translation>
    </message>
    <message>
        <source>Contractor {id} (not in the list)</source>
        <translation>Auftragnehmer {id} (nicht in der Liste)</translation>
    </message>
    <message>
        <source>Still missing: {gaps}</source>
        <translation>Es fehlt noch: {gaps}</translation>
    </message>
    <message>
        <source>Complete</source>
        <comment>status: nothing is missing</comment>
        <translation>Vollständig</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Your role on this team database reads exit plans; only its owner changes them.</source>
        <translation>Mit Ihrer Rolle in dieser Teamdatenbank können Sie Ausstiegspläne lesen; ändern kann sie nur der Inhaber.</translation>
    </message>
    <message>
        <source>{reason}. Your changes were not saved: copy anything you typed, then close this window.</source>
        <translation>{reason}. Ihre Änderungen wurden nicht gespeichert: Kopieren Sie, was Sie eingegeben haben, und schließen Sie dann dieses Fenster.</translation>
    </message>
    <message>
        <source>Exit plan not saved</source>
        <translation>Ausstiegsplan nicht gespeichert</translation>
    </message>
    <message>
        <source>The exit plan of “{title}”</source>
        <translation>Der Ausstiegsplan von „{title}“</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>Zahlungsziel</translation>
    </message>
    <message>
        <source>{field} {problem}</source>
        <comment>a field&apos;s label, then what is wrong with it</comment>
        <translation>{field} {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Fix %n field(s) before saving: {fields}</source>
        <translation>
            <numerusform>Korrigieren Sie vor dem Speichern %n Feld: {fields}</numerusform>
            <numerusform>Korrigieren Sie vor dem Speichern %n Felder: {fields}</numerusform>
        </translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Risk heat map</source>
        <translation>Risikomatrix</translation>
    </message>
    <message>
        <source>{area}: likelihood {likelihood}, impact {impact}</source>
        <translation>{area}: Wahrscheinlichkeit {likelihood}, Auswirkung {impact}</translation>
    </message>
    <message>
        <source>Likelihood →</source>
        <translation>Wahrscheinlichkeit →</translation>
    </message>
    <message>
        <source>Impact →</source>
        <translation>Auswirkung →</translation>
    </message>
    <message>
        <source>Likelihood {likelihood} × impact {impact} = {score} ({band})</source>
        <translation>Wahrscheinlichkeit {likelihood} × Auswirkung {impact} = {score} ({band})</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>&lt;b&gt;Look around the demo.&lt;/b&gt; The roster, engagements and dashboard are filled with made-up examples. When you are ready, File ▸ Remove demo data takes them all away.</source>
        <translation>&lt;b&gt;Sehen Sie sich die Beispieldaten an.&lt;/b&gt; Auftragnehmerliste, Aufträge und Übersicht sind mit erfundenen Beispielen gefüllt. Wenn Sie so weit sind, entfernt Datei ▸ Beispieldaten entfernen sie alle wieder.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Add your contractors.&lt;/b&gt; Contractors ▸ New contractor (Ctrl+N), or File ▸ Import contractors (Ctrl+I) to bring in the contact list you already keep (Xero, QuickBooks, Outlook, Google, any spreadsheet).</source>
        <translation>&lt;b&gt;Fügen Sie Ihre Auftragnehmer hinzu.&lt;/b&gt; Auftragnehmer ▸ Neuer Auftragnehmer (Strg+N) oder Datei ▸ Auftragnehmer importieren (Strg+I), um die Kontaktliste zu übernehmen, die Sie bereits führen (Xero, QuickBooks, Outlook, Google, jede Tabellenkalkulation).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Write the brief.&lt;/b&gt; File ▸ New engagement (Ctrl+Shift+N): goals, scope, deliverables, how you will accept the work, and how you will keep in touch. The editor says what is still missing.</source>
        <translation>&lt;b&gt;Schreiben Sie die Auftragsbeschreibung.&lt;/b&gt; Datei ▸ Neuer Auftrag (Strg+Umschalt+N): Ziele, Umfang, Ergebnisse, wie Sie die Arbeit abnehmen und wie Sie in Kontakt bleiben. Das Formular zeigt, was noch fehlt.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Review the risk before signing.&lt;/b&gt; In the engagement pane, Risk review… asks what to check (identity, classification, data, payment). Signing stays blocked, with the reason and its fix, until nothing stands in the way.</source>
        <translation>&lt;b&gt;Prüfen Sie das Risiko vor der Unterzeichnung.&lt;/b&gt; Im Auftragsbereich fragt Risikoprüfung…, was zu prüfen ist (Identität, Einstufung, Daten, Zahlung). Die Unterzeichnung bleibt gesperrt – mit Grund und Lösung –, bis nichts mehr im Weg steht.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pay on time.&lt;/b&gt; Generate the schedule from the terms; Today lists what falls due and what is late, and what paying late costs where the law says.</source>
        <translation>&lt;b&gt;Zahlen Sie pünktlich.&lt;/b&gt; Erstellen Sie den Zahlungsplan aus den Bedingungen; „Heute“ zeigt, was fällig wird und was überfällig ist, und was eine verspätete Zahlung kostet, wo das Gesetz es vorsieht.</translation>
    </message>
    <message>
        <source>Settings holds your business profile and the rules Crewbook applies, each with its source. Reports (Ctrl+5) makes the PDFs and CSV files your accountant asks for.</source>
        <translation>Unter Einstellungen finden Sie Ihr Unternehmensprofil und die Regeln, die Crewbook anwendet, jeweils mit Quelle. Berichte (Strg+5) erstellt die PDF- und CSV-Dateien, die Ihr Steuerberater anfordert.</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>To</source>
        <comment>column: what a shortcut does</comment>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Press</source>
        <comment>column: the keys of a shortcut</comment>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Alle Zeilen</translation>
    </message>
    <message>
        <source>Problems only</source>
        <translation>Nur Probleme</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>Nur neue</translation>
    </message>
    <message>
        <source>Merges only</source>
        <translation>Nur Zusammenführungen</translation>
    </message>
    <message>
        <source>Skipped only</source>
        <translation>Nur übersprungene</translation>
    </message>
    <message>
        <source>{amount} / hour</source>
        <translation>{amount} / Stunde</translation>
    </message>
    <message>
        <source>{amount} / day</source>
        <translation>{amount} / Tag</translation>
    </message>
    <message>
        <source>{amount} / month</source>
        <translation>{amount} / Monat</translation>
    </message>
    <message>
        <source>{amount} / fixed</source>
        <translation>{amount} / pauschal</translation>
    </message>
    <message>
        <source>New</source>
        <comment>import outcome</comment>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Merge</source>
        <comment>import outcome</comment>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <comment>import outcome</comment>
        <translation>Duplikat</translation>
    </message>
    <message>
        <source>Rejected</source>
        <comment>import outcome</comment>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <comment>import outcome</comment>
        <translation>Übersprungen</translation>
    </message>
    <message numerus="yes">
        <source>{count} new</source>
        <translation>
            <numerusform>{count} neu</numerusform>
            <numerusform>{count} neu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} to merge</source>
        <translation>
            <numerusform>{count} zusammenzuführen</numerusform>
            <numerusform>{count} zusammenzuführen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} duplicate(s)</source>
        <translation>
            <numerusform>{count} Duplikat</numerusform>
            <numerusform>{count} Duplikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} abgelehnt</numerusform>
            <numerusform>{count} abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} skipped</source>
        <translation>
            <numerusform>{count} übersprungen</numerusform>
            <numerusform>{count} übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>The file has no rows below the header.</source>
        <translation>Die Datei hat keine Zeilen unterhalb der Kopfzeile.</translation>
    </message>
    <message numerus="yes">
        <source>Added {count} contractor(s), merged {merged}.</source>
        <translation>
            <numerusform>{count} Auftragnehmer hinzugefügt, {merged} zusammengeführt.</numerusform>
            <numerusform>{count} Auftragnehmer hinzugefügt, {merged} zusammengeführt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added {count} contractor(s).</source>
        <translation>
            <numerusform>{count} Auftragnehmer hinzugefügt.</numerusform>
            <numerusform>{count} Auftragnehmer hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) were rejected</source>
        <translation>
            <numerusform>{count} Zeile wurde abgelehnt</numerusform>
            <numerusform>{count} Zeilen wurden abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} duplicate(s) were left out</source>
        <translation>
            <numerusform>{count} Duplikat wurde ausgelassen</numerusform>
            <numerusform>{count} Duplikate wurden ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <comment>the end of a list</comment>
        <translation>{first} und {last}</translation>
    </message>
    <message>
        <source>Matches {name}</source>
        <translation>Stimmt mit {name} überein</translation>
    </message>
    <message>
        <source>As found in the file</source>
        <translation>Wie in der Datei</translation>
    </message>
    <message>
        <source>Day before month</source>
        <translation>Tag vor Monat</translation>
    </message>
    <message>
        <source>Month before day</source>
        <translation>Monat vor Tag</translation>
    </message>
    <message>
        <source>Skip rows whose email is already known</source>
        <translation>Zeilen überspringen, deren E-Mail-Adresse bereits bekannt ist</translation>
    </message>
    <message>
        <source>Merge them into the existing contractor</source>
        <translation>Mit dem vorhandenen Auftragnehmer zusammenführen</translation>
    </message>
    <message>
        <source>Check before importing</source>
        <translation>Vor dem Import prüfen</translation>
    </message>
    <message>
        <source>Every row of the file and what will happen to it. Nothing is added until you import.</source>
        <translation>Jede Zeile der Datei und was mit ihr geschieht. Hinzugefügt wird erst, wenn Sie importieren.</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Datumsangaben:</translation>
    </message>
    <message>
        <source>Emails already known:</source>
        <translation>Bereits bekannte E-Mail-Adressen:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message numerus="yes">
        <source>Checking {count} row(s)…</source>
        <translation>
            <numerusform>{count} Zeile wird geprüft…</numerusform>
            <numerusform>{count} Zeilen werden geprüft…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) have a warning: see Details.</source>
        <translation>
            <numerusform>{count} Zeile hat eine Warnung: siehe Details.</numerusform>
            <numerusform>{count} Zeilen haben eine Warnung: siehe Details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import {count} contractor(s)</source>
        <translation>
            <numerusform>{count} Auftragnehmer importieren</numerusform>
            <numerusform>{count} Auftragnehmer importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Nichts zu importieren</translation>
    </message>
    <message>
        <source>The file could not be checked: {problem}</source>
        <translation>Die Datei konnte nicht geprüft werden: {problem}</translation>
    </message>
    <message>
        <source>Contact files</source>
        <translation>Kontaktdateien</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>A CSV or Excel file from your accounting program, address book or a spreadsheet of your own.</source>
        <translation>Eine CSV- oder Excel-Datei aus Ihrem Buchhaltungsprogramm, Ihrem Adressbuch oder einer eigenen Tabelle.</translation>
    </message>
    <message>
        <source>Path to a .csv, .txt, .tsv or .xlsx file</source>
        <translation>Pfad zu einer .csv-, .txt-, .tsv- oder .xlsx-Datei</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>for rates written without a currency</source>
        <translation>für Vergütungssätze ohne Währungsangabe</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Zeichenkodierung:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Trennzeichen:</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>Kopfzeile:</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Import contractors</source>
        <translation>Auftragnehmer importieren</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Zeile {line}</translation>
    </message>
    <message>
        <source>guessed: if names below look wrong, choose another</source>
        <translation>automatisch erkannt: Wenn die Namen unten falsch aussehen, wählen Sie eine andere</translation>
    </message>
    <message>
        <source>“{name}” cannot be imported — {problem}.</source>
        <translation>„{name}“ kann nicht importiert werden – {problem}.</translation>
    </message>
    <message>
        <source>The file cannot be imported — {problem}.</source>
        <translation>Die Datei kann nicht importiert werden – {problem}.</translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) below the header</source>
        <translation>
            <numerusform>{count} Zeile unterhalb der Kopfzeile</numerusform>
            <numerusform>{count} Zeilen unterhalb der Kopfzeile</numerusform>
        </translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Say what each column of the file holds; choose “(ignore)” to leave one out.</source>
        <translation>Geben Sie an, was jede Spalte der Datei enthält; wählen Sie „(ignorieren)“, um eine Spalte auszulassen.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>Erste Werte</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>Choose the column that holds the name — a full name, a first or last name, or a company — to go on.</source>
        <translation>Wählen Sie die Spalte, die den Namen enthält – vollständiger Name, Vor- oder Nachname oder eine Firma –, um fortzufahren.</translation>
    </message>
    <message>
        <source>The columns are matched as you matched them last time for a file with these headers.</source>
        <translation>Die Spalten sind so zugeordnet wie beim letzten Mal für eine Datei mit diesen Überschriften.</translation>
    </message>
    <message>
        <source>Crewbook did not recognise these columns, so they need matching by hand: for each column, choose what it holds. At least one must hold a name or a company.</source>
        <translation>Crewbook hat diese Spalten nicht erkannt, daher müssen sie von Hand zugeordnet werden: Wählen Sie für jede Spalte, was sie enthält. Mindestens eine muss einen Namen oder eine Firma enthalten.</translation>
    </message>
    <message>
        <source>Read as {layout}. Check what each column is imported as; anything left as “Other” is kept in the notes.</source>
        <translation>Gelesen als {layout}. Prüfen Sie, als was jede Spalte importiert wird; alles, was auf „Sonstiges“ bleibt, wird in den Notizen aufbewahrt.</translation>
    </message>
    <message>
        <source>Column {number}</source>
        <translation>Spalte {number}</translation>
    </message>
    <message>
        <source>Import</source>
        <comment>title: the import itself</comment>
        <translation>Import</translation>
    </message>
    <message>
        <source>Everything is added in one go: cancelling adds nothing.</source>
        <translation>Alles wird in einem Schritt hinzugefügt: Wenn Sie abbrechen, wird nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Save error report…</source>
        <translation>Fehlerbericht speichern…</translation>
    </message>
    <message>
        <source>The rows that were not imported, each with its line and reason, as CSV to fix and import again.</source>
        <translation>Die nicht importierten Zeilen, jeweils mit Zeilennummer und Grund, als CSV zum Korrigieren und erneuten Importieren.</translation>
    </message>
    <message numerus="yes">
        <source>Importing {count} contractor(s)…</source>
        <translation>
            <numerusform>{count} Auftragnehmer wird importiert…</numerusform>
            <numerusform>{count} Auftragnehmer werden importiert…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Import cancelled — nothing was added.</source>
        <translation>Import abgebrochen – es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>The import did not go through — nothing was added.</source>
        <translation>Der Import ist fehlgeschlagen – es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>Fehlerbericht speichern</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>CSV-Dateien</translation>
    </message>
    <message>
        <source>The report could not be saved: {problem}</source>
        <translation>Der Bericht konnte nicht gespeichert werden: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>Saved {count} row(s) to {path}</source>
        <translation>
            <numerusform>{count} Zeile in {path} gespeichert</numerusform>
            <numerusform>{count} Zeilen in {path} gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Edit installment</source>
        <translation>Rate bearbeiten</translation>
    </message>
    <message>
        <source>{amount} paid so far.</source>
        <translation>{amount} bisher bezahlt.</translation>
    </message>
    <message>
        <source>Nothing paid on it yet.</source>
        <translation>Darauf wurde noch nichts bezahlt.</translation>
    </message>
    <message>
        <source>Not saved: {reason}.</source>
        <translation>Nicht gespeichert: {reason}.</translation>
    </message>
    <message>
        <source>The installment “{label}”</source>
        <translation>Die Rate „{label}“</translation>
    </message>
    <message>
        <source>Installment</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Bezahlt</translation>
    </message>
    <message>
        <source>Not owed</source>
        <translation>Nicht geschuldet</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>installment of a draft engagement</comment>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>{status} (overdue)</source>
        <translation>{status} (überfällig)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Wie das System ({language})</translation>
    </message>
    <message>
        <source>Crewbook speaks this language in its window, its reports and on the command line. Amounts and dates follow the locale in the business profile.</source>
        <translation>Crewbook verwendet diese Sprache im Fenster, in seinen Berichten und auf der Kommandozeile. Beträge und Datumsangaben richten sich nach dem Gebietsschema im Unternehmensprofil.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Crewbook will speak the language you chose from its next start.</source>
        <translation>Crewbook verwendet die gewählte Sprache ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Nachfassen am</translation>
    </message>
    <message>
        <source>Add to the communication log</source>
        <translation>Zum Kommunikationsprotokoll hinzufügen</translation>
    </message>
    <message>
        <source>What was said or agreed</source>
        <translation>Was besprochen oder vereinbart wurde</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>Opening your book…</source>
        <translation>Ihr Datenbestand wird geöffnet…</translation>
    </message>
    <message>
        <source>{app} — {name} (team database)</source>
        <translation>{app} — {name} (Teamdatenbank)</translation>
    </message>
    <message>
        <source>Remove demo data</source>
        <translation>Beispieldaten entfernen</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Contractors</source>
        <translation>Auftragnehmer</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Planer</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Team database: {name}</source>
        <translation>Teamdatenbank: {name}</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datenordner: {folder}</translation>
    </message>
    <message>
        <source>Shared with your team on a PostgreSQL server</source>
        <translation>Mit Ihrem Team auf einem PostgreSQL-Server geteilt</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>Überall s&amp;uchen…</translation>
    </message>
    <message>
        <source>Contractors, engagements, invoices and payment references</source>
        <translation>Auftragnehmer, Aufträge, Rechnungen und Zahlungsreferenzen</translation>
    </message>
    <message>
        <source>Load &amp;demo roster</source>
        <translation>Beispieldaten &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Remove demo data…</source>
        <translation>Beispieldaten &amp;entfernen…</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Sichern…</translation>
    </message>
    <message>
        <source>Save the database and its documents in one file</source>
        <translation>Die Datenbank und ihre Dokumente in einer Datei sichern</translation>
    </message>
    <message>
        <source>Res&amp;tore from backup…</source>
        <translation>Aus Sicherung &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Replace what Crewbook holds with a backup (what it holds now is kept)</source>
        <translation>Den Datenbestand von Crewbook durch eine Sicherung ersetzen (der aktuelle Stand wird aufbewahrt)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Sicherungen…</translation>
    </message>
    <message>
        <source>How many daily automatic backups to keep</source>
        <translation>Wie viele tägliche automatische Sicherungen aufbewahrt werden</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <source>Connect to &amp;team database…</source>
        <translation>Mit &amp;Teamdatenbank verbinden…</translation>
    </message>
    <message>
        <source>Share one Crewbook with your team on a PostgreSQL server</source>
        <translation>Ein gemeinsames Crewbook mit Ihrem Team auf einem PostgreSQL-Server nutzen</translation>
    </message>
    <message>
        <source>Use the book on this &amp;computer</source>
        <translation>Datenbestand auf diesem &amp;Computer verwenden</translation>
    </message>
    <message>
        <source>Leave the team database and open this computer&apos;s own book</source>
        <translation>Die Teamdatenbank verlassen und den eigenen Datenbestand dieses Computers öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;Über {app}</translation>
    </message>
    <message>
        <source>New &amp;engagement…</source>
        <translation>Neuer &amp;Auftrag…</translation>
    </message>
    <message>
        <source>Write the brief, price and terms of a piece of work</source>
        <translation>Auftragsbeschreibung, Preis und Bedingungen einer Arbeit festhalten</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Erste Schritte</translation>
    </message>
    <message>
        <source>The first hour with Crewbook, in five steps</source>
        <translation>Die erste Stunde mit Crewbook in fünf Schritten</translation>
    </message>
    <message>
        <source>Show &amp;log folder</source>
        <translation>&amp;Protokollordner anzeigen</translation>
    </message>
    <message>
        <source>The log to send along when something went wrong</source>
        <translation>Das Protokoll, das Sie mitschicken, wenn etwas schiefgegangen ist</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Heute</translation>
    </message>
    <message>
        <source>What needs you today: payments, notice dates, check-ins</source>
        <translation>Was heute ansteht: Zahlungen, Kündigungstermine, Abstimmungen</translation>
    </message>
    <message>
        <source>&amp;Contractors</source>
        <translation>&amp;Auftragnehmer</translation>
    </message>
    <message>
        <source>The roster</source>
        <translation>Die Auftragnehmerliste</translation>
    </message>
    <message>
        <source>&amp;Engagements</source>
        <translation>Auf&amp;träge</translation>
    </message>
    <message>
        <source>Contracts, payment schedules and the communication log</source>
        <translation>Verträge, Zahlungspläne und das Kommunikationsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Planner</source>
        <translation>&amp;Planer</translation>
    </message>
    <message>
        <source>What to outsource, what to keep, and what it costs</source>
        <translation>Was Sie auslagern, was Sie intern behalten und was es kostet</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>PDF and CSV reports for your accountant</source>
        <translation>PDF- und CSV-Berichte für Ihren Steuerberater</translation>
    </message>
    <message>
        <source>&amp;Payment rules…</source>
        <translation>&amp;Zahlungsregeln…</translation>
    </message>
    <message>
        <source>The statutory rules terms are checked against</source>
        <translation>Die gesetzlichen Regeln, anhand derer Zahlungsbedingungen geprüft werden</translation>
    </message>
    <message>
        <source>&amp;Business profile…</source>
        <translation>&amp;Unternehmensprofil…</translation>
    </message>
    <message>
        <source>Name, currency, locale, tax year and annual revenue</source>
        <translation>Name, Währung, Gebietsschema, Steuerjahr und Jahresumsatz</translation>
    </message>
    <message>
        <source>Reporting &amp;thresholds…</source>
        <translation>&amp;Meldeschwellenwerte…</translation>
    </message>
    <message>
        <source>Tax reporting thresholds (such as 1099-NEC&apos;s) per tax year, with sources</source>
        <translation>Steuerliche Meldeschwellenwerte (etwa für 1099-NEC) je Steuerjahr, mit Quellen</translation>
    </message>
    <message>
        <source>Reference &amp;rates…</source>
        <translation>&amp;Referenzzinssätze…</translation>
    </message>
    <message>
        <source>Central bank rates late-payment interest starts from, with their dates</source>
        <translation>Zentralbankzinssätze, von denen die Verzugszinsen ausgehen, mit ihrem Datum</translation>
    </message>
    <message>
        <source>&amp;Language…</source>
        <translation>S&amp;prache…</translation>
    </message>
    <message>
        <source>The language of the window, the reports and the command line</source>
        <translation>Die Sprache des Fensters, der Berichte und der Befehlszeile</translation>
    </message>
    <message>
        <source>Re&amp;minders…</source>
        <translation>&amp;Erinnerungen…</translation>
    </message>
    <message>
        <source>Say what is overdue or due today when you log in</source>
        <translation>Bei der Anmeldung melden, was überfällig oder heute fällig ist</translation>
    </message>
    <message>
        <source>&amp;Import contractors…</source>
        <translation>Auftragnehmer &amp;importieren…</translation>
    </message>
    <message>
        <source>Add contractors from a CSV or Excel file (or drop the file on the window)</source>
        <translation>Auftragnehmer aus einer CSV- oder Excel-Datei hinzufügen (oder die Datei auf das Fenster ziehen)</translation>
    </message>
    <message>
        <source>Export ca&amp;lendar…</source>
        <translation>&amp;Kalender exportieren…</translation>
    </message>
    <message>
        <source>Payments due, notice dates, check-ins and expiries for your calendar app</source>
        <translation>Fällige Zahlungen, Kündigungstermine, Abstimmungen und Abläufe für Ihr Kalenderprogramm</translation>
    </message>
    <message>
        <source>A team database is backed up on its server (pg_dump)</source>
        <translation>Eine Teamdatenbank wird auf ihrem Server gesichert (pg_dump)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main</source>
        <comment>toolbar</comment>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Team database: {name} (read only: update Crewbook to make changes)</source>
        <translation>Teamdatenbank: {name} (schreibgeschützt: aktualisieren Sie Crewbook, um Änderungen vorzunehmen)</translation>
    </message>
    <message>
        <source>Team database: {name} (owner)</source>
        <translation>Teamdatenbank: {name} (Inhaber)</translation>
    </message>
    <message>
        <source>Team database: {name} (bookkeeper)</source>
        <translation>Teamdatenbank: {name} (Buchhaltung)</translation>
    </message>
    <message>
        <source>Team database: {name} (viewer)</source>
        <translation>Teamdatenbank: {name} (Leser)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Demo data.&lt;/b&gt; All %n contractor(s) here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</source>
        <translation>
            <numerusform>&lt;b&gt;Beispieldaten.&lt;/b&gt; Der %n Auftragnehmer hier ist ein erfundenes Beispiel, mit dem Sie Crewbook erkunden können. Entfernen Sie ihn mit einem Klick, wenn Sie Ihre eigene Auftragnehmerliste beginnen.</numerusform>
            <numerusform>&lt;b&gt;Beispieldaten.&lt;/b&gt; Alle %n Auftragnehmer hier sind erfundene Beispiele, mit denen Sie Crewbook erkunden können. Entfernen Sie sie mit einem Klick, wenn Sie Ihre eigene Auftragnehmerliste beginnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Demo data.&lt;/b&gt; %n contractor(s) here are made-up examples to explore Crewbook with. Remove them in one click when you start your own roster.</source>
        <translation>
            <numerusform>&lt;b&gt;Beispieldaten.&lt;/b&gt; %n Auftragnehmer hier ist ein erfundenes Beispiel, mit dem Sie Crewbook erkunden können. Entfernen Sie ihn mit einem Klick, wenn Sie Ihre eigene Auftragnehmerliste beginnen.</numerusform>
            <numerusform>&lt;b&gt;Beispieldaten.&lt;/b&gt; %n Auftragnehmer hier sind erfundene Beispiele, mit denen Sie Crewbook erkunden können. Entfernen Sie sie mit einem Klick, wenn Sie Ihre eigene Auftragnehmerliste beginnen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n demo contractor(s)? Your own contractors stay as they are.</source>
        <translation>
            <numerusform>Den %n Beispiel-Auftragnehmer entfernen? Ihre eigenen Auftragnehmer bleiben unverändert.</numerusform>
            <numerusform>Die %n Beispiel-Auftragnehmer entfernen? Ihre eigenen Auftragnehmer bleiben unverändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n demo contractor(s)? Some of your own records refer to them:

{records}

Remove the demo data anyway?</source>
        <translation>
            <numerusform>Den %n Beispiel-Auftragnehmer entfernen? Einige Ihrer eigenen Einträge verweisen darauf:

{records}

Beispieldaten trotzdem entfernen?</numerusform>
            <numerusform>Die %n Beispiel-Auftragnehmer entfernen? Einige Ihrer eigenen Einträge verweisen darauf:

{records}

Beispieldaten trotzdem entfernen?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n demo contractor(s)</source>
        <translation>
            <numerusform>%n Beispiel-Auftragnehmer entfernt</numerusform>
            <numerusform>%n Beispiel-Auftragnehmer entfernt</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Sicherung wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n contractor(s), merged {merged} (Edit ▸ Undo takes the import back)</source>
        <translation>
            <numerusform>%n Auftragnehmer importiert, {merged} zusammengeführt (Bearbeiten ▸ Rückgängig nimmt den Import zurück)</numerusform>
            <numerusform>%n Auftragnehmer importiert, {merged} zusammengeführt (Bearbeiten ▸ Rückgängig nimmt den Import zurück)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;contractors…</source>
        <translation>Auftragnehmer e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the contractors as CSV</source>
        <translation>Die Auftragnehmer als CSV speichern</translation>
    </message>
    <message>
        <source>Export &amp;payments…</source>
        <translation>&amp;Zahlungen exportieren…</translation>
    </message>
    <message>
        <source>Write the payments as CSV</source>
        <translation>Die Zahlungen als CSV speichern</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>Milestone schedule</source>
        <translation>Zahlungsplan nach Meilensteinen</translation>
    </message>
    <message numerus="yes">
        <source>Split {amount} into dated payments. Percentages must add up to 100; each is due %n day(s) after its date. The schedule follows the dates, whatever the rows&apos; order.</source>
        <translation>
            <numerusform>Teilen Sie {amount} in datierte Zahlungen auf. Die Prozentsätze müssen zusammen 100 ergeben; jede Zahlung ist %n Tag nach ihrem Datum fällig. Der Zahlungsplan folgt den Datumsangaben, unabhängig von der Reihenfolge der Zeilen.</numerusform>
            <numerusform>Teilen Sie {amount} in datierte Zahlungen auf. Die Prozentsätze müssen zusammen 100 ergeben; jede Zahlung ist %n Tage nach ihrem Datum fällig. Der Zahlungsplan folgt den Datumsangaben, unabhängig von der Reihenfolge der Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Anzahlung</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Zeile hinzufügen</translation>
    </message>
    <message>
        <source>Insert row</source>
        <translation>Zeile einfügen</translation>
    </message>
    <message>
        <source>A row above the selected one, dated between its neighbours</source>
        <translation>Eine Zeile über der ausgewählten, datiert zwischen ihren Nachbarn</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Zeile entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Sort by date</source>
        <translation>Nach Datum sortieren</translation>
    </message>
    <message>
        <source>Create schedule</source>
        <translation>Zahlungsplan erstellen</translation>
    </message>
    <message>
        <source>Row {row} date {problem}</source>
        <translation>Zeile {row}: Datum {problem}</translation>
    </message>
    <message>
        <source>Row {row} date is required</source>
        <translation>Zeile {row}: Datum ist erforderlich</translation>
    </message>
    <message>
        <source>Row {row} percent “{text}” is not a number such as 25</source>
        <translation>Zeile {row}: Prozentsatz „{text}“ ist keine Zahl wie etwa 25</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Bezahlt am</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Invoice number</source>
        <translation>Rechnungsnummer</translation>
    </message>
    <message>
        <source>Record payment</source>
        <translation>Zahlung erfassen</translation>
    </message>
    <message>
        <source>Due {day} · {owed} outstanding of {amount}</source>
        <translation>Fällig am {day} · {owed} von {amount} offen</translation>
    </message>
    <message>
        <source>Bank or platform transaction ID</source>
        <translation>Transaktions-ID der Bank oder Plattform</translation>
    </message>
    <message>
        <source>Record</source>
        <comment>verb: record a payment</comment>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Overpayment</source>
        <translation>Überzahlung</translation>
    </message>
    <message>
        <source>is more than the {amount} outstanding</source>
        <translation>ist höher als der offene Betrag von {amount}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Corrected {changes}</source>
        <translation>Korrigiert: {changes}</translation>
    </message>
    <message>
        <source>Voided {amount}</source>
        <translation>Storniert: {amount}</translation>
    </message>
    <message>
        <source>Void undone {amount}</source>
        <translation>Stornierung aufgehoben: {amount}</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>paid on</source>
        <translation>bezahlt am</translation>
    </message>
    <message>
        <source>method</source>
        <translation>Zahlungsart</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>invoice number</source>
        <translation>Rechnungsnummer</translation>
    </message>
    <message>
        <source>Correct payment</source>
        <translation>Zahlung korrigieren</translation>
    </message>
    <message>
        <source>e.g. typed the wrong amount</source>
        <translation>z. B. falschen Betrag eingegeben</translation>
    </message>
    <message>
        <source>Payments: {label}</source>
        <translation>Zahlungen: {label}</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Stornieren…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>No payment here has been corrected or voided.</source>
        <translation>Hier wurde noch keine Zahlung korrigiert oder storniert.</translation>
    </message>
    <message>
        <source>Void payment</source>
        <translation>Zahlung stornieren</translation>
    </message>
    <message>
        <source>Take back the payment of {amount} on {day}? It stays in the history.

Why:</source>
        <translation>Die Zahlung von {amount} am {day} zurücknehmen? Sie bleibt im Verlauf erhalten.

Grund:</translation>
    </message>
    <message>
        <source>undone</source>
        <comment>the reason kept with an undone correction</comment>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>{when} by {person}</source>
        <translation>{when} von {person}</translation>
    </message>
    <message>
        <source>{field} {before} → {after}</source>
        <translation>{field} {before} → {after}</translation>
    </message>
    <message>
        <source>{change}: {reason}</source>
        <translation>{change}: {reason}</translation>
    </message>
    <message>
        <source>Importance and competence matrix</source>
        <translation>Matrix aus Wichtigkeit und Kompetenz</translation>
    </message>
    <message>
        <source>{name}: importance {importance}, competence {competence}, {hours} a month, {decision}</source>
        <translation>{name}: Wichtigkeit {importance}, Kompetenz {competence}, {hours} pro Monat, {decision}</translation>
    </message>
    <message numerus="yes">
        <source>%n more activity(s): point at a circle for its name</source>
        <translation>
            <numerusform>%n weitere Tätigkeit: Zeigen Sie auf einen Kreis, um ihren Namen zu sehen</numerusform>
            <numerusform>%n weitere Tätigkeiten: Zeigen Sie auf einen Kreis, um ihren Namen zu sehen</numerusform>
        </translation>
    </message>
    <message>
        <source>In-house competence →</source>
        <translation>Interne Kompetenz →</translation>
    </message>
    <message>
        <source>Importance to the bottom line →</source>
        <translation>Wichtigkeit für das Geschäftsergebnis →</translation>
    </message>
    <message>
        <source>Importance {importance} · in-house competence {competence}
{hours} a month
Decision: {decision}</source>
        <translation>Wichtigkeit {importance} · interne Kompetenz {competence}
{hours} pro Monat
Entscheidung: {decision}</translation>
    </message>
    <message>
        <source>{amount} (no exchange rate)</source>
        <translation>{amount} (kein Wechselkurs)</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Hours/month</source>
        <translation>Std./Monat</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>Wichtigkeit</translation>
    </message>
    <message>
        <source>Competence</source>
        <translation>Kompetenz</translation>
    </message>
    <message>
        <source>Best quote / month</source>
        <translation>Bestes Angebot / Monat</translation>
    </message>
    <message>
        <source>Value of the hours</source>
        <translation>Wert der Stunden</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>Ersparnis</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>Erledigt von</translation>
    </message>
    <message>
        <source>no quote</source>
        <translation>kein Angebot</translation>
    </message>
    <message>
        <source>From {source}</source>
        <translation>Von {source}</translation>
    </message>
    <message>
        <source>From {source}: {amount} converted at the plan&apos;s exchange rate</source>
        <translation>Von {source}: {amount}, umgerechnet zum Wechselkurs des Plans</translation>
    </message>
    <message>
        <source>Quoted only in a currency the plan has no exchange rate for: add one under “Exchange rates…” to compare it</source>
        <translation>Nur in einer Währung angeboten, für die der Plan keinen Wechselkurs hat: Fügen Sie unter „Wechselkurse…“ einen hinzu, um das Angebot zu vergleichen</translation>
    </message>
    <message>
        <source>The value of the hours minus the best quote (negative: outsourcing costs more)</source>
        <translation>Der Wert der Stunden abzüglich des besten Angebots (negativ: Auslagern kostet mehr)</translation>
    </message>
    <message>
        <source>The value of the hours minus the best quote</source>
        <translation>Der Wert der Stunden abzüglich des besten Angebots</translation>
    </message>
    <message>
        <source>Quote from</source>
        <translation>Angebot von</translation>
    </message>
    <message>
        <source>Est. hours/month</source>
        <translation>Geschätzte Std./Monat</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <source>{name}  (roster)</source>
        <translation>{name}  (Auftragnehmerliste)</translation>
    </message>
    <message>
        <source>The cheapest quote for this activity</source>
        <translation>Das günstigste Angebot für diese Tätigkeit</translation>
    </message>
    <message>
        <source>New activity…</source>
        <translation>Neue Tätigkeit…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>What an hour of your own time is worth; activities without their own value of an hour use it</source>
        <translation>Was eine Stunde Ihrer eigenen Zeit wert ist; Tätigkeiten ohne eigenen Wert einer Stunde verwenden diesen</translation>
    </message>
    <message>
        <source>Exchange rates…</source>
        <translation>Wechselkurse…</translation>
    </message>
    <message>
        <source>Rates the plan converts other currencies with</source>
        <translation>Kurse, mit denen der Plan andere Währungen umrechnet</translation>
    </message>
    <message>
        <source>Add quote…</source>
        <translation>Angebot hinzufügen…</translation>
    </message>
    <message>
        <source>Remove quote</source>
        <translation>Angebot entfernen</translation>
    </message>
    <message>
        <source>Start engagement…</source>
        <translation>Auftrag anlegen…</translation>
    </message>
    <message>
        <source>Write an engagement with the chosen quote&apos;s contractor for this activity</source>
        <translation>Einen Auftrag mit dem Auftragnehmer des gewählten Angebots für diese Tätigkeit anlegen</translation>
    </message>
    <message>
        <source>Owner&apos;s hour value: not set…</source>
        <translation>Wert einer Stunde des Inhabers: nicht festgelegt…</translation>
    </message>
    <message>
        <source>Owner&apos;s hour value: {amount}…</source>
        <translation>Wert einer Stunde des Inhabers: {amount}…</translation>
    </message>
    <message>
        <source>The plan cannot be costed: {problem}</source>
        <translation>Der Plan kann nicht berechnet werden: {problem}</translation>
    </message>
    <message>
        <source>No activities yet. Choose “New activity…” to list work the business does every month, and the planner will say what to keep and what to outsource.</source>
        <translation>Noch keine Tätigkeiten. Wählen Sie „Neue Tätigkeit…“, um Arbeiten zu erfassen, die im Unternehmen jeden Monat anfallen, und der Planer zeigt Ihnen, was Sie intern behalten und was Sie auslagern sollten.</translation>
    </message>
    <message>
        <source>No activity the planner recommends outsourcing has a quote in {currency} yet.</source>
        <translation>Für keine Tätigkeit, deren Auslagerung der Planer empfiehlt, liegt bisher ein Angebot in {currency} vor.</translation>
    </message>
    <message>
        <source>If you outsource the recommended activities: &lt;b&gt;{cost}&lt;/b&gt; a month for work your time values at &lt;b&gt;{value}&lt;/b&gt; — &lt;b&gt;saving {saving}&lt;/b&gt;</source>
        <translation>Wenn Sie die empfohlenen Tätigkeiten auslagern: &lt;b&gt;{cost}&lt;/b&gt; pro Monat für Arbeit, deren Zeit Sie mit &lt;b&gt;{value}&lt;/b&gt; bewerten – &lt;b&gt;Sie sparen {saving}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>If you outsource the recommended activities: &lt;b&gt;{cost}&lt;/b&gt; a month for work your time values at &lt;b&gt;{value}&lt;/b&gt; — &lt;b&gt;costing {saving} more than those hours&lt;/b&gt;</source>
        <translation>Wenn Sie die empfohlenen Tätigkeiten auslagern: &lt;b&gt;{cost}&lt;/b&gt; pro Monat für Arbeit, deren Zeit Sie mit &lt;b&gt;{value}&lt;/b&gt; bewerten – &lt;b&gt;{saving} teurer als diese Stunden&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Also quoted in {currency}: {cost} a month for {activities} (no exchange rate, so not added)</source>
        <translation>Auch in {currency} angeboten: {cost} pro Monat für {activities} (kein Wechselkurs, daher nicht eingerechnet)</translation>
    </message>
    <message>
        <source>Recommended for outsourcing but not quoted yet: {activities}</source>
        <translation>Zum Auslagern empfohlen, aber noch ohne Angebot: {activities}</translation>
    </message>
    <message>
        <source>Not costed: {problem}</source>
        <translation>Nicht berechnet: {problem}</translation>
    </message>
    <message>
        <source>No activity selected</source>
        <translation>Keine Tätigkeit ausgewählt</translation>
    </message>
    <message>
        <source>Recommendation: &lt;b&gt;{decision}&lt;/b&gt;. {reason}</source>
        <translation>Empfehlung: &lt;b&gt;{decision}&lt;/b&gt;. {reason}</translation>
    </message>
    <message>
        <source>Your decision: {decision}.</source>
        <translation>Ihre Entscheidung: {decision}.</translation>
    </message>
    <message>
        <source>Done by {names}.</source>
        <translation>Erledigt von {names}.</translation>
    </message>
    <message numerus="yes">
        <source>Delete “{name}” and its %n quote(s)?</source>
        <translation>
            <numerusform>„{name}“ mit %n Angebot löschen?</numerusform>
            <numerusform>„{name}“ mit %n Angeboten löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{name}”?</source>
        <translation>„{name}“ löschen?</translation>
    </message>
    <message>
        <source>Remove the quote from {source}?</source>
        <translation>Das Angebot von {source} entfernen?</translation>
    </message>
    <message>
        <source>{name} is no longer an active contractor in the roster.</source>
        <translation>{name} ist kein aktiver Auftragnehmer in der Liste mehr.</translation>
    </message>
    <message>
        <source>Owner&apos;s hour value</source>
        <translation>Wert einer Stunde des Inhabers</translation>
    </message>
    <message>
        <source>What an hour of your time is worth, in {currency} (blank: not set):</source>
        <translation>Was eine Stunde Ihrer Zeit wert ist, in {currency} (leer: nicht festgelegt):</translation>
    </message>
    <message>
        <source>Value of an hour {problem}.</source>
        <translation>Wert einer Stunde {problem}.</translation>
    </message>
    <message>
        <source>Print {name}</source>
        <translation>{name} drucken</translation>
    </message>
    <message>
        <source>e.g. US, GB, DE</source>
        <translation>z. B. US, GB, DE</translation>
    </message>
    <message>
        <source>state or region code, e.g. NY (optional)</source>
        <translation>Code des Bundesstaats oder der Region, z. B. NY (optional)</translation>
    </message>
    <message>
        <source>e.g. USD</source>
        <translation>z. B. USD</translation>
    </message>
    <message>
        <source>blank: the system&apos;s; e.g. en_GB, de_DE</source>
        <translation>leer: wie im System; z. B. en_GB, de_DE</translation>
    </message>
    <message>
        <source>MM-DD, e.g. 01-01, or 04-06 in the UK</source>
        <translation>MM-TT, z. B. 01-01, oder 04-06 im Vereinigten Königreich</translation>
    </message>
    <message>
        <source>blank: financial impact stays unknown</source>
        <translation>leer: die finanzielle Auswirkung bleibt unbekannt</translation>
    </message>
    <message>
        <source>blank: only where a jurisdiction rule requires one</source>
        <translation>leer: nur, wo eine Regel des Rechtsraums es verlangt</translation>
    </message>
    <message>
        <source>Business profile</source>
        <translation>Unternehmensprofil</translation>
    </message>
    <message>
        <source>Annual revenue and the written-contract amount are in the base currency. Until revenue is set, a contract&apos;s financial impact is unknown: the risk review scores it as 3 and says so, but requires nothing on its strength.</source>
        <translation>Jahresumsatz und der Betrag, ab dem ein schriftlicher Vertrag nötig ist, werden in der Basiswährung angegeben. Solange kein Umsatz festgelegt ist, ist die finanzielle Auswirkung eines Vertrags unbekannt: Die Risikoprüfung bewertet sie mit 3 und weist darauf hin, verlangt aber allein deshalb nichts.</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>Geprüft am</translation>
    </message>
    <message>
        <source>Edit reference rate</source>
        <translation>Referenzzinssatz bearbeiten</translation>
    </message>
    <message>
        <source>New reference rate</source>
        <translation>Neuer Referenzzinssatz</translation>
    </message>
    <message>
        <source>ECB or BOE: the name a payment rule&apos;s interest uses</source>
        <translation>ECB oder BOE: der Name, den die Zinsen einer Zahlungsregel verwenden</translation>
    </message>
    <message>
        <source>e.g. 2.15</source>
        <translation>z. B. 2.15</translation>
    </message>
    <message>
        <source>where the rate was published</source>
        <translation>wo der Zinssatz veröffentlicht wurde</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Zinssatz</translation>
    </message>
    <message>
        <source>Reference rates</source>
        <translation>Referenzzinssätze</translation>
    </message>
    <message>
        <source>Late-payment interest under the EU directive and the UK Act is a central bank rate plus 8 points: the rate in force when the half-year began (1 January or 1 July). Add each change the bank announces, with its date, and set Checked on when you last looked, so the dashboard can tell whether the latest half-year is covered. Not legal advice.</source>
        <translation>Verzugszinsen nach der EU-Richtlinie und dem britischen Gesetz (UK Act) betragen einen Zentralbankzinssatz plus 8 Prozentpunkte: den Satz, der zu Beginn des Halbjahres (1. Januar oder 1. Juli) galt. Tragen Sie jede Änderung, die die Bank bekannt gibt, mit Datum ein und setzen Sie „Geprüft am“ auf den Tag, an dem Sie zuletzt nachgesehen haben, damit die Übersicht erkennen kann, ob das aktuelle Halbjahr abgedeckt ist. Keine Rechtsberatung.</translation>
    </message>
    <message>
        <source>{series} from {day}</source>
        <translation>{series} ab {day}</translation>
    </message>
    <message>
        <source>Quality of work</source>
        <translation>Arbeitsqualität</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Termintreue</translation>
    </message>
    <message>
        <source>Communication</source>
        <translation>Kommunikation</translation>
    </message>
    <message>
        <source>Value for money</source>
        <translation>Preis-Leistungs-Verhältnis</translation>
    </message>
    <message>
        <source>Rate “{title}”</source>
        <translation>„{title}“ bewerten</translation>
    </message>
    <message>
        <source>I would hire them again</source>
        <translation>Ich würde sie wieder beauftragen</translation>
    </message>
    <message>
        <source>One line to remember them by (optional)</source>
        <translation>Eine Zeile zur Erinnerung (optional)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Open Today</source>
        <translation>„Heute“ öffnen</translation>
    </message>
    <message>
        <source>{app}: {reminder}</source>
        <translation>{app}: {reminder}</translation>
    </message>
    <message>
        <source>Open {app}</source>
        <translation>{app} öffnen</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Erinnerungen</translation>
    </message>
    <message>
        <source>Remind me at login of what is overdue or due today</source>
        <translation>Bei der Anmeldung an Überfälliges und heute Fälliges erinnern</translation>
    </message>
    <message>
        <source>When you log in, Crewbook looks at Today. If a payment is overdue or due today, or a notice day, check-in or document needs you, a notification says so; click it to open Crewbook on Today. When nothing does, you hear nothing.</source>
        <translation>Bei der Anmeldung sieht Crewbook in „Heute“ nach. Ist eine Zahlung überfällig oder heute fällig oder erfordert ein Kündigungstermin, eine Abstimmung oder ein Dokument Ihre Aufmerksamkeit, weist eine Benachrichtigung darauf hin; ein Klick darauf öffnet Crewbook bei „Heute“. Steht nichts an, werden Sie nicht gestört.</translation>
    </message>
    <message>
        <source>Reminders at login read the book on this computer; open it (File ▸ Use the book on this computer) to set them up.</source>
        <translation>Erinnerungen bei der Anmeldung verwenden den Datenbestand auf diesem Computer; öffnen Sie ihn (Datei ▸ Datenbestand auf diesem Computer verwenden), um sie einzurichten.</translation>
    </message>
    <message>
        <source>Set up in {path}</source>
        <translation>Eingerichtet in {path}</translation>
    </message>
    <message>
        <source>Open the book on this computer to set up reminders at login.</source>
        <translation>Öffnen Sie den Datenbestand auf diesem Computer, um Erinnerungen bei der Anmeldung einzurichten.</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Gespeichert in {path}</translation>
    </message>
    <message>
        <source>Removed {path}</source>
        <translation>{path} entfernt</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Dieses Quartal</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Letztes Quartal</translation>
    </message>
    <message>
        <source>This tax year</source>
        <translation>Dieses Steuerjahr</translation>
    </message>
    <message>
        <source>Last tax year</source>
        <translation>Letztes Steuerjahr</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>Save payments for a period</source>
        <translation>Zahlungen eines Zeitraums speichern</translation>
    </message>
    <message>
        <source>Save contractor statement</source>
        <translation>Auszug für einen Auftragnehmer speichern</translation>
    </message>
    <message>
        <source>Save year-end tax summary</source>
        <translation>Steuerliche Jahresübersicht speichern</translation>
    </message>
    <message>
        <source>Save outstanding and overdue</source>
        <translation>Offene und überfällige Zahlungen speichern</translation>
    </message>
    <message>
        <source>Save outsourcing plan</source>
        <translation>Auslagerungsplan speichern</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name} (archiviert)</translation>
    </message>
    <message>
        <source>from</source>
        <comment>a period: from this day</comment>
        <translation>von</translation>
    </message>
    <message>
        <source>to</source>
        <comment>a period: to this day</comment>
        <translation>bis</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Contractor:</source>
        <translation>Auftragnehmer:</translation>
    </message>
    <message>
        <source>Tax year:</source>
        <translation>Steuerjahr:</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>Stand:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>PDF speichern…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print preview, then print</source>
        <translation>Druckvorschau, dann drucken</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>CSV speichern…</translation>
    </message>
    <message>
        <source>Open the PDF when it is ready</source>
        <translation>PDF öffnen, sobald es fertig ist</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>All contractors</source>
        <translation>Alle Auftragnehmer</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>All currencies</source>
        <translation>Alle Währungen</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>{file} wird geschrieben…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt;).</source>
        <translation>Gespeichert in &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;Ordner anzeigen&lt;/a&gt;).</translation>
    </message>
    <message numerus="yes">
        <source>{count} row(s) to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt;).</source>
        <translation>
            <numerusform>{count} Zeile gespeichert in &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;Ordner anzeigen&lt;/a&gt;).</numerusform>
            <numerusform>{count} Zeilen gespeichert in &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt; (&lt;a href=&apos;{folder}&apos;&gt;Ordner anzeigen&lt;/a&gt;).</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved to &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt;; no program here is set up to open PDF files, so &lt;a href=&apos;{folder}&apos;&gt;show the folder&lt;/a&gt; and open it from there.</source>
        <translation>Gespeichert in &lt;a href=&apos;{link}&apos;&gt;{file}&lt;/a&gt;; auf diesem Computer ist kein Programm zum Öffnen von PDF-Dateien eingerichtet, also &lt;a href=&apos;{folder}&apos;&gt;zeigen Sie den Ordner an&lt;/a&gt; und öffnen Sie die Datei von dort.</translation>
    </message>
    <message>
        <source>Stopped; no file was written.</source>
        <translation>Angehalten; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The report could not be written: {problem}</source>
        <translation>Der Bericht konnte nicht geschrieben werden: {problem}</translation>
    </message>
    <message>
        <source>1 — flexible</source>
        <translation>1 — flexibel</translation>
    </message>
    <message>
        <source>5 — immovable</source>
        <translation>5 — unverrückbar</translation>
    </message>
    <message>
        <source>“{question}”</source>
        <translation>„{question}“</translation>
    </message>
    <message>
        <source>Risk review — {title}</source>
        <translation>Risikoprüfung — {title}</translation>
    </message>
    <message>
        <source>value set by the work done</source>
        <translation>Wert ergibt sich aus der geleisteten Arbeit</translation>
    </message>
    <message>
        <source>jurisdiction not set</source>
        <translation>Rechtsraum nicht festgelegt</translation>
    </message>
    <message>
        <source>{contractor} · {value} · data access: {access} · {where} · question catalog {version}</source>
        <translation>{contractor} · {value} · Datenzugriff: {access} · {where} · Fragenkatalog {version}</translation>
    </message>
    <message>
        <source>Start a new review</source>
        <translation>Neue Prüfung beginnen</translation>
    </message>
    <message>
        <source>What is at stake</source>
        <translation>Was auf dem Spiel steht</translation>
    </message>
    <message>
        <source>The work creates copyright (text, design, code, photos)</source>
        <translation>Die Arbeit schafft urheberrechtlich geschützte Werke (Texte, Design, Code, Fotos)</translation>
    </message>
    <message>
        <source>Who did this review</source>
        <translation>Wer diese Prüfung durchgeführt hat</translation>
    </message>
    <message>
        <source>Time to replace them</source>
        <translation>Zeit, um Ersatz zu finden</translation>
    </message>
    <message>
        <source>How hard is the deadline</source>
        <translation>Wie fest steht der Termin</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <source>Overall risk</source>
        <translation>Gesamtrisiko</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Likelihood</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>What still blocks signing</source>
        <translation>Was die Unterzeichnung noch verhindert</translation>
    </message>
    <message>
        <source>Employee or contractor?</source>
        <translation>Arbeitnehmer oder Auftragnehmer?</translation>
    </message>
    <message>
        <source>This review was answered with question catalog {version}.</source>
        <translation>Diese Prüfung wurde mit dem Fragenkatalog {version} beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s) no longer fit the current questions and must be given again.</source>
        <translation>
            <numerusform>%n Antwort passt nicht mehr zu den aktuellen Fragen und muss neu gegeben werden.</numerusform>
            <numerusform>%n Antworten passen nicht mehr zu den aktuellen Fragen und müssen neu gegeben werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>{answered} of {total} questions answered.</source>
        <translation>{answered} von {total} Fragen beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>The other %n count as risky until they are answered.</source>
        <translation>
            <numerusform>Die übrige %n Frage gilt als riskant, bis sie beantwortet ist.</numerusform>
            <numerusform>Die übrigen %n Fragen gelten als riskant, bis sie beantwortet sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weighs most: {questions}</source>
        <translation>Am stärksten gewichtet: {questions}</translation>
    </message>
    <message>
        <source>No risky or open answers</source>
        <translation>Keine riskanten oder offenen Antworten</translation>
    </message>
    <message>
        <source>worst: {band}</source>
        <translation>schlechtester Bereich: {band}</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:{colour}&apos;&gt;{level} risk&lt;/b&gt; that the contractor would count as an employee, under the {test}.</source>
        <translation>&lt;b style=&apos;color:{colour}&apos;&gt;Risikostufe {level}&lt;/b&gt;: Der Auftragnehmer könnte nach dem {test} als Arbeitnehmer gelten.</translation>
    </message>
    <message>
        <source>No answer points towards employment.</source>
        <translation>Keine Antwort deutet auf ein Arbeitsverhältnis hin.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Quelle: {source}</translation>
    </message>
    <message>
        <source>What still blocks signing ({count})</source>
        <translation>Was die Unterzeichnung noch verhindert ({count})</translation>
    </message>
    <message>
        <source>Nothing blocks signing.</source>
        <translation>Nichts verhindert die Unterzeichnung.</translation>
    </message>
    <message>
        <source>Fix: {fix}</source>
        <translation>Lösung: {fix}</translation>
    </message>
    <message>
        <source>Your role on this team database reads risk reviews; only its owner answers or changes them.</source>
        <translation>Mit Ihrer Rolle in dieser Teamdatenbank können Sie Risikoprüfungen lesen; nur der Inhaber beantwortet oder ändert sie.</translation>
    </message>
    <message>
        <source>It was signed off on {day}.</source>
        <translation>Sie wurde am {day} abgezeichnet.</translation>
    </message>
    <message>
        <source>New review, starting from the answers signed off on {day}. Saving adds a new review; the signed one stays on record as it is.</source>
        <translation>Neue Prüfung auf Grundlage der am {day} abgezeichneten Antworten. Beim Speichern wird eine neue Prüfung angelegt; die abgezeichnete bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>This review was signed off on {day} (reviewed by {reviewer}) and is read-only. Start a new review to answer again; the signed one stays on record as it is.</source>
        <translation>Diese Prüfung wurde am {day} abgezeichnet (geprüft von {reviewer}) und ist schreibgeschützt. Beginnen Sie eine neue Prüfung, um erneut zu antworten; die abgezeichnete bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>This review was signed off on {day} and is read-only. Start a new review to answer again; the signed one stays on record as it is.</source>
        <translation>Diese Prüfung wurde am {day} abgezeichnet und ist schreibgeschützt. Beginnen Sie eine neue Prüfung, um erneut zu antworten; die abgezeichnete bleibt unverändert erhalten.</translation>
    </message>
    <message>
        <source>Not saved: {problems}</source>
        <translation>Nicht gespeichert: {problems}</translation>
    </message>
    <message>
        <source>The review was not saved: {problem}.</source>
        <translation>Die Prüfung wurde nicht gespeichert: {problem}.</translation>
    </message>
    <message>
        <source>The risk review of “{title}”</source>
        <translation>Die Risikoprüfung für „{title}“</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>1 — best</source>
        <translation>1 — am besten</translation>
    </message>
    <message>
        <source>5 — worst</source>
        <translation>5 — am schlechtesten</translation>
    </message>
    <message>
        <source>Key check: a risky answer here makes this area&apos;s likelihood 5 and blocks signing; leaving it unanswered blocks signing too.</source>
        <translation>Kernprüfung: Eine riskante Antwort hier setzt die Wahrscheinlichkeit dieses Bereichs auf 5 und verhindert die Unterzeichnung; bleibt die Frage unbeantwortet, verhindert das die Unterzeichnung ebenfalls.</translation>
    </message>
    <message>
        <source>Key check</source>
        <translation>Kernprüfung</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Warning sign</source>
        <translation>Warnsignal</translation>
    </message>
    <message>
        <source>What did you check?</source>
        <translation>Was haben Sie geprüft?</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Nicht beantwortet</translation>
    </message>
    <message>
        <source>Risky</source>
        <translation>Riskant</translation>
    </message>
    <message>
        <source>Some risk</source>
        <translation>Gewisses Risiko</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Demo data (File ▸ Remove demo data)</source>
        <translation>Beispieldaten (Datei ▸ Beispieldaten entfernen)</translation>
    </message>
    <message>
        <source>{status} (archived)</source>
        <translation>{status} (archiviert)</translation>
    </message>
    <message>
        <source>Filter by name, company, email, skills or notes   (Ctrl+F)</source>
        <translation>Nach Name, Unternehmen, E-Mail, Fähigkeiten oder Notizen filtern   (Strg+F)</translation>
    </message>
    <message>
        <source>All skills</source>
        <translation>Alle Fähigkeiten</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Archivierte anzeigen</translation>
    </message>
    <message>
        <source>Add a contractor</source>
        <translation>Auftragnehmer hinzufügen</translation>
    </message>
    <message>
        <source>Import from a file…</source>
        <translation>Aus einer Datei importieren…</translation>
    </message>
    <message>
        <source>Load the demo roster</source>
        <translation>Beispieldaten laden</translation>
    </message>
    <message>
        <source>&amp;New contractor…</source>
        <translation>&amp;Neuer Auftragnehmer…</translation>
    </message>
    <message>
        <source>Add a contractor to the roster</source>
        <translation>Einen Auftragnehmer zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Edit contractor…</source>
        <translation>Auftragnehmer &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Archivieren</translation>
    </message>
    <message>
        <source>Archive the selected contractors (undo with Ctrl+Z)</source>
        <translation>Ausgewählte Auftragnehmer archivieren (rückgängig mit Strg+Z)</translation>
    </message>
    <message>
        <source>&amp;Restore from archive</source>
        <translation>Aus dem Archiv wieder&amp;herstellen</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>&amp;Archivierte anzeigen</translation>
    </message>
    <message>
        <source>Loading contractors…</source>
        <translation>Auftragnehmer werden geladen…</translation>
    </message>
    <message>
        <source>{shown} shown, loading the rest…</source>
        <translation>{shown} angezeigt, der Rest wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of {total} contractor(s)</source>
        <translation>
            <numerusform>{shown} von {total} Auftragnehmer</numerusform>
            <numerusform>{shown} von {total} Auftragnehmern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{total} contractor(s)</source>
        <translation>
            <numerusform>{total} Auftragnehmer</numerusform>
            <numerusform>{total} Auftragnehmer</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;h2&gt;No contractors yet&lt;/h2&gt;&lt;p&gt;Add the people and companies you outsource work to, import them from a list you already keep (or drop the file here), or look around with a demo roster.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine Auftragnehmer&lt;/h2&gt;&lt;p&gt;Fügen Sie die Personen und Unternehmen hinzu, an die Sie Arbeit auslagern, importieren Sie sie aus einer Liste, die Sie bereits führen (oder ziehen Sie die Datei hierher), oder sehen Sie sich mit Beispieldaten um.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No contractor matches the filter&lt;/h3&gt;&lt;p&gt;Clear the filter box or choose another status or skill.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kein Auftragnehmer entspricht dem Filter&lt;/h3&gt;&lt;p&gt;Leeren Sie das Filterfeld oder wählen Sie einen anderen Status oder eine andere Fähigkeit.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Added {name}</source>
        <translation>{name} hinzugefügt</translation>
    </message>
    <message>
        <source>Archive</source>
        <comment>verb: archive a contractor</comment>
        <translation>Archivieren</translation>
    </message>
    <message numerus="yes">
        <source>Archived %n — Ctrl+Z to undo</source>
        <translation>
            <numerusform>%n archiviert — rückgängig mit Strg+Z</numerusform>
            <numerusform>%n archiviert — rückgängig mit Strg+Z</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n — Ctrl+Z to undo</source>
        <translation>
            <numerusform>%n wiederhergestellt — rückgängig mit Strg+Z</numerusform>
            <numerusform>%n wiederhergestellt — rückgängig mit Strg+Z</numerusform>
        </translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Written contract from</source>
        <translation>Schriftlicher Vertrag ab</translation>
    </message>
    <message>
        <source>Default days</source>
        <translation>Standardfrist</translation>
    </message>
    <message>
        <source>Longest terms</source>
        <translation>Längstes Zahlungsziel</translation>
    </message>
    <message>
        <source>Late-payment interest</source>
        <translation>Verzugszinsen</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit payment rule</source>
        <translation>Zahlungsregel bearbeiten</translation>
    </message>
    <message>
        <source>New payment rule</source>
        <translation>Neue Zahlungsregel</translation>
    </message>
    <message>
        <source>US, GB, EU …</source>
        <translation>US, GB, EU …</translation>
    </message>
    <message>
        <source>cap (never longer) or agreed (longer only if expressly agreed)</source>
        <translation>cap (nie länger) oder agreed (länger nur bei ausdrücklicher Vereinbarung)</translation>
    </message>
    <message>
        <source>for a group such as EU: its countries&apos; codes</source>
        <translation>bei einer Gruppe wie EU: die Codes ihrer Länder</translation>
    </message>
    <message>
        <source>for a city ordinance: its names, separated by ;</source>
        <translation>bei einer städtischen Verordnung: die Städtenamen, getrennt durch ;</translation>
    </message>
    <message>
        <source>days or calendar year (blank: each contract alone)</source>
        <translation>days oder calendar year (leer: jeder Vertrag für sich)</translation>
    </message>
    <message>
        <source>ECB or BOE: a series under Reference rates</source>
        <translation>ECB oder BOE: eine Reihe unter „Referenzzinssätze“</translation>
    </message>
    <message>
        <source>points over the reference rate, e.g. 8</source>
        <translation>Prozentpunkte über dem Referenzzinssatz, z. B. 8</translation>
    </message>
    <message>
        <source>debt from=sum; e.g. 0=40; 1000=70; 10000=100</source>
        <translation>Forderung ab=Betrag; z. B. 0=40; 1000=70; 10000=100</translation>
    </message>
    <message>
        <source>Payment rules</source>
        <translation>Zahlungsregeln</translation>
    </message>
    <message>
        <source>Crewbook warns when an engagement&apos;s payment terms or value go beyond the rule for its jurisdiction. These rules are data: check each source and keep them current for where you do business. Not legal advice.</source>
        <translation>Crewbook warnt, wenn Zahlungsziel oder Wert eines Auftrags über die Regel für seinen Rechtsraum hinausgehen. Diese Regeln sind Daten: Prüfen Sie jede Quelle und halten Sie die Regeln für die Orte, an denen Sie tätig sind, aktuell. Keine Rechtsberatung.</translation>
    </message>
    <message>
        <source>{what} saved to:
{path}</source>
        <translation>{what} gespeichert unter:
{path}</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>No program here is set up to open {kind} files: use Show in folder and open it from there.</source>
        <translation>Hier ist kein Programm zum Öffnen von {kind}-Dateien eingerichtet: Verwenden Sie „Im Ordner anzeigen“ und öffnen Sie die Datei von dort.</translation>
    </message>
    <message>
        <source>No program here is set up to open this file: use Show in folder and open it from there.</source>
        <translation>Hier ist kein Programm zum Öffnen dieser Datei eingerichtet: Verwenden Sie „Im Ordner anzeigen“ und öffnen Sie sie von dort.</translation>
    </message>
    <message>
        <source>Invoices and payment references</source>
        <translation>Rechnungen und Zahlungsreferenzen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Name, company, email, engagement, invoice or reference</source>
        <translation>Name, Unternehmen, E-Mail, Auftrag, Rechnung oder Referenz</translation>
    </message>
    <message>
        <source>Type two letters or more.</source>
        <translation>Geben Sie mindestens zwei Buchstaben ein.</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message>
        <source>Cannot import {file}: it is not a file (any more)</source>
        <translation>{file} kann nicht importiert werden: Es ist keine Datei (mehr)</translation>
    </message>
    <message numerus="yes">
        <source>%n more file(s) to import after {file}</source>
        <translation>
            <numerusform>Nach {file} ist noch %n weitere Datei zu importieren</numerusform>
            <numerusform>Nach {file} sind noch %n weitere Dateien zu importieren</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Remove threshold</source>
        <translation>Schwellenwert entfernen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove “{name}”?</source>
        <translation>„{name}“ entfernen?</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formular</translation>
    </message>
    <message>
        <source>Tax years</source>
        <translation>Steuerjahre</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>Edit threshold</source>
        <translation>Schwellenwert bearbeiten</translation>
    </message>
    <message>
        <source>New threshold</source>
        <translation>Neuer Schwellenwert</translation>
    </message>
    <message>
        <source>e.g. 2027</source>
        <translation>z. B. 2027</translation>
    </message>
    <message>
        <source>blank: until a later row</source>
        <translation>leer: bis zu einer späteren Zeile</translation>
    </message>
    <message>
        <source>e.g. 2,100</source>
        <translation>z. B. 2100</translation>
    </message>
    <message>
        <source>the law or notice the figure comes from</source>
        <translation>das Gesetz oder die Bekanntmachung, aus der der Betrag stammt</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <comment>how a date is typed</comment>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Reporting thresholds</source>
        <translation>Meldeschwellen</translation>
    </message>
    <message>
        <source>The year-end tax summary and the risk summary compare what you paid with these. A tax year no row covers has no threshold, and the reports say so rather than reuse another year&apos;s. Add each new year&apos;s figure when it is published, with its source. Not tax advice.</source>
        <translation>Die Steuerübersicht zum Jahresende und die Risikoübersicht vergleichen Ihre Zahlungen mit diesen Werten. Ein Steuerjahr, das keine Zeile abdeckt, hat keinen Schwellenwert, und die Berichte weisen darauf hin, statt den Wert eines anderen Jahres zu verwenden. Tragen Sie den Wert jedes neuen Jahres mit seiner Quelle ein, sobald er veröffentlicht ist. Keine Steuerberatung.</translation>
    </message>
    <message>
        <source>CSV for Excel</source>
        <translation>CSV für Excel</translation>
    </message>
    <message>
        <source>CSV, UTF-8</source>
        <translation>CSV, UTF-8</translation>
    </message>
</context>
</TS>
