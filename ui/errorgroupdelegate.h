// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace CallScope {

// Paints the error list's two drawn columns: the error as its code (bold) and function over its
// message (dimmed), and the events per hour as a sparkline of small bars, oldest on the left. Bars
// are scaled to the row's busiest hour and merged when there are more hours than fit; an hour
// without events is a short tick on the baseline, so the window's length stays visible.
class ErrorGroupDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // `series` merged into at most `bars` buckets of neighbouring hours (summed), oldest first.
    static QList<qint64> buckets(const QList<qint64> &series, int bars);

private:
    void paintCell(QPainter *painter, QStyleOptionViewItem &opt, const QModelIndex &index) const;
    void paintError(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintTrend(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
};

} // namespace CallScope
