// SPDX-License-Identifier: GPL-3.0-or-later
#include "errorgroupdelegate.h"

#include "errorgroupmodel.h"
#include "errorpresentation.h"

#include <QApplication>
#include <QPainter>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr int paddingH = 6;
constexpr int paddingV = 6;

QColor withAlpha(QColor color, qreal alpha)
{
    color.setAlphaF(float(alpha));
    return color;
}

} // namespace

QList<qint64> ErrorGroupDelegate::buckets(const QList<qint64> &series, int bars)
{
    if (bars <= 0 || series.size() <= bars)
        return series;
    const qsizetype perBar = (series.size() + bars - 1) / bars;
    // Merged from the newest hour back: the last bar is always whole hours up to now.
    QList<qint64> merged;
    for (qsizetype end = series.size(); end > 0; end -= perBar) {
        qint64 sum = 0;
        for (qsizetype i = std::max<qsizetype>(0, end - perBar); i < end; ++i)
            sum += series.at(i);
        merged.prepend(sum);
    }
    return merged;
}

void ErrorGroupDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    if (index.column() == ErrorGroupModel::Error)
        paintError(painter, option, index);
    else if (index.column() == ErrorGroupModel::Trend)
        paintTrend(painter, option, index);
    else
        QStyledItemDelegate::paint(painter, option, index);
}

QSize ErrorGroupDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == ErrorGroupModel::Trend)
        return QSize(24 * 4 + 2 * paddingH, option.fontMetrics.height() * 2);
    return QStyledItemDelegate::sizeHint(option, index);
}

// The background, selection and focus as the style draws them, without text.
void ErrorGroupDelegate::paintCell(QPainter *painter, QStyleOptionViewItem &opt,
                                   const QModelIndex &index) const
{
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
}

void ErrorGroupDelegate::paintError(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    paintCell(painter, opt, index);
    const auto group = index.data(ErrorGroupModel::RecordRole).value<ErrorGroupRecord>();
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup colorGroup =
        opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor text = opt.palette.color(colorGroup, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim =
        selected ? withAlpha(text, 0.8) : opt.palette.color(colorGroup, QPalette::PlaceholderText);

    const QRect area = opt.rect.adjusted(paddingH, 3, -paddingH, -3);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(opt.font);
    const int lineHeight = metrics.lineSpacing();
    const int top = area.top() + std::max(0, (area.height() - 2 * lineHeight) / 2);

    const QString code = ErrorPresentation::title(group);
    const QString function = group.functionName.isEmpty() ? QString() : u" · "_s + group.functionName;
    painter->save();
    painter->setClipRect(area);
    const QString shownCode = boldMetrics.elidedText(code, Qt::ElideRight, area.width());
    painter->setFont(bold);
    painter->setPen(text);
    const QRect first(area.left(), top, area.width(), lineHeight);
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter, shownCode);
    const int codeWidth = boldMetrics.horizontalAdvance(shownCode);
    if (!function.isEmpty() && codeWidth < area.width()) {
        painter->setFont(opt.font);
        painter->drawText(QRect(area.left() + codeWidth, top, area.width() - codeWidth, lineHeight),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(function, Qt::ElideRight, area.width() - codeWidth));
    }
    painter->setFont(opt.font);
    painter->setPen(dim);
    painter->drawText(QRect(area.left(), top + lineHeight, area.width(), lineHeight),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(group.message.simplified(), Qt::ElideRight, area.width()));
    painter->restore();
}

void ErrorGroupDelegate::paintTrend(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem opt(option);
    paintCell(painter, opt, index);
    const QList<qint64> series = index.data(ErrorGroupModel::TrendRole).value<QList<qint64>>();
    if (series.isEmpty())
        return;
    const QString severity = index.data(ErrorGroupModel::SeverityRole).toString();
    const bool unresolved = index.data(ErrorGroupModel::StatusRole).toString() == "unresolved"_L1;
    const bool selected = opt.state & QStyle::State_Selected;

    const QRectF area = QRectF(opt.rect).adjusted(paddingH, paddingV, -paddingH, -paddingV);
    if (area.width() < 8 || area.height() < 6)
        return;
    // At least 3 px per bar with its gap: a month of hours becomes bars of several hours.
    const QList<qint64> bars = buckets(series, std::max(1, int(area.width() / 3)));
    const qint64 busiest = *std::max_element(bars.cbegin(), bars.cend());
    const qreal slot = area.width() / bars.size();
    const qreal gap = slot >= 5 ? 1.5 : (slot >= 3 ? 1.0 : 0.0);
    const qreal width = std::max<qreal>(1.0, slot - gap);

    QColor bar;
    if (selected)
        bar = opt.palette.color(QPalette::HighlightedText);
    else if (!unresolved)
        bar = opt.palette.color(QPalette::PlaceholderText);
    else if (ErrorPresentation::severityRank(severity) >= 2)
        bar = ErrorPresentation::severityColor(severity, opt.palette);
    else
        bar = withAlpha(opt.palette.color(QPalette::Text), 0.65);
    const QColor tick = withAlpha(selected ? bar : opt.palette.color(QPalette::PlaceholderText), 0.45);

    painter->save();
    painter->setPen(Qt::NoPen);
    for (int i = 0; i < bars.size(); ++i) {
        const qreal x = area.left() + i * slot;
        const qint64 count = bars.at(i);
        if (count <= 0 || busiest <= 0) {
            painter->setBrush(tick);
            painter->drawRect(QRectF(x, area.bottom() - 1, width, 1));
            continue;
        }
        // A single event is still a visible bar.
        const qreal height = std::max<qreal>(2.0, area.height() * qreal(count) / qreal(busiest));
        painter->setBrush(bar);
        painter->drawRect(QRectF(x, area.bottom() - height, width, height));
    }
    painter->restore();
}

} // namespace CallScope
