// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace CallScope {

// A page with nothing to show yet: a title, a sentence that says what will appear here and how to
// make it appear, and optional content below (e.g. the webhook setup).
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStatePage(QWidget *parent = nullptr);

    void setTexts(const QString &title, const QString &explanation);
    void addContent(QWidget *widget);

private:
    QLabel *m_title;
    QLabel *m_explanation;
    QVBoxLayout *m_content;
};

} // namespace CallScope
