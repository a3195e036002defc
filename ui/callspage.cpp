// SPDX-License-Identifier: GPL-3.0-or-later
#include "callspage.h"

#include "calldetail.h"
#include "calldetailview.h"
#include "calllistmodel.h"
#include "callpresentation.h"
#include "callsview.h"
#include "storereader.h"

#include <QAction>
#include <QEvent>
#include <QTabBar>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

CallsPage::CallsPage(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_calls(new CallsView)
{
    setObjectName(u"callsPage"_s);
    m_tabs->setObjectName(u"callTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->addTab(m_calls, QString());
    // The list stays: no close button on its tab.
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    connect(m_calls, &CallsView::openCall, this, [this](qint64 id) { openCall(id); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *view = qobject_cast<CallDetailView *>(m_tabs->widget(index)))
            closeCall(view->detail().summary.id);
    });
    auto *close = new QAction(this);
    close->setShortcut(QKeySequence::Close);
    close->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(close);
    connect(close, &QAction::triggered, this, [this] {
        if (auto *view = qobject_cast<CallDetailView *>(m_tabs->currentWidget()))
            closeCall(view->detail().summary.id);
    });
    retranslateUi();
}

CallsPage::~CallsPage() = default;

void CallsPage::setReader(StoreReader *reader, TenantId tenant, const QString &tenantSlug)
{
    m_reader = reader;
    m_tenant = tenant;
    m_tenantSlug = tenantSlug;
    for (qint64 id : m_open.keys())
        closeCall(id);
    m_calls->setReader(reader, tenant);
}

CallDetailView *CallsPage::openCall(qint64 callId)
{
    if (CallDetailView *open = m_open.value(callId)) {
        m_tabs->setCurrentWidget(open);
        return open;
    }
    if (!m_reader)
        return nullptr;
    auto detail = CallDetail::load(*m_reader, m_tenant, callId);
    if (!detail) {
        emit problem(tr("Cannot open the call: %1").arg(detail.error().message));
        return nullptr;
    }
    auto *view = new CallDetailView;
    view->setTenantSlug(m_tenantSlug);
    view->setDetail(*detail);
    m_open.insert(callId, view);
    const int index = m_tabs->addTab(view, tabTitle(callId));
    m_tabs->setTabToolTip(index, detail->summary.uuid);
    m_tabs->setCurrentIndex(index);
    return view;
}

void CallsPage::closeCall(qint64 callId)
{
    CallDetailView *view = m_open.take(callId);
    if (!view)
        return;
    m_tabs->removeTab(m_tabs->indexOf(view));
    view->deleteLater();
    if (m_tabs->currentIndex() == 0)
        m_calls->table()->setFocus();
}

void CallsPage::applyChanges(const StoreChanges &changes)
{
    m_calls->applyChanges(changes);
    if (!m_reader || m_open.isEmpty())
        return;
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it) {
        if (!changes.callIds.contains(it.key()))
            continue;
        auto detail = CallDetail::load(*m_reader, m_tenant, it.key());
        if (!detail) {
            emit problem(tr("Cannot update the call: %1").arg(detail.error().message));
            continue;
        }
        it.value()->setDetail(*detail);
        m_tabs->setTabText(m_tabs->indexOf(it.value()), tabTitle(it.key()));
    }
}

QString CallsPage::tabTitle(qint64 callId) const
{
    const CallDetailView *view = m_open.value(callId);
    if (!view)
        return {};
    const CallSummary &call = view->detail().summary;
    const QString who = call.direction == "outbound"_L1 ? call.toNumber : call.fromNumber;
    const QString name = who.isEmpty() ? CallPresentation::provider(call.provider) : who;
    const QString running = call.status == CallStatus::Ended ? QString() : u" ●"_s;
    return name + running;
}

void CallsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallsPage::retranslateUi()
{
    m_tabs->setTabText(0, tr("All calls"));
    for (auto it = m_open.cbegin(); it != m_open.cend(); ++it)
        m_tabs->setTabText(m_tabs->indexOf(it.value()), tabTitle(it.key()));
}

} // namespace CallScope
