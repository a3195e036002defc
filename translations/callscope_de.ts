<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CallScope::CallDetailView</name>
    <message>
        <source>Export JSON…</source>
        <translation>JSON exportieren…</translation>
    </message>
    <message>
        <source>Save the call, its timeline and its receipts as one JSON file</source>
        <translation>Den Anruf mit Zeitleiste und Eingängen als eine JSON-Datei speichern</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the whole timeline as an image</source>
        <translation>Die ganze Zeitleiste als Bild speichern</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Ended reason</source>
        <translation>Endgrund</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Click a bar or a bubble to inspect it · Ctrl+wheel zooms · Up/Down walk the call</source>
        <translation>Balken oder Sprechblase anklicken, um sie zu untersuchen · Strg+Mausrad zoomt · Auf/Ab gehen durch den Anruf</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Receipts (%1)</source>
        <translation>Eingänge (%1)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>Anruf %1</translation>
    </message>
    <message>
        <source>No call selected</source>
        <translation>Kein Anruf ausgewählt</translation>
    </message>
    <message>
        <source>Provider call id: %1</source>
        <translation>Anruf-ID beim Anbieter: %1</translation>
    </message>
    <message>
        <source>⚠ Stale: no end received</source>
        <translation>⚠ Hängt: kein Ende empfangen</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>running, %1 so far</source>
        <translation>läuft, bisher %1</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Provider log</source>
        <translation>Protokoll des Anbieters</translation>
    </message>
    <message>
        <source>Summary: %1</source>
        <translation>Zusammenfassung: %1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export the timeline as PNG</source>
        <translation>Zeitleiste als PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export the call as JSON</source>
        <translation>Anruf als JSON exportieren</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>CallScope::CallListModel</name>
    <message>
        <source>%1 · stale</source>
        <translation>%1 · veraltet</translation>
    </message>
    <message>
        <source>No event has arrived for this call for a long time although it has not ended: a webhook may have been lost.</source>
        <translation>Zu diesem Anruf ist lange kein Ereignis mehr eingegangen, obwohl er nicht beendet wurde: Vielleicht ging ein Webhook verloren.</translation>
    </message>
    <message>
        <source>Ended reason: %1</source>
        <translation>Beendigungsgrund: %1</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>Callee</source>
        <translation>Angerufen</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>Funktionen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>CallScope::CallPresentation</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Web call</source>
        <translation>Webanruf</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Ringing</source>
        <translation>Klingelt</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>success</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ Verifiziert</translation>
    </message>
    <message>
        <source>⚠ Unsigned</source>
        <translation>⚠ Unsigniert</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verarbeitet</translation>
    </message>
    <message>
        <source>⚠ Unattributed</source>
        <translation>⚠ Nicht zugeordnet</translation>
    </message>
    <message>
        <source>unnamed function</source>
        <translation>unbenannte Funktion</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>◆ %1</source>
        <translation>◆ %1</translation>
    </message>
    <message>
        <source>✎ %1</source>
        <translation>✎ %1</translation>
    </message>
</context>
<context>
    <name>CallScope::CallTimelineWidget</name>
    <message>
        <source>Fit to call</source>
        <translation>Ganzer Anruf</translation>
    </message>
    <message>
        <source>Show the whole call (Ctrl+0)</source>
        <translation>Den ganzen Anruf zeigen (Strg+0)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, or Ctrl+wheel)</source>
        <translation>Vergrößern (Strg+= oder Strg+Mausrad)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−, or Ctrl+wheel)</source>
        <translation>Verkleinern (Strg+− oder Strg+Mausrad)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
</context>
<context>
    <name>CallScope::CallsPage</name>
    <message>
        <source>Cannot open the call: %1</source>
        <translation>Der Anruf lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>Cannot update the call: %1</source>
        <translation>Der Anruf lässt sich nicht aktualisieren: %1</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Alle Anrufe</translation>
    </message>
</context>
<context>
    <name>CallScope::CallsView</name>
    <message>
        <source>Cannot read calls: %1</source>
        <translation>Anrufe lassen sich nicht lesen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n calls shown, more as you scroll</source>
        <translation>
            <numerusform>%n Anruf angezeigt, mehr beim Blättern</numerusform>
            <numerusform>%n Anrufe angezeigt, mehr beim Blättern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n Anruf</numerusform>
            <numerusform>%n Anrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>Search words, functions, numbers (Ctrl+F)</source>
        <translation>Wörter, Funktionen, Nummern suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Searches what was said, function names and arguments. Every word is matched as the start of a word. Digits alone search the end of the caller&apos;s and callee&apos;s numbers.</source>
        <translation>Durchsucht das Gesagte, Funktionsnamen und Argumente. Jedes Wort passt auf Wortanfänge. Nur Ziffern suchen das Ende der Rufnummern von Anrufer und Angerufenem.</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Beliebige Zeit</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Jedes Ergebnis</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Alle Agenten</translation>
    </message>
    <message>
        <source>With errors only</source>
        <translation>Nur mit Fehlern</translation>
    </message>
</context>
<context>
    <name>CallScope::JsonInspector</name>
    <message>
        <source>Copied ✓</source>
        <translation>Kopiert ✓</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
</context>
<context>
    <name>CallScope::MainWindow</name>
    <message>
        <source>CallScope</source>
        <translation>CallScope</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Rückrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>No calls yet</source>
        <translation>Noch keine Anrufe</translation>
    </message>
    <message>
        <source>Every call your voice agents handle will appear here as soon as its first webhook arrives: who called, what the agent said, which functions ran and which failed. Give each provider its webhook URL below and store its signing secret; CallScope refuses unsigned webhooks.</source>
        <translation>Jeder Anruf Ihrer Sprachagenten erscheint hier, sobald sein erster Webhook eintrifft: wer angerufen hat, was der Agent gesagt hat, welche Funktionen liefen und welche fehlschlugen. Geben Sie jedem Anbieter unten seine Webhook-URL und hinterlegen Sie sein Signaturgeheimnis; CallScope weist unsignierte Webhooks ab.</translation>
    </message>
    <message>
        <source>No one is waiting for a callback</source>
        <translation>Niemand wartet auf einen Rückruf</translation>
    </message>
    <message>
        <source>When a caller asks to be called back, or a transfer to your staff fails, the request appears here: most urgent and oldest first, ready to dial.</source>
        <translation>Wenn ein Anrufer um Rückruf bittet oder eine Weiterleitung an Ihr Team fehlschlägt, erscheint die Anfrage hier: die dringendste und älteste zuerst, bereit zum Wählen.</translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>Keine Fehler</translation>
    </message>
    <message>
        <source>Failed function calls, broken transfers and provider errors are grouped here by cause, with how often they happened and on which calls.</source>
        <translation>Fehlgeschlagene Funktionsaufrufe, abgebrochene Weiterleitungen und Anbieterfehler werden hier nach Ursache gruppiert, mit ihrer Häufigkeit und den betroffenen Anrufen.</translation>
    </message>
    <message>
        <source>No data to chart yet</source>
        <translation>Noch keine Daten für Diagramme</translation>
    </message>
    <message>
        <source>Calls and outcomes per day, success rate, function latency and callback resolution times are charted here once calls arrive.</source>
        <translation>Anrufe und Ergebnisse pro Tag, Erfolgsquote, Funktionslatenz und Bearbeitungszeiten von Rückrufen werden hier dargestellt, sobald Anrufe eintreffen.</translation>
    </message>
    <message>
        <source>Receiving webhooks on %1</source>
        <translation>Empfängt Webhooks auf %1</translation>
    </message>
    <message>
        <source>Not receiving webhooks: %1</source>
        <translation>Empfängt keine Webhooks: %1</translation>
    </message>
    <message>
        <source>Not receiving webhooks</source>
        <translation>Empfängt keine Webhooks</translation>
    </message>
    <message>
        <source>Database: %1 · Secrets: %2</source>
        <translation>Datenbank: %1 · Geheimnisse: %2</translation>
    </message>
    <message>
        <source>Cannot read the database: %1</source>
        <translation>Die Datenbank lässt sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>CallScope::ReceiptsModel</name>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Accepted without a signature check: the tenant marked this provider unsigned.</source>
        <translation>Ohne Signaturprüfung angenommen: Der Mandant hat diesen Anbieter als unsigniert markiert.</translation>
    </message>
    <message>
        <source>Verified and stored, but it could not be attributed to a call or agent.</source>
        <translation>Verifiziert und gespeichert, aber keinem Anruf und keinem Agenten zuzuordnen.</translation>
    </message>
    <message>
        <source>Event key: %1</source>
        <translation>Ereignisschlüssel: %1</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Call time</source>
        <translation>Anrufzeit</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Ereignistyp</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>CallScope::ReceiptsView</name>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>No webhook or backend event has arrived for this call.</source>
        <translation>Für diesen Anruf ist noch kein Webhook und kein Backend-Ereignis eingegangen.</translation>
    </message>
    <message>
        <source>%1 · %2 · received %3 · %4</source>
        <translation>%1 · %2 · empfangen %3 · %4</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>JSON, %1</source>
        <translation>JSON, %1</translation>
    </message>
    <message>
        <source>form-encoded, %1</source>
        <translation>Formular, %1</translation>
    </message>
    <message>
        <source>text, %1</source>
        <translation>Text, %1</translation>
    </message>
</context>
<context>
    <name>CallScope::TimelineInspector</name>
    <message>
        <source>Select a function call, a turn or a marker on the timeline to see it in full here.

Up and Down walk through the call; Ctrl+wheel zooms.</source>
        <translation>Wählen Sie einen Funktionsaufruf, einen Redebeitrag oder eine Markierung auf der Zeitleiste, um sie hier vollständig zu sehen.

Auf und Ab gehen durch den Anruf; Strg+Mausrad zoomt.</translation>
    </message>
    <message>
        <source>Unnamed function</source>
        <translation>Unbenannte Funktion</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>still running</source>
        <translation>läuft noch</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>During</source>
        <translation>Während</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>before the first turn</source>
        <translation>vor dem ersten Redebeitrag</translation>
    </message>
    <message>
        <source>Tool call id</source>
        <translation>Tool-Call-ID</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Error (timed out)</source>
        <translation>Fehler (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 to %2 (%3)</source>
        <translation>%1 bis %2 (%3)</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Was gesagt wurde</translation>
    </message>
    <message>
        <source>unnamed function</source>
        <translation>unbenannte Funktion</translation>
    </message>
    <message>
        <source>No function ran during this turn.</source>
        <translation>Während dieses Redebeitrags lief keine Funktion.</translation>
    </message>
    <message>
        <source>Functions that ran during this turn (%1):</source>
        <translation>Funktionen, die während dieses Redebeitrags liefen (%1):</translation>
    </message>
    <message>
        <source>Error %1</source>
        <translation>Fehler %1</translation>
    </message>
    <message>
        <source>◆ error at %1</source>
        <translation>◆ Fehler bei %1</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Call status: %1</source>
        <translation>Anrufstatus: %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Flow transition</source>
        <translation>Ablaufwechsel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>CallScope::TimelinePainter</name>
    <message>
        <source>(no text)</source>
        <translation>(kein Text)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message>
        <source>Function calls</source>
        <translation>Funktionsaufrufe</translation>
    </message>
</context>
<context>
    <name>CallScope::WebhookSetupPanel</name>
    <message>
        <source>Webhook URLs to give each provider</source>
        <translation>Webhook-URLs für die Anbieter</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1 webhook URL</source>
        <translation>Die %1-Webhook-URL kopieren</translation>
    </message>
    <message>
        <source>Retell dashboard → your agent → Webhook URL. Retell signs with your API key: store it as retell.apiKey.</source>
        <translation>Retell-Dashboard → Ihr Agent → Webhook URL. Retell signiert mit Ihrem API-Schlüssel: hinterlegen Sie ihn als retell.apiKey.</translation>
    </message>
    <message>
        <source>Vapi dashboard → your assistant → Advanced → Server URL, with a Server URL secret stored as vapi.secret.</source>
        <translation>Vapi-Dashboard → Ihr Assistent → Advanced → Server URL, mit einem Server-URL-Geheimnis, hinterlegt als vapi.secret.</translation>
    </message>
    <message>
        <source>Create an Ultravox webhook (Webhooks API) with this URL; store its secret as ultravox.webhookSecret.</source>
        <translation>Legen Sie mit dieser URL einen Ultravox-Webhook an (Webhooks-API); hinterlegen Sie sein Geheimnis als ultravox.webhookSecret.</translation>
    </message>
    <message>
        <source>LiveKit Cloud → Settings → Webhooks → add this URL; store the signing key pair as livekit.apiKey and livekit.apiSecret.</source>
        <translation>LiveKit Cloud → Settings → Webhooks → diese URL hinzufügen; hinterlegen Sie das Schlüsselpaar als livekit.apiKey und livekit.apiSecret.</translation>
    </message>
    <message>
        <source>Twilio console → your number → Voice → Call status changes; store your Auth Token as twilio.authToken.</source>
        <translation>Twilio-Konsole → Ihre Nummer → Voice → Call status changes; hinterlegen Sie Ihr Auth Token als twilio.authToken.</translation>
    </message>
    <message>
        <source>✓ Secret stored</source>
        <translation>✓ Geheimnis hinterlegt</translation>
    </message>
    <message>
        <source>⚠ No secret yet</source>
        <translation>⚠ Noch kein Geheimnis</translation>
    </message>
    <message>
        <source>Webhooks from %1 are verified and stored.</source>
        <translation>Webhooks von %1 werden geprüft und gespeichert.</translation>
    </message>
    <message>
        <source>Webhooks from %1 are refused (401) until its signing secret is stored.</source>
        <translation>Webhooks von %1 werden abgewiesen (401), bis das Signaturgeheimnis hinterlegt ist.</translation>
    </message>
    <message>
        <source>Store a provider&apos;s signing secret with: %1</source>
        <translation>Ein Signaturgeheimnis hinterlegen Sie mit: %1</translation>
    </message>
    <message>
        <source>Your own backend reports tool calls, transcript turns and callback requests to %1 with an ingest token from %2.</source>
        <translation>Ihr eigenes Backend meldet Tool-Aufrufe, Gesprächsbeiträge und Rückrufwünsche an %1, mit einem Ingest-Token aus %2.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>CallScope cannot start</source>
        <translation>CallScope kann nicht starten</translation>
    </message>
</context>
</TS>
