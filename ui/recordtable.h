// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QAbstractItemModel;
class QTableView;

namespace CallScope {

// A read-only list of records (calls, receipts, callback requests): whole rows, one at a time,
// alternating backgrounds, no grid, never edited in place.
void setUpRecordTable(QTableView *table, QAbstractItemModel *model);

} // namespace CallScope
