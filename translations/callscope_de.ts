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
    <name>CallScope::CallbackDetailPane</name>
    <message>
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <source>Why the last hand-off failed</source>
        <translation>Warum die letzte Übergabe fehlschlug</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Calls it came from</source>
        <translation>Zugehörige Anrufe</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Name not given</source>
        <translation>Kein Name angegeben</translation>
    </message>
    <message>
        <source>waiting %1</source>
        <translation>wartet seit %1</translation>
    </message>
    <message>
        <source>1 hand-off attempt</source>
        <translation>1 Übergabeversuch</translation>
    </message>
    <message numerus="yes">
        <source>%n hand-off attempts</source>
        <translation>
            <numerusform>%n Übergabeversuch</numerusform>
            <numerusform>%n Übergabeversuche</numerusform>
        </translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation>nächster Versuch %1</translation>
    </message>
    <message>
        <source>No concern was given.</source>
        <translation>Kein Anliegen angegeben.</translation>
    </message>
    <message>
        <source>Why it was cancelled</source>
        <translation>Grund für den Abbruch</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>The agent collected no further details.</source>
        <translation>Der Agent hat keine weiteren Details erfasst.</translation>
    </message>
    <message>
        <source>Open the call of %1</source>
        <translation>Anruf öffnen: %1</translation>
    </message>
    <message>
        <source>The request did not come from a recorded call.</source>
        <translation>Die Anfrage stammt aus keinem aufgezeichneten Anruf.</translation>
    </message>
</context>
<context>
    <name>CallScope::CallbackPresentation</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Handing over…</source>
        <translation>Wird übergeben…</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Hand-off failed</source>
        <translation>Übergabe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Hand-off given up</source>
        <translation>Übergabe aufgegeben</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Waiting to be called back; not handed to your front-desk system yet.</source>
        <translation>Wartet auf den Rückruf; noch nicht an Ihr Empfangssystem übergeben.</translation>
    </message>
    <message>
        <source>Being handed to your front-desk system right now.</source>
        <translation>Wird gerade an Ihr Empfangssystem übergeben.</translation>
    </message>
    <message>
        <source>Handed to your front-desk system. Mark it done once the customer has been called back.</source>
        <translation>An Ihr Empfangssystem übergeben. Markieren Sie die Anfrage als erledigt, sobald der Kunde zurückgerufen wurde.</translation>
    </message>
    <message>
        <source>Handing it to your front-desk system failed; it is tried again automatically. Call the customer yourself or retry now.</source>
        <translation>Die Übergabe an Ihr Empfangssystem ist fehlgeschlagen und wird automatisch wiederholt. Rufen Sie den Kunden selbst an oder versuchen Sie es jetzt erneut.</translation>
    </message>
    <message>
        <source>Handing it to your front-desk system failed too often and is no longer tried. Call the customer yourself, or retry once the system works again.</source>
        <translation>Die Übergabe an Ihr Empfangssystem ist zu oft fehlgeschlagen und wird nicht mehr versucht. Rufen Sie den Kunden selbst an oder versuchen Sie es erneut, sobald das System wieder funktioniert.</translation>
    </message>
    <message>
        <source>Cancelled by staff: no callback is needed.</source>
        <translation>Vom Team abgebrochen: Kein Rückruf nötig.</translation>
    </message>
    <message>
        <source>Done: the customer has been called back.</source>
        <translation>Erledigt: Der Kunde wurde zurückgerufen.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 Tg. %2 Std.</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 Tg.</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <source>Hand-off</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Voice agent</source>
        <translation>Sprachagent</translation>
    </message>
    <message>
        <source>Failed transfer</source>
        <translation>Fehlgeschlagene Weiterleitung</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Asked again</source>
        <translation>Erneut angefragt</translation>
    </message>
    <message>
        <source>Asked again (%1)</source>
        <translation>Erneut angefragt (%1)</translation>
    </message>
    <message>
        <source>Request received</source>
        <translation>Anfrage eingegangen</translation>
    </message>
    <message>
        <source>Request received (%1)</source>
        <translation>Anfrage eingegangen (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Erneuter Versuch angestoßen</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>Marked done</source>
        <translation>Als erledigt markiert</translation>
    </message>
    <message>
        <source>Marked done: %1</source>
        <translation>Als erledigt markiert: %1</translation>
    </message>
    <message>
        <source>Dialled</source>
        <translation>Angerufen</translation>
    </message>
    <message>
        <source>Dialled %1</source>
        <translation>Angerufen: %1</translation>
    </message>
    <message>
        <source>Hand-off interrupted (%1 stopped); it is tried again</source>
        <translation>Übergabe unterbrochen (%1 wurde beendet); sie wird erneut versucht</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Hand-off attempt %1: handed over</source>
        <translation>Übergabeversuch %1: übergeben</translation>
    </message>
    <message>
        <source>Hand-off attempt %1: handed over (%2)</source>
        <translation>Übergabeversuch %1: übergeben (%2)</translation>
    </message>
    <message>
        <source>Hand-off attempt %1 failed</source>
        <translation>Übergabeversuch %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>Hand-off attempt %1 failed (%2)</source>
        <translation>Übergabeversuch %1 fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>Hand-off attempt %1 interrupted</source>
        <translation>Übergabeversuch %1 unterbrochen</translation>
    </message>
    <message>
        <source>Hand-off attempt %1 in progress…</source>
        <translation>Übergabeversuch %1 läuft…</translation>
    </message>
</context>
<context>
    <name>CallScope::CallbackQueueModel</name>
    <message>
        <source>no name given</source>
        <translation>kein Name angegeben</translation>
    </message>
    <message>
        <source>Asked at %1</source>
        <translation>Angefragt am %1</translation>
    </message>
    <message>
        <source>How long ago the customer asked to be called back</source>
        <translation>Wie lange der Kunde schon auf den Rückruf wartet</translation>
    </message>
    <message>
        <source>How often the request was handed to your front-desk system</source>
        <translation>Wie oft die Anfrage an Ihr Empfangssystem übergeben wurde</translation>
    </message>
    <message>
        <source>When a failed hand-off is tried again</source>
        <translation>Wann eine fehlgeschlagene Übergabe erneut versucht wird</translation>
    </message>
    <message>
        <source>When the call the request came from started</source>
        <translation>Wann der Anruf begann, aus dem die Anfrage stammt</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Dringlichkeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Concern</source>
        <translation>Anliegen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet seit</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>From call</source>
        <translation>Anruf</translation>
    </message>
</context>
<context>
    <name>CallScope::CallbackQueueView</name>
    <message>
        <source>it was changed in the meantime (%1); the list shows it as it is now</source>
        <translation>sie wurde inzwischen geändert (%1); die Liste zeigt den aktuellen Stand</translation>
    </message>
    <message>
        <source>it no longer exists</source>
        <translation>sie existiert nicht mehr</translation>
    </message>
    <message>
        <source>the database cannot take changes right now (%1)</source>
        <translation>die Datenbank nimmt gerade keine Änderungen an (%1)</translation>
    </message>
    <message>
        <source>Cannot read the callback queue: %1</source>
        <translation>Die Rückrufliste kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot dial %1: the dial template “%2” does not make a link of this number (it needs {number}, e.g. tel:{number}).</source>
        <translation>%1 kann nicht gewählt werden: Die Wählvorlage „%2“ ergibt mit dieser Nummer keinen Link (sie braucht {number}, z. B. tel:{number}).</translation>
    </message>
    <message>
        <source>%1 was not dialled: no program on this computer takes %2: links. Install a softphone, or change the dial template.</source>
        <translation>%1 wurde nicht gewählt: Kein Programm auf diesem Computer öffnet %2:-Links. Installieren Sie ein Softphone oder ändern Sie die Wählvorlage.</translation>
    </message>
    <message>
        <source>%1 was dialled, but the call could not be noted in the request&apos;s history: %2</source>
        <translation>%1 wurde angerufen, aber der Anruf konnte nicht im Verlauf der Anfrage vermerkt werden: %2</translation>
    </message>
    <message>
        <source>Dialling %1…</source>
        <translation>%1 wird angerufen…</translation>
    </message>
    <message>
        <source>Could not retry the hand-off for %1: %2</source>
        <translation>Die Übergabe für %1 konnte nicht erneut versucht werden: %2</translation>
    </message>
    <message>
        <source>The hand-off for %1 is tried again now.</source>
        <translation>Die Übergabe für %1 wird jetzt erneut versucht.</translation>
    </message>
    <message>
        <source>Could not cancel the callback for %1: %2</source>
        <translation>Der Rückruf für %1 konnte nicht abgebrochen werden: %2</translation>
    </message>
    <message>
        <source>Cancelled the callback for %1.</source>
        <translation>Rückruf für %1 abgebrochen.</translation>
    </message>
    <message>
        <source>Could not mark the callback for %1 as done: %2</source>
        <translation>Der Rückruf für %1 konnte nicht als erledigt markiert werden: %2</translation>
    </message>
    <message>
        <source>Marked the callback for %1 as done.</source>
        <translation>Rückruf für %1 als erledigt markiert.</translation>
    </message>
    <message>
        <source>Cannot read the history of the request: %1</source>
        <translation>Der Verlauf der Anfrage kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>1 request could not be handed to your front-desk system and is no longer retried. Call the customer yourself, or retry once the system works.</source>
        <translation>1 Anfrage konnte nicht an Ihr Empfangssystem übergeben werden und wird nicht mehr erneut versucht. Rufen Sie den Kunden selbst an oder versuchen Sie es erneut, sobald das System funktioniert.</translation>
    </message>
    <message numerus="yes">
        <source>%n requests could not be handed to your front-desk system and are no longer retried. Call the customers yourself, or retry once the system works.</source>
        <translation>
            <numerusform>%n Anfrage konnte nicht an Ihr Empfangssystem übergeben werden und wird nicht mehr erneut versucht. Rufen Sie den Kunden selbst an oder versuchen Sie es erneut, sobald das System funktioniert.</numerusform>
            <numerusform>%n Anfragen konnten nicht an Ihr Empfangssystem übergeben werden und werden nicht mehr erneut versucht. Rufen Sie die Kunden selbst an oder versuchen Sie es erneut, sobald das System funktioniert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
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
        <source>No requests match these filters</source>
        <translation>Keine Anfragen passen zu diesen Filtern</translation>
    </message>
    <message>
        <source>Choose “All requests” and “Any urgency” to see every request, including the cancelled and completed ones.</source>
        <translation>Wählen Sie „Alle Anfragen“ und „Jede Dringlichkeit“, um jede Anfrage zu sehen, auch die abgebrochenen und erledigten.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>due now</source>
        <translation>jetzt fällig</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Anrufen</translation>
    </message>
    <message>
        <source>Call the customer with your softphone</source>
        <translation>Den Kunden mit Ihrem Softphone anrufen</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Hand a failed request to your front-desk system again now</source>
        <translation>Eine fehlgeschlagene Anfrage jetzt erneut an Ihr Empfangssystem übergeben</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Abbrechen…</translation>
    </message>
    <message>
        <source>Cancel the request, with a reason: no callback is needed</source>
        <translation>Die Anfrage mit Begründung abbrechen: Kein Rückruf nötig</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>Erledigt…</translation>
    </message>
    <message>
        <source>Mark the request as done, with how it went</source>
        <translation>Die Anfrage als erledigt markieren, mit dem Ergebnis</translation>
    </message>
    <message>
        <source>Open call</source>
        <translation>Anruf öffnen</translation>
    </message>
    <message>
        <source>Show the call the request came from (Enter or double-click)</source>
        <translation>Den Anruf zeigen, aus dem die Anfrage stammt (Eingabetaste oder Doppelklick)</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Offene Anfragen</translation>
    </message>
    <message>
        <source>Closed requests</source>
        <translation>Geschlossene Anfragen</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>Any urgency</source>
        <translation>Jede Dringlichkeit</translation>
    </message>
    <message>
        <source>Which requests to list</source>
        <translation>Welche Anfragen angezeigt werden</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Only requests of this urgency</source>
        <translation>Nur Anfragen dieser Dringlichkeit</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Dringlichkeit</translation>
    </message>
</context>
<context>
    <name>CallScope::CallbackTextDialog</name>
    <message>
        <source>Cancel callback</source>
        <translation>Rückruf abbrechen</translation>
    </message>
    <message>
        <source>Mark callback as done</source>
        <translation>Rückruf als erledigt markieren</translation>
    </message>
    <message>
        <source>Cancel the callback for %1?</source>
        <translation>Den Rückruf für %1 abbrechen?</translation>
    </message>
    <message>
        <source>Mark the callback for %1 as done</source>
        <translation>Den Rückruf für %1 als erledigt markieren</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Ergebnis:</translation>
    </message>
    <message>
        <source>e.g. the customer called again and was helped</source>
        <translation>z. B. Kunde rief selbst wieder an, Anliegen geklärt</translation>
    </message>
    <message>
        <source>e.g. appointment booked for Friday 9:30</source>
        <translation>z. B. Termin für Freitag 9:30 vereinbart</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Required: say why no callback is needed.</source>
        <translation>Pflichtfeld: Warum ist kein Rückruf nötig?</translation>
    </message>
    <message>
        <source>Required: say how the callback went.</source>
        <translation>Pflichtfeld: Wie ist der Rückruf ausgegangen?</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters (now %2).</source>
        <translation>Zu lang: höchstens %1 Zeichen (jetzt %2).</translation>
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
    <name>CallScope::ErrorDetailPane</name>
    <message>
        <source>Recent events</source>
        <translation>Letzte Ereignisse</translation>
    </message>
    <message>
        <source>Click a number to see the error on the call&apos;s timeline.</source>
        <translation>Klicken Sie auf eine Nummer, um den Fehler im Verlauf des Anrufs zu sehen.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>No message was reported.</source>
        <translation>Es wurde keine Meldung übermittelt.</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Comes back</source>
        <translation>Kommt zurück</translation>
    </message>
    <message>
        <source>%1 (any version)</source>
        <translation>%1 (jede Version)</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Gruppiert nach</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <source>Events with the same source, code, function (any version) and message (numbers, ids and phone numbers aside) are grouped.</source>
        <translation>Ereignisse mit gleicher Quelle, gleichem Code, gleicher Funktion (jede Version) und gleicher Meldung (abgesehen von Zahlen, IDs und Telefonnummern) werden zusammengefasst.</translation>
    </message>
    <message>
        <source>the %1 most recent of %2</source>
        <translation>die %1 neuesten von %2</translation>
    </message>
    <message>
        <source>call at %1</source>
        <translation>Anruf bei %1</translation>
    </message>
    <message>
        <source>open the call</source>
        <translation>Anruf öffnen</translation>
    </message>
    <message>
        <source>no call</source>
        <translation>kein Anruf</translation>
    </message>
    <message>
        <source>▾ Hide the stack trace</source>
        <translation>▾ Stacktrace ausblenden</translation>
    </message>
    <message>
        <source>▸ Show the stack trace</source>
        <translation>▸ Stacktrace anzeigen</translation>
    </message>
    <message>
        <source>No events are kept for it.</source>
        <translation>Dazu sind keine Ereignisse gespeichert.</translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation>unbekannte Nummer</translation>
    </message>
    <message>
        <source>It did not happen on a recorded call (e.g. a delivery that could not be attributed).</source>
        <translation>Er trat bei keinem aufgezeichneten Anruf auf (z. B. eine Zustellung, die nicht zugeordnet werden konnte).</translation>
    </message>
    <message>
        <source>Calls it happened on</source>
        <translation>Betroffene Anrufe</translation>
    </message>
    <message>
        <source>The %1 latest calls it happened on</source>
        <translation>Die %1 neuesten betroffenen Anrufe</translation>
    </message>
</context>
<context>
    <name>CallScope::ErrorGroupModel</name>
    <message>
        <source>1 event in the chart&apos;s hours</source>
        <translation>1 Ereignis in den Stunden der Grafik</translation>
    </message>
    <message numerus="yes">
        <source>%n events in the chart&apos;s hours</source>
        <translation>
            <numerusform>%n Ereignis in den Stunden der Grafik</numerusform>
            <numerusform>%n Ereignisse in den Stunden der Grafik</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the selected time range, %2 in all</source>
        <translation>%1 im gewählten Zeitraum, %2 insgesamt</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 seit %2</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>How often it happened</source>
        <translation>Wie oft er auftrat</translation>
    </message>
    <message>
        <source>How often it happened in the selected time range</source>
        <translation>Wie oft er im gewählten Zeitraum auftrat</translation>
    </message>
    <message>
        <source>On how many calls it happened</source>
        <translation>Bei wie vielen Anrufen er auftrat</translation>
    </message>
    <message>
        <source>Events per hour over the last 24 hours</source>
        <translation>Ereignisse pro Stunde in den letzten 24 Stunden</translation>
    </message>
    <message>
        <source>Events per hour over the selected time range</source>
        <translation>Ereignisse pro Stunde im gewählten Zeitraum</translation>
    </message>
    <message>
        <source>When it happened for the first time</source>
        <translation>Wann er zum ersten Mal auftrat</translation>
    </message>
    <message>
        <source>When it happened last</source>
        <translation>Wann er zuletzt auftrat</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Pro Stunde</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt</translation>
    </message>
</context>
<context>
    <name>CallScope::ErrorPresentation</name>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Ungelöst</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <source>↺ Regression</source>
        <translation>↺ Wieder aufgetreten</translation>
    </message>
    <message>
        <source>Marked as fixed. If it happens again, it is reopened as a regression.</source>
        <translation>Als behoben markiert. Tritt er wieder auf, wird er als „wieder aufgetreten“ erneut geöffnet.</translation>
    </message>
    <message>
        <source>It was marked as fixed and happened again.</source>
        <translation>Er war als behoben markiert und ist wieder aufgetreten.</translation>
    </message>
    <message>
        <source>Happening and not dealt with yet.</source>
        <translation>Tritt auf und wurde noch nicht bearbeitet.</translation>
    </message>
    <message>
        <source>Function call</source>
        <translation>Funktionsaufruf</translation>
    </message>
    <message>
        <source>Voice platform</source>
        <translation>Sprachplattform</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>Your backend</source>
        <translation>Ihr Backend</translation>
    </message>
    <message>
        <source>Unattributed delivery</source>
        <translation>Nicht zugeordnete Zustellung</translation>
    </message>
    <message>
        <source>Call that never ended</source>
        <translation>Nie beendeter Anruf</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n Min.</numerusform>
            <numerusform>vor %n Min.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n Std.</numerusform>
            <numerusform>vor %n Std.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved by %1 %2</source>
        <translation>Behoben von %1 %2</translation>
    </message>
    <message>
        <source>Ignored by %1 %2</source>
        <translation>Ignoriert von %1 %2</translation>
    </message>
    <message>
        <source>Reopened by %1 %2</source>
        <translation>Wieder geöffnet von %1 %2</translation>
    </message>
    <message>
        <source>until it happens once more</source>
        <translation>bis er noch einmal auftritt</translation>
    </message>
    <message numerus="yes">
        <source>until it happens %n more times</source>
        <translation>
            <numerusform>bis er noch %n Mal auftritt</numerusform>
            <numerusform>bis er noch %n Mal auftritt</numerusform>
        </translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>forever</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>Ignored until someone reopens it: new events are only counted.</source>
        <translation>Ignoriert, bis ihn jemand wieder öffnet: Neue Ereignisse werden nur gezählt.</translation>
    </message>
    <message>
        <source>Ignored %1: until then new events are only counted.</source>
        <translation>Ignoriert %1: Bis dahin werden neue Ereignisse nur gezählt.</translation>
    </message>
    <message>
        <source>Resolved by %1 %2, then it happened again</source>
        <translation>Behoben von %1 %2, danach wieder aufgetreten</translation>
    </message>
</context>
<context>
    <name>CallScope::ErrorsView</name>
    <message>
        <source>it was changed in the meantime (%1); the list shows it as it is now</source>
        <translation>er wurde inzwischen geändert (%1); die Liste zeigt den aktuellen Stand</translation>
    </message>
    <message>
        <source>it no longer exists</source>
        <translation>er existiert nicht mehr</translation>
    </message>
    <message>
        <source>the database cannot take changes right now (%1)</source>
        <translation>die Datenbank nimmt gerade keine Änderungen an (%1)</translation>
    </message>
    <message>
        <source>Cannot read the errors: %1</source>
        <translation>Die Fehler können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not resolve “%1”: %2</source>
        <translation>„%1“ konnte nicht als behoben markiert werden: %2</translation>
    </message>
    <message>
        <source>Resolved “%1”. If it happens again, it comes back as a regression.</source>
        <translation>„%1“ ist als behoben markiert. Tritt er wieder auf, kommt er als „wieder aufgetreten“ zurück.</translation>
    </message>
    <message>
        <source>Could not ignore “%1”: %2</source>
        <translation>„%1“ konnte nicht ignoriert werden: %2</translation>
    </message>
    <message>
        <source>Ignored “%1”.</source>
        <translation>„%1“ wird ignoriert.</translation>
    </message>
    <message>
        <source>Could not reopen “%1”: %2</source>
        <translation>„%1“ konnte nicht wieder geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Reopened “%1”.</source>
        <translation>„%1“ ist wieder geöffnet.</translation>
    </message>
    <message>
        <source>Cannot read the events of the error: %1</source>
        <translation>Die Ereignisse des Fehlers können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Any provider</source>
        <translation>Jeder Anbieter</translation>
    </message>
    <message>
        <source>Any function</source>
        <translation>Jede Funktion</translation>
    </message>
    <message>
        <source>1 error group</source>
        <translation>1 Fehlergruppe</translation>
    </message>
    <message numerus="yes">
        <source>%n error groups</source>
        <translation>
            <numerusform>%n Fehlergruppe</numerusform>
            <numerusform>%n Fehlergruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>No errors</source>
        <translation>Keine Fehler</translation>
    </message>
    <message>
        <source>Every function call, transfer and provider webhook so far worked. When one fails, it appears here, grouped by cause, with how often it happened and on which calls.</source>
        <translation>Bisher haben alle Funktionsaufrufe, Weiterleitungen und Webhooks der Anbieter funktioniert. Schlägt etwas fehl, erscheint es hier – nach Ursache gruppiert, mit Häufigkeit und den betroffenen Anrufen.</translation>
    </message>
    <message>
        <source>No unresolved errors</source>
        <translation>Keine ungelösten Fehler</translation>
    </message>
    <message>
        <source>Everything that failed has been resolved or ignored. A resolved error that happens again comes back here as a regression. Choose “Any status” to see them all.</source>
        <translation>Alles, was fehlgeschlagen ist, wurde behoben oder ignoriert. Ein behobener Fehler, der wieder auftritt, erscheint hier erneut. Wählen Sie „Jeder Status“, um alle zu sehen.</translation>
    </message>
    <message>
        <source>No errors match these filters</source>
        <translation>Keine Fehler passen zu diesen Filtern</translation>
    </message>
    <message>
        <source>Choose “Any status”, “Any severity”, “Any provider”, “Any function” and “All time” to see every error group.</source>
        <translation>Wählen Sie „Jeder Status“, „Jeder Schweregrad“, „Jeder Anbieter“, „Jede Funktion“ und „Gesamter Zeitraum“, um alle Fehlergruppen zu sehen.</translation>
    </message>
    <message>
        <source>Yesterday %1</source>
        <translation>Gestern %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Als behoben markieren</translation>
    </message>
    <message>
        <source>Mark the error as fixed: if it happens again, it comes back as a regression</source>
        <translation>Den Fehler als behoben markieren: Tritt er wieder auf, kommt er als „wieder aufgetreten“ zurück</translation>
    </message>
    <message>
        <source>Ignore…</source>
        <translation>Ignorieren…</translation>
    </message>
    <message>
        <source>Stop listing the error as unresolved: forever, for a number of events or until a time</source>
        <translation>Den Fehler nicht mehr als ungelöst führen: dauerhaft, für eine Anzahl Ereignisse oder bis zu einem Zeitpunkt</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>List the error as unresolved again (acknowledges a regression)</source>
        <translation>Den Fehler wieder als ungelöst führen (bestätigt ein Wiederauftreten)</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Jeder Schweregrad</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
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
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Most recent first</source>
        <translation>Neueste zuerst</translation>
    </message>
    <message>
        <source>Most frequent first</source>
        <translation>Häufigste zuerst</translation>
    </message>
    <message>
        <source>Which errors to list by their status</source>
        <translation>Welche Fehler nach ihrem Status aufgeführt werden</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Only errors of this severity</source>
        <translation>Nur Fehler dieses Schweregrads</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Only errors on calls of this provider</source>
        <translation>Nur Fehler bei Anrufen dieses Anbieters</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Only errors of this function (any version)</source>
        <translation>Nur Fehler dieser Funktion (jede Version)</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Only errors that happened in this time; the events are counted in it</source>
        <translation>Nur Fehler, die in diesem Zeitraum auftraten; die Ereignisse werden darin gezählt</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>List the errors seen most recently, or those that happened most often, first</source>
        <translation>Die zuletzt oder die am häufigsten aufgetretenen Fehler zuerst aufführen</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
</context>
<context>
    <name>CallScope::IgnoreErrorDialog</name>
    <message>
        <source>Ignore error</source>
        <translation>Fehler ignorieren</translation>
    </message>
    <message>
        <source>Ignore “%1”?</source>
        <translation>„%1“ ignorieren?</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt %1</translation>
    </message>
    <message>
        <source>An ignored error is still counted, but it is not listed as unresolved and raises no alerts.</source>
        <translation>Ein ignorierter Fehler wird weiter gezählt, aber nicht als ungelöst geführt und löst keine Hinweise aus.</translation>
    </message>
    <message>
        <source>&amp;Forever, until someone reopens it</source>
        <translation>&amp;Dauerhaft, bis ihn jemand wieder öffnet</translation>
    </message>
    <message>
        <source>Until it &amp;happens</source>
        <translation>Bis er &amp;noch</translation>
    </message>
    <message>
        <source>more times</source>
        <translation>Mal auftritt</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>Bis &amp;zum</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>How many more times</source>
        <translation>Wie oft noch</translation>
    </message>
    <message>
        <source>Ignore until</source>
        <translation>Ignorieren bis</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Say how many more times it may happen before it comes back.</source>
        <translation>Geben Sie an, wie oft er noch auftreten darf, bevor er zurückkommt.</translation>
    </message>
    <message>
        <source>“%1” is not a number of times: enter a whole number greater than 0.</source>
        <translation>„%1“ ist keine Anzahl: Geben Sie eine ganze Zahl größer als 0 ein.</translation>
    </message>
    <message>
        <source>At most %1 more times.</source>
        <translation>Höchstens %1 weitere Male.</translation>
    </message>
    <message>
        <source>Choose a time in the future.</source>
        <translation>Wählen Sie einen Zeitpunkt in der Zukunft.</translation>
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
    <message>
        <source>1 critical callback</source>
        <translation>1 kritischer Rückruf</translation>
    </message>
    <message numerus="yes">
        <source>%n critical callbacks</source>
        <translation>
            <numerusform>%n kritischer Rückruf</numerusform>
            <numerusform>%n kritische Rückrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>CallScope — %1</source>
        <translation>CallScope — %1</translation>
    </message>
    <message>
        <source>1 critical callback is waiting</source>
        <translation>1 kritischer Rückruf wartet</translation>
    </message>
    <message numerus="yes">
        <source>%n critical callbacks are waiting</source>
        <translation>
            <numerusform>%n kritischer Rückruf wartet</numerusform>
            <numerusform>%n kritische Rückrufe warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the callback queue</source>
        <translation>Rückrufliste anzeigen</translation>
    </message>
    <message>
        <source>Critical callback: %1</source>
        <translation>Kritischer Rückruf: %1</translation>
    </message>
    <message>
        <source>1 critical error</source>
        <translation>1 kritischer Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n critical errors</source>
        <translation>
            <numerusform>%n kritischer Fehler</numerusform>
            <numerusform>%n kritische Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>1 critical error is unresolved</source>
        <translation>1 kritischer Fehler ist ungelöst</translation>
    </message>
    <message numerus="yes">
        <source>%n critical errors are unresolved</source>
        <translation>
            <numerusform>%n kritischer Fehler ist ungelöst</numerusform>
            <numerusform>%n kritische Fehler sind ungelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the unresolved critical errors</source>
        <translation>Die ungelösten kritischen Fehler anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n new critical errors</source>
        <translation>
            <numerusform>%n neuer kritischer Fehler</numerusform>
            <numerusform>%n neue kritische Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Critical error is back: %1</source>
        <translation>Kritischer Fehler ist wieder aufgetreten: %1</translation>
    </message>
    <message>
        <source>Critical error: %1</source>
        <translation>Kritischer Fehler: %1</translation>
    </message>
</context>
<context>
    <name>CallScope::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
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
