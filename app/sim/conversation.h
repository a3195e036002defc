// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callplan.h"
#include "scriptbook.h"

#include <QHash>
#include <QRandomGenerator>

// Writes the contents of one call: the lines of its scenario in the call's language, the tool calls
// the agent makes on the way, flow changes, and when each happens. Utterances take the time people
// need to say them, tools the time a backend needs to answer (sometimes too long).
namespace CallScope::Sim {

class Conversation
{
public:
    // `plan` supplies the language, business, scenario, names and numbers; its steps are not read.
    Conversation(const CallPlan &plan, QRandomGenerator &random, qint64 callDateMs);

    // The steps of the plan's scenario; empty for calls nobody answered.
    QList<Step> write();
    // What the backend should report beside the conversation (set by write()).
    std::optional<CallbackRequest> callback() const { return m_callback; }
    QList<BackendError> errors() const { return m_errors; }
    QString summary() const;
    QString systemPrompt() const;

private:
    void say(bool agent, Line line);
    void sayText(bool agent, const QString &text);
    ToolCall &tool(const QString &name, const QJsonObject &arguments, const QJsonValue &result,
                   qint64 latencyMs);
    void flow(const QString &to);

    void identify();
    void findSlot();
    void maybeAskCallback();
    void wrapUp();

    void booking();
    void reschedule();
    void cancellation();
    void transfer(bool succeeds);
    void reminder();
    void voicemail();
    void shortHangUp();

    QString pick(const QStringList &choices);
    QString toolCallId();
    QString appointmentStart(int dayIndex, int minutes) const;

    const CallPlan &m_plan;
    QRandomGenerator &m_random;
    const ScriptBook &m_book;
    const Vocabulary &m_vocabulary;
    qint64 m_callDateMs = 0;
    QHash<QString, QString> m_values; // the placeholders' values for this call
    Service m_service;
    int m_dayIndex = 0;     // into ScriptBook::weekdays
    int m_slotMinutes = 0;  // of the slot the caller takes
    int m_slot2Minutes = 0; // the other offer
    QString m_patientId;
    QString m_appointmentId;
    QString m_node;
    qint64 m_clockMs = 0; // ms from the answer
    QList<Step> m_steps;
    std::optional<CallbackRequest> m_callback;
    QList<BackendError> m_errors;
};

} // namespace CallScope::Sim
