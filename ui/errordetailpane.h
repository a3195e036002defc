// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;

namespace CallScope {

// Everything about one error group: its code, function and message as grouped, severity and status
// with who changed it when, how often and on how many calls it happened since when, the fingerprint
// it is grouped by; its most recent events as reported (each with its stack, folded until asked
// for) and the calls they happened on. One click on a call, or on an event's call, asks to open that
// call's timeline at the error (callRequested).
class ErrorDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorDetailPane(QWidget *parent = nullptr);

    // Shows the group as of `nowMs`; `samples` (newest first) and `calls` as the store reads them.
    void setGroup(const ErrorGroupRecord &group, const QList<ErrorEventRecord> &samples,
                  const QList<CallSummary> &calls, qint64 nowMs);
    void clear();
    // The relative times ("3 min ago") as of `nowMs`.
    void setNow(qint64 nowMs);
    std::optional<ErrorGroupRecord> group() const { return m_group; }
    const QList<ErrorEventRecord> &samples() const { return m_samples; }
    const QList<CallSummary> &calls() const { return m_calls; }
    // Where an event happened on its call's timeline: as reported, else from the call's start when the
    // call is among calls(); nothing when neither is known.
    std::optional<qint64> offsetOf(const ErrorEventRecord &event) const;
    // Unfolds (or folds) an event's stack.
    void setStackShown(qint64 eventId, bool shown);
    bool isStackShown(qint64 eventId) const { return m_openStacks.contains(eventId); }
    void retranslateUi();

signals:
    // Open the call at the error: `eventId` is the event clicked, or the group's latest event on the
    // call (0 when none of the samples happened on it).
    void callRequested(qint64 callId, qint64 eventId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    void renderSamples();
    void renderCalls();
    void openLink(const QUrl &url);
    QLabel *heading(const QString &objectName);

    std::optional<ErrorGroupRecord> m_group;
    QList<ErrorEventRecord> m_samples;
    QList<CallSummary> m_calls;
    QSet<qint64> m_openStacks;
    qint64 m_now = 0;

    QLabel *m_code;
    QLabel *m_where;
    QLabel *m_badges;
    QLabel *m_message;
    QLabel *m_facts;
    QLabel *m_samplesHeading;
    QLabel *m_samplesNote;
    QTextBrowser *m_samplesView;
    QLabel *m_callsHeading;
    QLabel *m_callsNote;
    QTextBrowser *m_callsView;
};

} // namespace CallScope
