// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QHash>
#include <QWidget>

class QTabWidget;

namespace CallScope {

class CallDetailView;
class CallsView;
class StoreReader;

// The Calls place: the list in its first tab, each opened call in a tab of its own (closable,
// Ctrl+W). An open call grows live: the store's changes for it reload its timeline in place.
class CallsPage : public QWidget
{
    Q_OBJECT

public:
    explicit CallsPage(QWidget *parent = nullptr);
    ~CallsPage() override;

    // The reader is the caller's and used on this thread.
    void setReader(StoreReader *reader, TenantId tenant, const QString &tenantSlug);
    CallsView *callsView() const { return m_calls; }
    QTabWidget *tabs() const { return m_tabs; }

    // Opens the call's tab (or brings its open tab forward); nullptr when it cannot be read.
    CallDetailView *openCall(qint64 callId);
    CallDetailView *detailView(qint64 callId) const { return m_open.value(callId); }
    void closeCall(qint64 callId);

public slots:
    void applyChanges(const CallScope::StoreChanges &changes);

signals:
    // A call could not be read (shown in the status bar).
    void problem(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString tabTitle(qint64 callId) const;
    void retranslateUi();

    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    QString m_tenantSlug;
    QTabWidget *m_tabs = nullptr;
    CallsView *m_calls = nullptr;
    QHash<qint64, CallDetailView *> m_open;
};

} // namespace CallScope
