// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "errorgroupmodel.h"
#include "store.h"
#include "storetypes.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace CallScope {

class EmptyStatePage;
class ErrorDetailPane;
class IgnoreErrorDialog;
class MessageBar;
class StoreReader;

// The error dashboard for the support engineer: failures grouped by cause, most recently seen (or
// most frequent) first, each with its events per hour; filters by status, severity, provider,
// function and time range; Resolve, Ignore… and Reopen on the selected group, recorded with the
// user's name; and the group's recent events and calls below the list, each call one click from its
// timeline at the error. A refused action is reported in a bar that stays until it is closed.
class ErrorsView : public QWidget
{
    Q_OBJECT

public:
    explicit ErrorsView(QWidget *parent = nullptr);
    ~ErrorsView() override;

    // The store the actions go to, the reader the groups are read with (the caller's, used on this
    // thread) and whose groups.
    void setStore(Store *store, StoreReader *reader, TenantId tenant, const QString &tenantSlug);
    // Who the actions are recorded as.
    void setActor(const QString &actor);
    QString actor() const { return m_actor; }

    ErrorGroupModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ErrorDetailPane *detailPane() const { return m_detail; }
    MessageBar *messageBar() const { return m_errors; }
    // The group of the current row, 0 when none.
    qint64 currentGroupId() const;
    void selectGroup(qint64 id);
    int criticalCount() const { return m_model->criticalUnresolvedCount(); }
    // The unresolved critical groups only (the status bar's link).
    void showCritical();

public slots:
    void applyChanges(const CallScope::StoreChanges &changes);
    void resolveGroup();
    void ignoreGroup();
    void reopenGroup();

signals:
    // Open the call's timeline at `offsetMs` (from the call's start) when it is known.
    void openCallRequested(qint64 callId, std::optional<qint64> offsetMs);
    void criticalCountChanged(int count);
    // Critical groups that are new, or came back as regressions.
    void criticalGroupsAppeared(const QList<CallScope::ErrorGroupRecord> &groups);
    // A short confirmation for the status bar: "Resolved “calendar_unavailable”."
    void notice(const QString &message);
    // The Ignore… dialog, once it is open (a seam for tests and the screenshots).
    void ignoreDialogOpened(CallScope::IgnoreErrorDialog *dialog);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    std::optional<ErrorGroupRecord> current() const;
    void runAction(const ErrorGroupRecord &group, Store::ErrorGroupAction action,
                   const Store::IgnoreLimits &limits = {});
    void openCallOf(qint64 callId, qint64 eventId);
    void showError(const QString &message);
    void updateActions();
    void updateDetail();
    void updateBody();
    void updateChoices();
    void updateColumnWidths();
    void updateIcons();
    void fitSplitter();
    void applyFilters();
    void retranslateUi();

    Store *m_store = nullptr;
    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    QString m_tenantSlug;
    QString m_actor;

    ErrorGroupModel *m_model;
    MessageBar *m_errors;
    QAction *m_resolve;
    QAction *m_ignore;
    QAction *m_reopen;
    QWidget *m_controls;
    QComboBox *m_statusFilter;
    QComboBox *m_severityFilter;
    QComboBox *m_providerFilter;
    QComboBox *m_functionFilter;
    QComboBox *m_rangeFilter;
    QComboBox *m_order;
    QLabel *m_count;
    QStackedWidget *m_body;
    QSplitter *m_splitter;
    QTableView *m_table;
    ErrorDetailPane *m_detail;
    EmptyStatePage *m_empty;
    QStringList m_providers; // in the provider filter
    QStringList m_functions; // in the function filter
    bool m_splitterMoved = false;
};

} // namespace CallScope
