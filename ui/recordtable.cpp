// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordtable.h"

#include <QTableView>

namespace CallScope {

void setUpRecordTable(QTableView *table, QAbstractItemModel *model)
{
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
}

} // namespace CallScope
