// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace CallScope {

class JsonInspector;

// What the timeline's selected item is, in full: a function with its status, duration, offsets,
// the turn it belongs to and its arguments, result or error as pretty JSON; a turn with its text and
// the functions that ran during it; a marker's fields. Links to related items ask the timeline to
// select them.
class TimelineInspector : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineInspector(QWidget *parent = nullptr);

    // −1 shows the hint.
    void showItem(const CallDetail &detail, int index);
    void retranslateUi();

signals:
    void itemRequested(int index);

private:
    void clear();
    void addFact(const QString &name, const QString &richValue);
    void showFunction(const TimelineItem &item);
    void showTurn(const TimelineItem &item);
    void showMarker(const TimelineItem &item);
    QString itemLink(int index, const QString &text) const;
    void openLink(const QString &link);

    CallDetail m_detail;
    int m_index = -1;
    QLabel *m_hint;
    QLabel *m_title;
    QLabel *m_subtitle;
    QFormLayout *m_facts;
    QLabel *m_related;
    JsonInspector *m_text;
    JsonInspector *m_arguments;
    JsonInspector *m_result;
    JsonInspector *m_error;
};

} // namespace CallScope
