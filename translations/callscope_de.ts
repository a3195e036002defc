<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
