// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordtable.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>

#include <algorithm>

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

void setUpListTable(QTableView *table, QAbstractItemModel *model, int stretchColumn, int linesPerRow)
{
    setUpRecordTable(table, model);
    table->setWordWrap(linesPerRow > 1);
    table->setTextElideMode(Qt::ElideRight);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    const QFontMetrics metrics = table->fontMetrics();
    table->verticalHeader()->setDefaultSectionSize(
        (linesPerRow > 1 ? linesPerRow * metrics.lineSpacing() : metrics.height()) + 10);
}

void reselectCurrentRow(QTableView *table)
{
    if (const QModelIndex current = table->currentIndex(); current.isValid())
        table->selectionModel()->select(current,
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    else if (table->model()->rowCount() > 0)
        table->setCurrentIndex(table->model()->index(0, 0));
}

void fitListAndDetail(QSplitter *splitter, QTableView *table, int detailAtLeast)
{
    const int total = splitter->height() - splitter->handleWidth();
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int frame = 2 * table->frameWidth();
    const int header = table->horizontalHeader()->height();
    const int wanted = header + frame + std::max(table->model()->rowCount(), 3) * rowHeight;
    const int list = std::clamp(wanted, std::min(header + frame + 3 * rowHeight, total / 2),
                                std::max(0, total - detailAtLeast));
    splitter->setSizes({list, total - list});
}

} // namespace CallScope
