// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractItemModel;
class QSplitter;
class QTableView;

namespace CallScope {

// A read-only list of records (calls, receipts, callback requests): whole rows, one at a time,
// alternating backgrounds, no grid, never edited in place.
void setUpRecordTable(QTableView *table, QAbstractItemModel *model);

// A list page's table (calls, callbacks, errors) on top of that: scrolled by the pixel, columns
// sized by the user except `stretchColumn`, which takes what the others leave, and rows of a fixed
// height for `linesPerRow` lines of text (several lines wrap, one does not), so no row is measured.
void setUpListTable(QTableView *table, QAbstractItemModel *model, int stretchColumn, int linesPerRow);

// After the rows changed under it: the current row selected again (a removed current row leaves its
// neighbour current but unselected), or the first row made current when there is none.
void reselectCurrentRow(QTableView *table);

// A list above its detail pane: the list as tall as its rows (three at least) while the detail keeps
// `detailAtLeast` pixels.
void fitListAndDetail(QSplitter *splitter, QTableView *table, int detailAtLeast);

} // namespace CallScope
