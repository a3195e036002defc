// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callbackqueuemodel.h"
#include "callbacktextdialog.h"
#include "store.h"
#include "storetypes.h"

#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace CallScope {

class CallbackDetailPane;
class EmptyStatePage;
class MessageBar;
class StoreReader;

// The callback queue for the front desk: who waits to be called back, most urgent and oldest first,
// with one-click actions on the selected request (Dial, Retry now, Cancel…, Complete…, Open call),
// state and urgency filters, and the request's details and history below the list. Every action is
// recorded with the desk's name; a failed one is reported in a bar that stays until it is closed.
class CallbackQueueView : public QWidget
{
    Q_OBJECT

public:
    explicit CallbackQueueView(QWidget *parent = nullptr);
    ~CallbackQueueView() override;

    // The store the actions go to, the reader the queue is read with (the caller's, used on this
    // thread) and whose queue.
    void setStore(Store *store, StoreReader *reader, TenantId tenant, const QString &tenantSlug);
    // How a number becomes a link for the softphone, e.g. "tel:{number}" or "sip:{number}@pbx".
    void setDialUriTemplate(const QString &uriTemplate);
    QString dialUriTemplate() const { return m_dialTemplate; }
    // Who the actions are recorded as.
    void setActor(const QString &actor);
    QString actor() const { return m_actor; }

    CallbackQueueModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    CallbackDetailPane *detailPane() const { return m_detail; }
    MessageBar *messageBar() const { return m_errors; }
    // The request of the current row, empty when none.
    QString currentUuid() const;
    void selectRequest(const QString &uuid);
    int openCriticalCount() const { return int(m_critical.size()); }

    // The link a number is dialled with: `uriTemplate` with {number} replaced by the number without
    // its visual separators, percent-encoded where a URI needs it ('+' stays). Empty when the number
    // has no digit.
    static QString dialUri(const QString &uriTemplate, const QString &number);
    // The configured staff name, else the name the user logged in with.
    static QString actorName(const QString &staffName);

public slots:
    void applyChanges(const CallScope::StoreChanges &changes);
    void dial();
    void retryNow();
    void cancelRequest();
    void completeRequest();
    void openCall();

signals:
    void openCallRequested(qint64 callId);
    void criticalCountChanged(int count);
    // A critical request that was not open-and-critical at the last look (new, or raised by a merge).
    void criticalRequestArrived(const CallScope::CallbackRecord &request);
    // A short confirmation for the status bar: "Cancelled the callback for Anna Schmidt."
    void notice(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    std::optional<CallbackRecord> current() const;
    void askForText(CallbackTextDialog::Kind kind);
    void runAction(const CallbackRecord &request, Store::CallbackAction action, const QString &text);
    void showError(const QString &message);
    void updateActions();
    void updateDetail();
    void updateAlerts();
    void updateBody();
    void updateColumnWidths();
    void fitColumns();
    // The actions' line art in the palette's button text colour.
    void updateIcons();
    // The list as tall as its rows need, the detail pane gets the rest (at least enough to read),
    // until the user moves the divider.
    void fitSplitter();
    void applyFilters();
    void retranslateUi();

    Store *m_store = nullptr;
    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    QString m_tenantSlug;
    QString m_dialTemplate = QStringLiteral("tel:{number}");
    QString m_actor;
    QSet<QString> m_critical; // open critical requests at the last look
    bool m_alertsPrimed = false;

    CallbackQueueModel *m_model;
    MessageBar *m_errors;
    MessageBar *m_deadHint;
    QAction *m_dial;
    QAction *m_retry;
    QAction *m_cancel;
    QAction *m_complete;
    QAction *m_open;
    QComboBox *m_stateFilter;
    QComboBox *m_urgencyFilter;
    QLabel *m_count;
    QStackedWidget *m_body;
    QSplitter *m_splitter;
    QTableView *m_table;
    CallbackDetailPane *m_detail;
    EmptyStatePage *m_empty;
    int m_deadCount = 0;
    bool m_splitterMoved = false;
    QList<int> m_preferredWidths; // per column: its text on one line
    QList<int> m_narrowWidths;    // per column: its text in two lines
};

} // namespace CallScope
