// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTextBrowser;

namespace CallScope {

// Everything about one callback request: whom to call and why (number, name, the concern in full,
// the details the agent collected), what went wrong with its hand-off, its history (who did what
// when, each hand-off attempt with its result) and the calls it came from, each one click away.
class CallbackDetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit CallbackDetailPane(QWidget *parent = nullptr);

    // Shows the request as of `nowMs`; `history` and `calls` as the store reads them.
    void setRequest(const CallbackRecord &request, const QList<CallbackHistoryEntry> &history,
                    const QList<CallSummary> &calls, qint64 nowMs);
    void clear();
    // The relative times ("waiting 12 min") as of `nowMs`.
    void setNow(qint64 nowMs);
    std::optional<CallbackRecord> request() const { return m_request; }
    // The history as text, a line per entry (what a test or a screen reader reads).
    QString historyText() const;
    void retranslateUi();

    // Rich text lines "key: value" for a details object; the JSON as it is when it is not one.
    static QString detailsHtml(const QString &detailsJson);

signals:
    void openCall(qint64 callId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();
    QLabel *heading(const QString &objectName);

    std::optional<CallbackRecord> m_request;
    QList<CallbackHistoryEntry> m_history;
    QList<CallSummary> m_calls;
    qint64 m_now = 0;

    QLabel *m_number;
    QLabel *m_name;
    QLabel *m_facts;
    QLabel *m_concernHeading;
    QLabel *m_concern;
    QLabel *m_closingHeading;
    QLabel *m_closing;
    QLabel *m_errorHeading;
    QLabel *m_error;
    QLabel *m_detailsHeading;
    QLabel *m_details;
    QLabel *m_historyHeading;
    QTextBrowser *m_historyView;
    QLabel *m_callsHeading;
    QLabel *m_callsList;
};

} // namespace CallScope
