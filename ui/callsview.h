// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace CallScope {

class CallListModel;
class StoreReader;

// The calls list with its filters: time range, provider, status, outcome, agent, "errors only", and
// a search box over transcripts, function names and arguments, and phone numbers (digits search
// the numbers' last digits). Arrows move, Enter opens, Ctrl+F goes to the search box. New and changed
// calls appear live (applyChanges) without moving the selection or the rows on screen.
class CallsView : public QWidget
{
    Q_OBJECT

public:
    explicit CallsView(QWidget *parent = nullptr);
    ~CallsView() override;

    void setReader(StoreReader *reader, TenantId tenant);
    CallListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchBox() const { return m_search; }

    // The query the filters and search box make now (what the model reads).
    CallQuery currentQuery() const;
    void focusSearch();
    // The call of the current row, 0 when none.
    qint64 currentCallId() const;
    void selectCall(qint64 callId);

public slots:
    void applyChanges(const CallScope::StoreChanges &changes);
    void applyFilters();

signals:
    void openCall(qint64 callId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillAgents(const QStringList &agents);
    void updateCount();
    void updateColumnWidths();

    StoreReader *m_reader = nullptr;
    TenantId m_tenant;
    CallListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_range = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_outcome = nullptr;
    QComboBox *m_agent = nullptr;
    QCheckBox *m_errorsOnly = nullptr;
    QLabel *m_count = nullptr;
    QTimer *m_searchDelay = nullptr;
    QStringList m_agents;
};

} // namespace CallScope
