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
    <name>CallScope::DeleteTenantDialog</name>
    <message>
        <source>Delete tenant</source>
        <translation>Mandant löschen</translation>
    </message>
    <message>
        <source>This cannot be undone. Its webhook addresses (/t/%1/…) stop working, and its secrets stay in the keychain until you remove them.</source>
        <translation>Das lässt sich nicht rückgängig machen. Seine Webhook-Adressen (/t/%1/…) funktionieren dann nicht mehr, und seine Geheimnisse bleiben im Schlüsselbund, bis Sie sie entfernen.</translation>
    </message>
    <message>
        <source>To confirm, type &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>The tenant&apos;s slug, to confirm</source>
        <translation>Kürzel des Mandanten zur Bestätigung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>1 Anruf</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Anrufe</translation>
    </message>
    <message>
        <source>1 callback request</source>
        <translation>1 Rückrufanfrage</translation>
    </message>
    <message>
        <source>%1 callback requests</source>
        <translation>%1 Rückrufanfragen</translation>
    </message>
    <message>
        <source>1 token</source>
        <translation>1 Token</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <source>Delete “%1”? It has no calls yet.</source>
        <translation>„%1“ löschen? Für diesen Mandanten gibt es noch keine Anrufe.</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>%1, %2 and %3</source>
        <translation>%1, %2 und %3</translation>
    </message>
    <message>
        <source>Delete “%1” and its %2?</source>
        <translation>„%1“ mit allen Daten löschen (%2)?</translation>
    </message>
</context>
<context>
    <name>CallScope::DemoLoader</name>
    <message>
        <source>Demo practice</source>
        <translation>Demo-Praxis</translation>
    </message>
    <message>
        <source>CallScope has not started yet.</source>
        <translation>CallScope ist noch nicht gestartet.</translation>
    </message>
    <message>
        <source>it has not been started</source>
        <translation>er wurde nicht gestartet</translation>
    </message>
    <message>
        <source>The listener is not running: %1</source>
        <translation>Der Webhook-Empfang läuft nicht: %1</translation>
    </message>
    <message>
        <source>Demo calls cannot be loaded while the listener uses TLS.</source>
        <translation>Demo-Anrufe können nicht geladen werden, solange der Webhook-Empfang TLS verwendet.</translation>
    </message>
    <message>
        <source>The tenant “%1” cannot be created: %2</source>
        <translation>Der Mandant „%1“ kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>CallScope is shutting down.</source>
        <translation>CallScope wird beendet.</translation>
    </message>
    <message>
        <source>No ingest token can be created for “%1”: %2</source>
        <translation>Für „%1“ kann kein Sende-Token erstellt werden: %2</translation>
    </message>
    <message>
        <source>The listener stopped.</source>
        <translation>Der Webhook-Empfang wurde beendet.</translation>
    </message>
    <message>
        <source>The demo could not reach the listener: %1</source>
        <translation>Die Demo konnte den Webhook-Empfang nicht erreichen: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 deliveries were loaded.</source>
        <translation>Abgebrochen: %1 von %2 Zustellungen wurden geladen.</translation>
    </message>
    <message>
        <source>The listener stopped answering after %1 of %2 deliveries: %3</source>
        <translation>Der Webhook-Empfang hat nach %1 von %2 Zustellungen nicht mehr geantwortet: %3</translation>
    </message>
    <message>
        <source>%1 of %2 deliveries were refused: %3</source>
        <translation>%1 von %2 Zustellungen wurden abgewiesen: %3</translation>
    </message>
    <message>
        <source>1 demo call loaded</source>
        <translation>1 Demo-Anruf geladen</translation>
    </message>
    <message numerus="yes">
        <source>%n demo calls loaded</source>
        <translation>
            <numerusform>%n Demo-Anruf geladen</numerusform>
            <numerusform>%n Demo-Anrufe geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 into “%2”: %3 deliveries, each signed, verified and stored.</source>
        <translation>%1 in „%2“: %3 Zustellungen, jede signiert, geprüft und gespeichert.</translation>
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
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Manage tenants…</source>
        <translation>Mandanten verwalten…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1 of %2 deliveries received</source>
        <translation>%1 von %2 Zustellungen empfangen</translation>
    </message>
    <message>
        <source>The demo calls did not all arrive: %1</source>
        <translation>Nicht alle Demo-Anrufe sind angekommen: %1</translation>
    </message>
    <message>
        <source>Some of the changed settings take effect when CallScope restarts.</source>
        <translation>Einige der geänderten Einstellungen werden erst nach einem Neustart von CallScope wirksam.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <source>About CallScope</source>
        <translation>Über CallScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;CallScope %1&lt;/h3&gt;&lt;p&gt;Records and explains the phone calls your voice-AI agents handle: every function call, transfer and webhook, and every caller who asked to be called back.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;CallScope %1&lt;/h3&gt;&lt;p&gt;Zeichnet die Telefonate Ihrer KI-Sprachagenten auf und macht sie nachvollziehbar: jeden Funktionsaufruf, jede Weiterleitung und jeden Webhook sowie jeden Anrufer, der um Rückruf gebeten hat.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder neuer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect a provider…</source>
        <translation>Anbieter verbinden…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Connect your voice agent.&lt;/b&gt; Give Retell, Vapi, Ultravox, LiveKit or Twilio CallScope&apos;s webhook URL and store its signing secret.</source>
        <translation>&lt;b&gt;Verbinden Sie Ihren Sprachagenten.&lt;/b&gt; Geben Sie Retell, Vapi, Ultravox, LiveKit oder Twilio die Webhook-URL von CallScope und hinterlegen Sie das Signaturgeheimnis des Anbieters.</translation>
    </message>
    <message>
        <source>Load demo calls</source>
        <translation>Demo-Anrufe laden</translation>
    </message>
    <message>
        <source>&lt;b&gt;See CallScope at work first.&lt;/b&gt; A day of 40 calls at practices and salons arrives as signed webhooks, in a separate “Demo practice” you can delete later.</source>
        <translation>&lt;b&gt;CallScope zuerst in Aktion sehen.&lt;/b&gt; Ein Tag mit 40 Anrufen in Praxen und Salons trifft als signierte Webhooks ein – in einer eigenen „Demo-Praxis“, die Sie später löschen können.</translation>
    </message>
    <message>
        <source>&amp;Practice</source>
        <translation>&amp;Praxis</translation>
    </message>
    <message>
        <source>Whose calls are shown: each practice or salon (tenant) has its own calls, webhook URLs, secrets and tokens</source>
        <translation>Wessen Anrufe angezeigt werden: Jede Praxis und jeder Salon (Mandant) hat eigene Anrufe, Webhook-URLs, Geheimnisse und Tokens</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Load &amp;demo calls</source>
        <translation>&amp;Demo-Anrufe laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Tenants and API tokens…</source>
        <translation>&amp;Mandanten und API-Tokens…</translation>
    </message>
    <message>
        <source>&amp;Configure CallScope…</source>
        <translation>CallScope &amp;konfigurieren…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CallScope</source>
        <translation>&amp;Über CallScope</translation>
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
    <name>CallScope::NewTokenDialog</name>
    <message>
        <source>New API token</source>
        <translation>Neues API-Token</translation>
    </message>
    <message>
        <source>New API token for “%1”</source>
        <translation>Neues API-Token für „%1“</translation>
    </message>
    <message>
        <source>&amp;Ingest: your backend sends its tool-call events, errors and callback requests</source>
        <translation>&amp;Senden: Ihr Backend sendet Ereignisse zu Funktionsaufrufen, Fehler und Rückrufanfragen</translation>
    </message>
    <message>
        <source>&amp;Read: dashboards and scripts read calls, callbacks and errors</source>
        <translation>&amp;Lesen: Dashboards und Skripte lesen Anrufe, Rückrufe und Fehler</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Booking backend</source>
        <translation>Buchungs-Backend</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy this token now. It will not be shown again.&lt;/b&gt;&lt;br&gt;CallScope keeps only a fingerprint of it. If it is lost, revoke it and create a new one.</source>
        <translation>&lt;b&gt;Kopieren Sie dieses Token jetzt. Es wird nicht noch einmal angezeigt.&lt;/b&gt;&lt;br&gt;CallScope speichert nur einen Fingerabdruck davon. Geht es verloren, widerrufen Sie es und erstellen Sie ein neues.</translation>
    </message>
    <message>
        <source>The new token</source>
        <translation>Das neue Token</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>The token was not created: %1</source>
        <translation>Das Token wurde nicht erstellt: %1</translation>
    </message>
    <message>
        <source>Your new read token</source>
        <translation>Ihr neues Lese-Token</translation>
    </message>
    <message>
        <source>Your new ingest token</source>
        <translation>Ihr neues Sende-Token</translation>
    </message>
    <message>
        <source>Your new read token “%1”</source>
        <translation>Ihr neues Lese-Token „%1“</translation>
    </message>
    <message>
        <source>Your new ingest token “%1”</source>
        <translation>Ihr neues Sende-Token „%1“</translation>
    </message>
    <message>
        <source>Send it with every request, e.g. to %1, as this header:&lt;br&gt;%2</source>
        <translation>Senden Sie es bei jeder Anfrage (z. B. an %1) als diesen Header mit:&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>Send it with every request to %1 as this header:&lt;br&gt;%2</source>
        <translation>Senden Sie es bei jeder Anfrage an %1 als diesen Header mit:&lt;br&gt;%2</translation>
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
    <name>CallScope::SecretField</name>
    <message>
        <source>Will be removed when you save</source>
        <translation>Wird beim Speichern entfernt</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht hinterlegt</translation>
    </message>
    <message>
        <source>•••••••• stored</source>
        <translation>•••••••• hinterlegt</translation>
    </message>
    <message>
        <source>Stored securely. It is never shown; replace it to change it.</source>
        <translation>Sicher hinterlegt und nie angezeigt. Zum Ändern ersetzen Sie den Wert.</translation>
    </message>
    <message>
        <source>⚠ Cannot be read: %1</source>
        <translation>⚠ Nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Replace…</source>
        <translation>Ersetzen…</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>Hinterlegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Keep the secret as it is stored</source>
        <translation>Das Geheimnis so lassen, wie es hinterlegt ist</translation>
    </message>
</context>
<context>
    <name>CallScope::SettingsDialog</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Retell API key</source>
        <translation>Retell-API-Schlüssel</translation>
    </message>
    <message>
        <source>Vapi server URL secret</source>
        <translation>Vapi-Server-URL-Geheimnis</translation>
    </message>
    <message>
        <source>Vapi HMAC secret</source>
        <translation>Vapi-HMAC-Geheimnis</translation>
    </message>
    <message>
        <source>Vapi HMAC plan</source>
        <translation>Vapi-HMAC-Plan</translation>
    </message>
    <message>
        <source>Ultravox webhook secret</source>
        <translation>Ultravox-Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>Ultravox API key</source>
        <translation>Ultravox-API-Schlüssel</translation>
    </message>
    <message>
        <source>LiveKit API key</source>
        <translation>LiveKit-API-Schlüssel</translation>
    </message>
    <message>
        <source>LiveKit API secret</source>
        <translation>LiveKit-API-Geheimnis</translation>
    </message>
    <message>
        <source>Twilio Auth Token</source>
        <translation>Twilio Auth Token</translation>
    </message>
    <message>
        <source>frontend API key</source>
        <translation>API-Schlüssel des Empfangssystems</translation>
    </message>
    <message>
        <source>database password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>The providers&apos; secrets, webhook URLs and the frontend API key are per tenant.</source>
        <translation>Die Geheimnisse der Anbieter, die Webhook-URLs und der API-Schlüssel des Empfangssystems gelten je Mandant.</translation>
    </message>
    <message>
        <source>secrets file</source>
        <translation>Dateispeicher für Geheimnisse</translation>
    </message>
    <message>
        <source>secret store of this session</source>
        <translation>Geheimnisspeicher dieser Sitzung</translation>
    </message>
    <message>
        <source>system keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>The delays between tries, e.g. 5m, 15m, 1h (s, m and h for seconds, minutes and hours).</source>
        <translation>Die Wartezeiten zwischen den Versuchen, z. B. 5m, 15m, 1h (s, m und h für Sekunden, Minuten und Stunden).</translation>
    </message>
    <message>
        <source>If a hand-off fails, CallScope tries once more, after %1. Then the request stays in the callback queue for staff.</source>
        <translation>Schlägt eine Übergabe fehl, versucht CallScope es nach %1 noch einmal. Danach bleibt die Anfrage für Ihr Team in der Rückrufliste.</translation>
    </message>
    <message numerus="yes">
        <source>If a hand-off fails, CallScope tries again %n times: after %1. Then the request stays in the callback queue for staff.</source>
        <translation>
            <numerusform>Schlägt eine Übergabe fehl, versucht CallScope es noch %n Mal: nach %1. Danach bleibt die Anfrage für Ihr Team in der Rückrufliste.</numerusform>
            <numerusform>Schlägt eine Übergabe fehl, versucht CallScope es noch %n Mal: nach %1. Danach bleibt die Anfrage für Ihr Team in der Rückrufliste.</numerusform>
        </translation>
    </message>
    <message>
        <source>no secret store</source>
        <translation>kein Geheimnisspeicher vorhanden</translation>
    </message>
    <message>
        <source>the secret store did not answer</source>
        <translation>der Geheimnisspeicher hat nicht geantwortet</translation>
    </message>
    <message>
        <source>Correct the marked fields first.</source>
        <translation>Korrigieren Sie zuerst die markierten Felder.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>✓ Connected: %1</source>
        <translation>✓ Verbunden: %1</translation>
    </message>
    <message>
        <source>Correct the marked fields to save (%1).</source>
        <translation>Korrigieren Sie zum Speichern die markierten Felder (%1).</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Setting up the new database…</source>
        <translation>Neue Datenbank wird eingerichtet…</translation>
    </message>
    <message>
        <source>Setting up the database…</source>
        <translation>Datenbank wird eingerichtet…</translation>
    </message>
    <message>
        <source>The new database cannot be used, so nothing was saved: %1</source>
        <translation>Die neue Datenbank ist nicht nutzbar, daher wurde nichts gespeichert: %1</translation>
    </message>
    <message>
        <source>The %1 could not store the %2: %3. The settings were not saved.</source>
        <translation>Der %1 konnte Folgendes nicht speichern: %2 (%3). Die Einstellungen wurden nicht gespeichert.</translation>
    </message>
    <message>
        <source>%1 of tenant %2</source>
        <translation>%1 des Mandanten %2</translation>
    </message>
    <message>
        <source>The settings could not be written to %1.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>✓ Saved. Some changes take effect when CallScope restarts.</source>
        <translation>✓ Gespeichert. Einige Änderungen werden erst nach einem Neustart von CallScope wirksam.</translation>
    </message>
    <message>
        <source>✓ Saved.</source>
        <translation>✓ Gespeichert.</translation>
    </message>
    <message>
        <source>ⓘ CallScope was started with %1 on its command line, which wins over this setting while it runs.</source>
        <translation>ⓘ CallScope wurde mit %1 in der Befehlszeile gestartet; das hat Vorrang vor dieser Einstellung, solange das Programm läuft.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the address to the clipboard</source>
        <translation>Die Adresse in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Listener</source>
        <translation>Webhook-Empfang</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Where CallScope receives the providers&apos; webhooks. 127.0.0.1 accepts only this computer (a tunnel or proxy then forwards the internet to it); 0.0.0.0 accepts every network this computer is on.</source>
        <translation>Wo CallScope die Webhooks der Anbieter empfängt. 127.0.0.1 nimmt nur Verbindungen von diesem Computer an (ein Tunnel oder Proxy leitet dann die Anfragen aus dem Internet weiter); 0.0.0.0 nimmt Verbindungen aus jedem Netzwerk an, in dem dieser Computer ist.</translation>
    </message>
    <message>
        <source>Listen on</source>
        <translation>Empfangen auf</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>CallScope is listening on %1 now; a new address is used after a restart.</source>
        <translation>CallScope empfängt zurzeit auf %1; eine neue Adresse gilt erst nach einem Neustart.</translation>
    </message>
    <message>
        <source>Public address</source>
        <translation>Öffentliche Adresse</translation>
    </message>
    <message>
        <source>The address the providers call. Leave it empty when they reach this computer directly; behind a tunnel or proxy, enter the https:// address it gives you.</source>
        <translation>Die Adresse, die die Anbieter aufrufen. Lassen Sie sie leer, wenn die Anbieter diesen Computer direkt erreichen; hinter einem Tunnel oder Proxy geben Sie die https://-Adresse ein, die er Ihnen nennt.</translation>
    </message>
    <message>
        <source>Public base URL</source>
        <translation>Öffentliche Basis-URL</translation>
    </message>
    <message>
        <source>Webhook URLs</source>
        <translation>Webhook-URLs</translation>
    </message>
    <message>
        <source>Paste each address into that provider&apos;s dashboard (the Providers page says where). They are for the tenant chosen above and follow the public address.</source>
        <translation>Fügen Sie jede Adresse im Dashboard des jeweiligen Anbieters ein (wo genau, steht auf der Seite „Anbieter“). Sie gelten für den oben gewählten Mandanten und richten sich nach der öffentlichen Adresse.</translation>
    </message>
    <message>
        <source>HTTPS (optional)</source>
        <translation>HTTPS (optional)</translation>
    </message>
    <message>
        <source>With a certificate and its private key (PEM files), CallScope answers HTTPS itself. Leave both empty when a proxy or tunnel provides HTTPS.</source>
        <translation>Mit einem Zertifikat und dem zugehörigen privaten Schlüssel (PEM-Dateien) beantwortet CallScope HTTPS selbst. Lassen Sie beide Felder leer, wenn ein Proxy oder Tunnel HTTPS bereitstellt.</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Choose the certificate</source>
        <translation>Zertifikat auswählen</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Privaten Schlüssel auswählen</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grenzwerte</translation>
    </message>
    <message>
        <source>Protect CallScope from floods and oversized requests. The defaults suit a practice with several lines.</source>
        <translation>Schützt CallScope vor Anfragefluten und übergroßen Anfragen. Die Standardwerte passen für eine Praxis mit mehreren Leitungen.</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source> at once</source>
        <translation> gleichzeitig</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source> requests</source>
        <translation> Anfragen</translation>
    </message>
    <message>
        <source>Largest request</source>
        <translation>Größte Anfrage</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Request must arrive within</source>
        <translation>Zeitlimit pro Anfrage</translation>
    </message>
    <message>
        <source>Requests per address</source>
        <translation>Anfragen pro Adresse</translation>
    </message>
    <message>
        <source>Short bursts of up to</source>
        <translation>Kurze Spitzen bis zu</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Where calls are stored</source>
        <translation>Speicherort der Anrufe</translation>
    </message>
    <message>
        <source>The embedded database is a file on this computer and needs no setup. A PostgreSQL server lets several computers share the calls. A new database is used after CallScope restarts; saving sets up its tables first, and nothing is saved if that fails.</source>
        <translation>Die eingebettete Datenbank ist eine Datei auf diesem Computer und muss nicht eingerichtet werden. Mit einem PostgreSQL-Server können mehrere Computer die Anrufe gemeinsam nutzen. Eine neue Datenbank wird nach einem Neustart von CallScope verwendet; beim Speichern werden zuerst ihre Tabellen angelegt, und schlägt das fehl, wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>Embedded (SQLite): a file on this computer</source>
        <translation>Eingebettet (SQLite): eine Datei auf diesem Computer</translation>
    </message>
    <message>
        <source>PostgreSQL server</source>
        <translation>PostgreSQL-Server</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Datenbankdatei auswählen</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Empty: %1, in CallScope&apos;s own data folder.</source>
        <translation>Leer: %1 im Datenordner von CallScope.</translation>
    </message>
    <message>
        <source>e.g. db.example.com</source>
        <translation>z. B. db.example.com</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Datenbankpasswort</translation>
    </message>
    <message>
        <source>The database user&apos;s password</source>
        <translation>Passwort des Datenbankbenutzers</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Kept in the %1, never in the settings file.</source>
        <translation>Wird im %1 aufbewahrt, nie in der Einstellungsdatei.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Callbacks</source>
        <translation>Rückrufe</translation>
    </message>
    <message>
        <source>Hand-off to your front desk system</source>
        <translation>Übergabe an Ihr Empfangssystem</translation>
    </message>
    <message>
        <source>When a caller asks to be called back, CallScope sends the request to your front desk system&apos;s API. Leave the address empty to keep requests in CallScope&apos;s callback queue for staff.</source>
        <translation>Wenn ein Anrufer um Rückruf bittet, sendet CallScope die Anfrage an die API Ihres Empfangssystems. Lassen Sie die Adresse leer, damit die Anfragen für Ihr Team in der Rückrufliste von CallScope bleiben.</translation>
    </message>
    <message>
        <source>e.g. https://desk.example.com/api/callbacks</source>
        <translation>z. B. https://desk.example.com/api/callbacks</translation>
    </message>
    <message>
        <source>Frontend API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>The key your front desk system gave CallScope</source>
        <translation>Der Schlüssel, den Ihr Empfangssystem für CallScope ausgestellt hat</translation>
    </message>
    <message>
        <source>Sent as a bearer token with each request of the tenant chosen above; kept in the %1.</source>
        <translation>Wird bei jeder Anfrage des oben gewählten Mandanten als Bearer-Token mitgesendet; aufbewahrt im %1.</translation>
    </message>
    <message>
        <source>Answer expected within</source>
        <translation>Wartezeit auf Antwort</translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation>Erneut versuchen nach</translation>
    </message>
    <message>
        <source>Calling back</source>
        <translation>Zurückrufen</translation>
    </message>
    <message>
        <source>How the callback queue&apos;s Call button dials, and whose name the desk&apos;s actions are recorded under.</source>
        <translation>Wie die Schaltfläche „Anrufen“ in der Rückrufliste wählt und unter welchem Namen die Aktionen am Empfang vermerkt werden.</translation>
    </message>
    <message>
        <source>Dial link</source>
        <translation>Wählvorlage</translation>
    </message>
    <message>
        <source>{number} becomes the customer&apos;s number: tel:{number} opens this computer&apos;s phone app, sip:{number}@pbx.example a softphone.</source>
        <translation>{number} wird durch die Nummer des Kunden ersetzt: tel:{number} öffnet die Telefon-App dieses Computers, sip:{number}@pbx.example ein Softphone.</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Mitarbeitername</translation>
    </message>
    <message>
        <source>Recorded with every retry, cancel and completed callback. Empty: this computer&apos;s user name (%1).</source>
        <translation>Wird bei jedem erneuten Versuch, jedem Abbruch und jedem erledigten Rückruf vermerkt. Leer: der Benutzername dieses Computers (%1).</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>Lists can show only the last 4 digits of a caller&apos;s number, for screens others can see. The full number stays in the call&apos;s details and can still be searched for.</source>
        <translation>Listen können nur die letzten 4 Ziffern einer Anrufernummer zeigen – für Bildschirme, die auch andere sehen. Die vollständige Nummer bleibt in den Anrufdetails und ist weiterhin durchsuchbar.</translation>
    </message>
    <message>
        <source>Show only the last 4 digits of phone numbers in lists</source>
        <translation>In Listen nur die letzten 4 Ziffern von Telefonnummern zeigen</translation>
    </message>
    <message>
        <source>Raw webhooks</source>
        <translation>Webhook-Rohdaten</translation>
    </message>
    <message>
        <source>CallScope keeps every webhook exactly as it arrived, to check and replay it. They are deleted after this many days; the calls themselves are kept.</source>
        <translation>CallScope bewahrt jeden Webhook genau so auf, wie er eingetroffen ist, um ihn prüfen und erneut einspielen zu können. Nach so vielen Tagen werden die Rohdaten gelöscht; die Anrufe selbst bleiben erhalten.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep raw webhooks for</source>
        <translation>Rohdaten aufbewahren für</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Language of the windows</source>
        <translation>Sprache der Oberfläche</translation>
    </message>
    <message>
        <source>The language of CallScope&apos;s windows. It changes as soon as you save.</source>
        <translation>Die Sprache der Fenster von CallScope. Sie wechselt, sobald Sie speichern.</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Systemsprache (%1)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Calls that never end</source>
        <translation>Nie beendete Anrufe</translation>
    </message>
    <message>
        <source>A call whose end never arrives (a webhook got lost) is flagged as stale, and shown as an error, after this long without news.</source>
        <translation>Ein Anruf, dessen Ende nie eintrifft (weil ein Webhook verloren ging), wird nach so langer Zeit ohne neue Ereignisse als veraltet markiert und als Fehler angezeigt.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Flag a call as stale after</source>
        <translation>Als veraltet markieren nach</translation>
    </message>
    <message>
        <source>How serious an error is</source>
        <translation>Schweregrad von Fehlern</translation>
    </message>
    <message>
        <source>The severity of an error whose report does not bring one. Critical and high errors stand out in the error list and in the window&apos;s alerts.</source>
        <translation>Der Schweregrad eines Fehlers, dessen Meldung selbst keinen angibt. Kritische und hohe Fehler werden in der Fehlerliste und in den Hinweisen des Fensters hervorgehoben.</translation>
    </message>
    <message>
        <source>A tool call failed or timed out</source>
        <translation>Funktionsaufruf fehlgeschlagen oder Zeitüberschreitung</translation>
    </message>
    <message>
        <source>The provider ended a call as failed</source>
        <translation>Anbieter hat Anruf als fehlgeschlagen beendet</translation>
    </message>
    <message>
        <source>A transfer to staff failed</source>
        <translation>Weiterleitung an das Team fehlgeschlagen</translation>
    </message>
    <message>
        <source>A webhook could not be matched to a call</source>
        <translation>Webhook keinem Anruf zuzuordnen</translation>
    </message>
    <message>
        <source>A call never ended</source>
        <translation>Anruf wurde nie beendet</translation>
    </message>
    <message>
        <source>Your backend reported an error</source>
        <translation>Ihr Backend hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Webhook processing</source>
        <translation>Webhook-Verarbeitung</translation>
    </message>
    <message>
        <source>Technical limits of the listener. Change them only when support asks you to.</source>
        <translation>Technische Grenzwerte des Webhook-Empfangs. Ändern Sie sie nur, wenn der Support Sie darum bittet.</translation>
    </message>
    <message>
        <source>Largest header block</source>
        <translation>Größter Header-Block</translation>
    </message>
    <message>
        <source>Close idle connections after</source>
        <translation>Inaktive Verbindungen schließen nach</translation>
    </message>
    <message>
        <source>Store a webhook within</source>
        <translation>Webhook speichern innerhalb von</translation>
    </message>
    <message>
        <source>A webhook not stored in time is answered “try again later”, and the provider sends it again.</source>
        <translation>Ein Webhook, der nicht rechtzeitig gespeichert wird, erhält die Antwort „später erneut versuchen“, und der Anbieter sendet ihn noch einmal.</translation>
    </message>
    <message>
        <source>Ultravox messages</source>
        <translation>Ultravox-Nachrichten</translation>
    </message>
    <message>
        <source>When an Ultravox webhook leaves out the conversation, CallScope fetches it from Ultravox&apos;s API with the API key of the Providers page.</source>
        <translation>Fehlt in einem Ultravox-Webhook das Gespräch, ruft CallScope es über die API von Ultravox ab – mit dem API-Schlüssel von der Seite „Anbieter“.</translation>
    </message>
    <message>
        <source>Ultravox API</source>
        <translation>Ultravox-API</translation>
    </message>
    <message>
        <source>First retry after</source>
        <translation>Erste Wiederholung nach</translation>
    </message>
    <message>
        <source>Each further retry waits twice as long.</source>
        <translation>Jede weitere Wiederholung wartet doppelt so lange.</translation>
    </message>
    <message>
        <source>wrong signature</source>
        <translation>falsche Signatur</translation>
    </message>
    <message>
        <source>too old</source>
        <translation>zu alt</translation>
    </message>
    <message>
        <source>not signed, or no secret stored</source>
        <translation>nicht signiert oder kein Geheimnis hinterlegt</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Each voice platform sends its webhooks to CallScope and signs them with a secret. Store that secret here so CallScope can tell a genuine webhook from a forged one: without it, the platform&apos;s webhooks are refused. Secrets are kept in the %1 and never shown again.</source>
        <translation>Jede Sprachplattform sendet ihre Webhooks an CallScope und signiert sie mit einem Geheimnis. Hinterlegen Sie dieses Geheimnis hier, damit CallScope echte von gefälschten Webhooks unterscheiden kann: Ohne das Geheimnis werden die Webhooks der Plattform abgewiesen. Geheimnisse werden im %1 aufbewahrt und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Paste this URL into Retell&apos;s dashboard under your agent → Webhook URL. Retell signs each webhook with your API key (dashboard → API Keys).</source>
        <translation>Fügen Sie diese URL im Retell-Dashboard unter Ihr Agent → Webhook URL ein. Retell signiert jeden Webhook mit Ihrem API-Schlüssel (Dashboard → API Keys).</translation>
    </message>
    <message>
        <source>Paste this URL into Vapi&apos;s dashboard under your assistant → Advanced → Server URL. Vapi proves each webhook with the secret you set there, or with an HMAC signature.</source>
        <translation>Fügen Sie diese URL im Vapi-Dashboard unter Ihr Assistent → Advanced → Server URL ein. Vapi weist jeden Webhook mit dem dort festgelegten Geheimnis oder mit einer HMAC-Signatur als echt aus.</translation>
    </message>
    <message>
        <source>Create an Ultravox webhook with this URL and paste its signing secret. To rotate it, enter the new and the old secret separated by a comma. The API key lets CallScope fetch a call&apos;s messages that a webhook left out.</source>
        <translation>Legen Sie bei Ultravox einen Webhook mit dieser URL an und fügen Sie sein Signaturgeheimnis ein. Zum Wechseln des Geheimnisses geben Sie das neue und das alte durch ein Komma getrennt ein. Mit dem API-Schlüssel kann CallScope Nachrichten eines Anrufs abrufen, die in einem Webhook fehlen.</translation>
    </message>
    <message>
        <source>Add this URL in LiveKit Cloud → Settings → Webhooks. LiveKit signs with an API key and its secret: paste the pair it uses.</source>
        <translation>Fügen Sie diese URL unter LiveKit Cloud → Settings → Webhooks hinzu. LiveKit signiert mit einem API-Schlüssel und dessen Geheimnis: Fügen Sie das verwendete Paar ein.</translation>
    </message>
    <message>
        <source>In the Twilio console, set this URL for your number under Voice → Call status changes. Twilio signs with your account&apos;s Auth Token.</source>
        <translation>Tragen Sie diese URL in der Twilio-Konsole für Ihre Nummer unter Voice → Call status changes ein. Twilio signiert mit dem Auth Token Ihres Kontos.</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <source>Paste the API key from Retell&apos;s dashboard</source>
        <translation>API-Schlüssel aus dem Retell-Dashboard einfügen</translation>
    </message>
    <message>
        <source>Server URL secret</source>
        <translation>Server-URL-Geheimnis</translation>
    </message>
    <message>
        <source>HMAC signature</source>
        <translation>HMAC-Signatur</translation>
    </message>
    <message>
        <source>Verify with</source>
        <translation>Prüfen mit</translation>
    </message>
    <message>
        <source>The secret set with the Server URL in Vapi</source>
        <translation>Das Geheimnis, das in Vapi bei der Server URL festgelegt ist</translation>
    </message>
    <message>
        <source>HMAC secret</source>
        <translation>HMAC-Geheimnis</translation>
    </message>
    <message>
        <source>The HMAC secret of Vapi&apos;s signing plan</source>
        <translation>Das HMAC-Geheimnis aus dem Signaturplan von Vapi</translation>
    </message>
    <message>
        <source>encoded as</source>
        <translation>kodiert als</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Signature header</source>
        <translation>Signatur-Header</translation>
    </message>
    <message>
        <source>Timestamp header</source>
        <translation>Zeitstempel-Header</translation>
    </message>
    <message>
        <source>Signed message</source>
        <translation>Signierte Nachricht</translation>
    </message>
    <message>
        <source>Signature prefix</source>
        <translation>Signaturpräfix</translation>
    </message>
    <message>
        <source>none, e.g. sha256=</source>
        <translation>keines, z. B. sha256=</translation>
    </message>
    <message>
        <source>Copy these from the HMAC plan of your Vapi server; empty fields use the values shown in grey.</source>
        <translation>Übernehmen Sie diese Werte aus dem HMAC-Plan Ihres Vapi-Servers; leere Felder verwenden die grau angezeigten Werte.</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>The webhook&apos;s secret; new and old separated by a comma while rotating</source>
        <translation>Geheimnis des Webhooks; beim Wechsel neues und altes durch Komma getrennt</translation>
    </message>
    <message>
        <source>Paste the API key from Ultravox&apos;s console</source>
        <translation>API-Schlüssel aus der Ultravox-Konsole einfügen</translation>
    </message>
    <message>
        <source>The API key LiveKit signs webhooks with</source>
        <translation>Der API-Schlüssel, mit dem LiveKit Webhooks signiert</translation>
    </message>
    <message>
        <source>API secret</source>
        <translation>API-Geheimnis</translation>
    </message>
    <message>
        <source>That key&apos;s secret</source>
        <translation>Das Geheimnis zu diesem Schlüssel</translation>
    </message>
    <message>
        <source>Auth Token</source>
        <translation>Auth Token</translation>
    </message>
    <message>
        <source>Paste the Auth Token from the Twilio console</source>
        <translation>Auth Token aus der Twilio-Konsole einfügen</translation>
    </message>
    <message>
        <source>Correct the marked fields on the Providers page before you switch tenants.</source>
        <translation>Korrigieren Sie die markierten Felder auf der Seite „Anbieter“, bevor Sie den Mandanten wechseln.</translation>
    </message>
    <message>
        <source>Deliveries are not counted here while the database is not open.</source>
        <translation>Solange die Datenbank nicht geöffnet ist, werden hier keine Zustellungen gezählt.</translation>
    </message>
    <message numerus="yes">
        <source>✓ Last accepted delivery: %1 (%n in all)</source>
        <translation>
            <numerusform>✓ Letzte angenommene Zustellung: %1 (insgesamt %n)</numerusform>
            <numerusform>✓ Letzte angenommene Zustellung: %1 (insgesamt %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No delivery yet</source>
        <translation>Noch keine Zustellung</translation>
    </message>
    <message>
        <source>Once the provider calls the webhook URL, its deliveries are counted here.</source>
        <translation>Sobald der Anbieter die Webhook-URL aufruft, werden seine Zustellungen hier gezählt.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n rejected (last: %1, %2)</source>
        <translation>
            <numerusform>⚠ %n abgewiesen (zuletzt: %1, %2)</numerusform>
            <numerusform>⚠ %n abgewiesen (zuletzt: %1, %2)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallScope::SettingsValidation</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ist ein Ordner, keine Datei.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Enter a port number from 1 to 65535.</source>
        <translation>Geben Sie eine Portnummer von 1 bis 65535 ein.</translation>
    </message>
    <message>
        <source>“%1” is not a port number: use a whole number from 1 to 65535.</source>
        <translation>„%1“ ist keine Portnummer: Verwenden Sie eine ganze Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Port %1 is out of range: use a number from 1 to 65535.</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs: Verwenden Sie eine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Enter the address to listen on, e.g. 127.0.0.1.</source>
        <translation>Geben Sie die Adresse ein, auf der empfangen werden soll, z. B. 127.0.0.1.</translation>
    </message>
    <message>
        <source>“%1” contains a space: an address has none.</source>
        <translation>„%1“ enthält ein Leerzeichen: Eine Adresse enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>“%1” is not an IP address of this computer: use 127.0.0.1 (this computer only) or 0.0.0.0 (every network it is on).</source>
        <translation>„%1“ ist keine IP-Adresse dieses Computers: Verwenden Sie 127.0.0.1 (nur dieser Computer) oder 0.0.0.0 (jedes Netzwerk, in dem er ist).</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or IP address.</source>
        <translation>Geben Sie den Namen oder die IP-Adresse des Servers ein.</translation>
    </message>
    <message>
        <source>“%1” contains a space: a server name has none.</source>
        <translation>„%1“ enthält ein Leerzeichen: Ein Servername enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>“%1” is not a server name or IP address.</source>
        <translation>„%1“ ist weder ein Servername noch eine IP-Adresse.</translation>
    </message>
    <message>
        <source>“%1” is not HOST:PORT, e.g. 127.0.0.1:8787.</source>
        <translation>„%1“ hat nicht die Form HOST:PORT, z. B. 127.0.0.1:8787.</translation>
    </message>
    <message>
        <source>Enter an address starting with https:// or http://.</source>
        <translation>Geben Sie eine Adresse ein, die mit https:// oder http:// beginnt.</translation>
    </message>
    <message>
        <source>“%1” is not a web address: it must start with https:// or http://, not %2://.</source>
        <translation>„%1“ ist keine Webadresse: Sie muss mit https:// oder http:// beginnen, nicht mit %2://.</translation>
    </message>
    <message>
        <source>“%1” is not a valid web address, e.g. https://example.com/path.</source>
        <translation>„%1“ ist keine gültige Webadresse wie z. B. https://example.com/path.</translation>
    </message>
    <message>
        <source>The public URL cannot have a query (?…) or a fragment (#…): the webhook paths are added to its end.</source>
        <translation>Die öffentliche URL darf keine Abfrage (?…) und kein Fragment (#…) enthalten: Die Webhook-Pfade werden an ihr Ende angehängt.</translation>
    </message>
    <message>
        <source>Enter at least one delay, e.g. 5m, 15m, 1h.</source>
        <translation>Geben Sie mindestens eine Wartezeit ein, z. B. 5m, 15m, 1h.</translation>
    </message>
    <message>
        <source>Leave no empty entry between the commas.</source>
        <translation>Lassen Sie zwischen den Kommas keinen Eintrag leer.</translation>
    </message>
    <message>
        <source>“%1” is not a delay: write a number and a unit, e.g. 30s, 5m or 1h.</source>
        <translation>„%1“ ist keine Wartezeit: Schreiben Sie eine Zahl und eine Einheit, z. B. 30s, 5m oder 1h.</translation>
    </message>
    <message>
        <source>“%1” is longer than a week.</source>
        <translation>„%1“ ist länger als eine Woche.</translation>
    </message>
    <message>
        <source>At most %1 retries.</source>
        <translation>Höchstens %1 Wiederholungen.</translation>
    </message>
    <message>
        <source>Enter a dial link, e.g. tel:{number}.</source>
        <translation>Geben Sie eine Wählvorlage ein, z. B. tel:{number}.</translation>
    </message>
    <message>
        <source>The dial link must contain {number}, where the customer&apos;s number goes, e.g. tel:{number}.</source>
        <translation>Die Wählvorlage muss {number} enthalten – dort wird die Nummer des Kunden eingesetzt, z. B. tel:{number}.</translation>
    </message>
    <message>
        <source>The dial link must start with a scheme such as tel:, sip: or callto:, and have no spaces.</source>
        <translation>Die Wählvorlage muss mit einem Schema wie tel:, sip: oder callto: beginnen und darf keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>%1 is not a PEM certificate (a text file that starts with -----BEGIN CERTIFICATE-----).</source>
        <translation>%1 ist kein PEM-Zertifikat (eine Textdatei, die mit -----BEGIN CERTIFICATE----- beginnt).</translation>
    </message>
    <message>
        <source>The certificate expired on %1.</source>
        <translation>Das Zertifikat ist am %1 abgelaufen.</translation>
    </message>
    <message>
        <source>%1 is not an unencrypted PEM private key (RSA or EC).</source>
        <translation>%1 ist kein unverschlüsselter privater PEM-Schlüssel (RSA oder EC).</translation>
    </message>
    <message>
        <source>Choose the private key file too: HTTPS needs the certificate and its key.</source>
        <translation>Wählen Sie auch die Schlüsseldatei: HTTPS braucht das Zertifikat und den zugehörigen Schlüssel.</translation>
    </message>
    <message>
        <source>Choose the certificate file too: HTTPS needs the certificate and its key.</source>
        <translation>Wählen Sie auch die Zertifikatsdatei: HTTPS braucht das Zertifikat und den zugehörigen Schlüssel.</translation>
    </message>
    <message>
        <source>At most %1 characters (this has %2).</source>
        <translation>Höchstens %1 Zeichen (jetzt %2).</translation>
    </message>
    <message>
        <source>A name cannot contain line breaks or tabs.</source>
        <translation>Ein Name darf keine Zeilenumbrüche oder Tabulatoren enthalten.</translation>
    </message>
    <message>
        <source>Keep raw receipts for %1 to %2 days (10 years).</source>
        <translation>Bewahren Sie die Rohdaten %1 bis %2 Tage (10 Jahre) auf.</translation>
    </message>
    <message>
        <source>Use 1 to %1 minutes (a week).</source>
        <translation>Wählen Sie 1 bis %1 Minuten (eine Woche).</translation>
    </message>
    <message>
        <source>“%1” is not a full path: choose the file with Browse….</source>
        <translation>„%1“ ist kein vollständiger Pfad: Wählen Sie die Datei mit „Durchsuchen…“ aus.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file name in it.</source>
        <translation>%1 ist ein Ordner: Wählen Sie einen Dateinamen darin.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Der Ordner %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Enter the name of the database.</source>
        <translation>Geben Sie den Namen der Datenbank ein.</translation>
    </message>
    <message>
        <source>“%1” is not a database name: leave out spaces and the characters / ? #.</source>
        <translation>„%1“ ist kein Datenbankname: Lassen Sie Leerzeichen und die Zeichen / ? # weg.</translation>
    </message>
    <message>
        <source>“%1” is not a user name: leave out spaces and the characters @ : /.</source>
        <translation>„%1“ ist kein Benutzername: Lassen Sie Leerzeichen und die Zeichen @ : / weg.</translation>
    </message>
    <message>
        <source>“%1” is not an HTTP header name (letters, digits and dashes, e.g. x-signature).</source>
        <translation>„%1“ ist kein HTTP-Header-Name (Buchstaben, Ziffern und Bindestriche, z. B. x-signature).</translation>
    </message>
    <message>
        <source>The template must contain {body}: the signature covers the webhook&apos;s body.</source>
        <translation>Die Vorlage muss {body} enthalten: Die Signatur umfasst den Inhalt des Webhooks.</translation>
    </message>
</context>
<context>
    <name>CallScope::TenantFormDialog</name>
    <message>
        <source>New tenant</source>
        <translation>Neuer Mandant</translation>
    </message>
    <message>
        <source>Rename “%1”</source>
        <translation>„%1“ umbenennen</translation>
    </message>
    <message>
        <source>A tenant keeps one business&apos;s calls, callbacks, errors, secrets and tokens apart from the others&apos;.</source>
        <translation>Ein Mandant hält die Anrufe, Rückrufe, Fehler, Geheimnisse und Tokens eines Betriebs von denen anderer Betriebe getrennt.</translation>
    </message>
    <message>
        <source>The name is what CallScope shows. The slug stays as it is, so the webhook addresses the providers call do not change.</source>
        <translation>CallScope zeigt den Namen an. Das Kürzel bleibt unverändert, damit sich die Webhook-Adressen, die die Anbieter aufrufen, nicht ändern.</translation>
    </message>
    <message>
        <source>Rename tenant</source>
        <translation>Mandant umbenennen</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
    <message>
        <source>Praxis am Markt</source>
        <translation>Praxis am Markt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Slug:</source>
        <translation>&amp;Kürzel:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>At most %1 characters (this is %2).</source>
        <translation>Höchstens %1 Zeichen (jetzt %2).</translation>
    </message>
    <message>
        <source>Use 1 to %1 lower-case letters (a–z), digits and hyphens.</source>
        <translation>Verwenden Sie 1 bis %1 Kleinbuchstaben (a–z), Ziffern und Bindestriche.</translation>
    </message>
    <message>
        <source>The tenant “%1” has this slug already.</source>
        <translation>Der Mandant „%1“ hat dieses Kürzel bereits.</translation>
    </message>
    <message>
        <source>&lt;slug&gt;</source>
        <translation>&lt;kürzel&gt;</translation>
    </message>
    <message>
        <source>Part of the tenant&apos;s webhook addresses: %1</source>
        <translation>Teil der Webhook-Adressen des Mandanten: %1</translation>
    </message>
    <message>
        <source>Webhook addresses: %1</source>
        <translation>Webhook-Adressen: %1</translation>
    </message>
</context>
<context>
    <name>CallScope::TenantsDialog</name>
    <message>
        <source>Tenants &amp; tokens</source>
        <translation>Mandanten &amp; Tokens</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Each business has its own calls, secrets and tokens. The slug is part of its webhook addresses: /t/&lt;slug&gt;/webhooks/…</source>
        <translation>Jeder Betrieb hat eigene Anrufe, Geheimnisse und Tokens. Das Kürzel ist Teil seiner Webhook-Adressen: /t/&lt;kürzel&gt;/webhooks/…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Slug</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation>&amp;Wechseln</translation>
    </message>
    <message>
        <source>Show this tenant&apos;s calls in the main window</source>
        <translation>Die Anrufe dieses Mandanten im Hauptfenster anzeigen</translation>
    </message>
    <message>
        <source>An ingest token lets your backend send its tool-call events; a read token lets dashboards and scripts read calls, callbacks and errors. A token is shown once, when it is created.</source>
        <translation>Mit einem Sende-Token kann Ihr Backend Ereignisse zu Funktionsaufrufen senden; mit einem Lese-Token können Dashboards und Skripte Anrufe, Rückrufe und Fehler lesen. Ein Token wird nur einmal angezeigt: beim Erstellen.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No tokens yet.</source>
        <translation>Noch keine Tokens.</translation>
    </message>
    <message>
        <source>New &amp;token…</source>
        <translation>Neues &amp;Token…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Wider&amp;rufen…</translation>
    </message>
    <message>
        <source>The tenants cannot be read</source>
        <translation>Die Mandanten können nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (aktuell)</translation>
    </message>
    <message>
        <source>The main window shows this tenant</source>
        <translation>Das Hauptfenster zeigt diesen Mandanten</translation>
    </message>
    <message>
        <source>API tokens of “%1”</source>
        <translation>API-Tokens von „%1“</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API-Tokens</translation>
    </message>
    <message>
        <source>The tokens cannot be read</source>
        <translation>Die Tokens können nicht gelesen werden</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(ohne Bezeichnung)</translation>
    </message>
    <message>
        <source>Token id %1</source>
        <translation>Token-ID %1</translation>
    </message>
    <message>
        <source>Ingest</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Sends backend events: POST /api/v1/events</source>
        <translation>Sendet Backend-Ereignisse: POST /api/v1/events</translation>
    </message>
    <message>
        <source>Reads calls, callbacks and errors: GET /api/v1/…</source>
        <translation>Liest Anrufe, Rückrufe und Fehler: GET /api/v1/…</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Select a tenant to see its tokens.</source>
        <translation>Wählen Sie einen Mandanten aus, um seine Tokens zu sehen.</translation>
    </message>
    <message>
        <source>The tenant “default” cannot be deleted: it receives the webhooks whose address names no tenant.</source>
        <translation>Der Mandant „default“ kann nicht gelöscht werden: Er empfängt die Webhooks, deren Adresse keinen Mandanten nennt.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The tenant was not created</source>
        <translation>Der Mandant wurde nicht angelegt</translation>
    </message>
    <message>
        <source>The tenant was not renamed</source>
        <translation>Der Mandant wurde nicht umbenannt</translation>
    </message>
    <message>
        <source>The tenant was not deleted</source>
        <translation>Der Mandant wurde nicht gelöscht</translation>
    </message>
    <message>
        <source>Revoke token</source>
        <translation>Token widerrufen</translation>
    </message>
    <message>
        <source>Revoke this token of “%1”?</source>
        <translation>Dieses Token von „%1“ widerrufen?</translation>
    </message>
    <message>
        <source>Revoke the token “%1” of “%2”?</source>
        <translation>Das Token „%1“ von „%2“ widerrufen?</translation>
    </message>
    <message>
        <source>Programs that use it are refused from then on. This cannot be undone.</source>
        <translation>Programme, die es verwenden, werden danach abgewiesen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>The token was not revoked</source>
        <translation>Das Token wurde nicht widerrufen</translation>
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
        <source>Retell dashboard → your agent → Webhook URL. Retell signs with your API key: enter it under Settings → Providers.</source>
        <translation>Retell-Dashboard → Ihr Agent → Webhook URL. Retell signiert mit Ihrem API-Schlüssel: Tragen Sie ihn unter Einstellungen → Anbieter ein.</translation>
    </message>
    <message>
        <source>Vapi dashboard → your assistant → Advanced → Server URL, with a Server URL secret: enter the same secret under Settings → Providers.</source>
        <translation>Vapi-Dashboard → Ihr Assistent → Advanced → Server URL, mit einem Server-URL-Geheimnis: Tragen Sie dasselbe Geheimnis unter Einstellungen → Anbieter ein.</translation>
    </message>
    <message>
        <source>Create an Ultravox webhook with this URL; enter its secret under Settings → Providers.</source>
        <translation>Legen Sie bei Ultravox einen Webhook mit dieser URL an; tragen Sie sein Geheimnis unter Einstellungen → Anbieter ein.</translation>
    </message>
    <message>
        <source>LiveKit Cloud → Settings → Webhooks → add this URL; enter the API key and secret under Settings → Providers.</source>
        <translation>LiveKit Cloud → Settings → Webhooks → diese URL hinzufügen; tragen Sie API-Schlüssel und Geheimnis unter Einstellungen → Anbieter ein.</translation>
    </message>
    <message>
        <source>Twilio console → your number → Voice → Call status changes; enter your Auth Token under Settings → Providers.</source>
        <translation>Twilio-Konsole → Ihre Nummer → Voice → Call status changes; tragen Sie Ihr Auth Token unter Einstellungen → Anbieter ein.</translation>
    </message>
    <message>
        <source>Secrets are kept in your system&apos;s keychain, never in a file. On a server without a desktop: %1</source>
        <translation>Geheimnisse werden im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei. Auf einem Server ohne Desktop: %1</translation>
    </message>
    <message>
        <source>Your own backend reports tool calls, transcript turns and callback requests to %1 with an ingest token from Settings → Tenants and API tokens.</source>
        <translation>Ihr eigenes Backend meldet Funktionsaufrufe, Redebeiträge und Rückrufanfragen an %1 – mit einem Sende-Token aus Einstellungen → Mandanten und API-Tokens.</translation>
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
