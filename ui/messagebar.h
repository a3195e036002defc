// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace CallScope {

// A line across the top of a page that says what went wrong or needs a look, and stays until it is
// closed (an error is never lost in a status bar that clears itself). Optionally one action button.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Warning,
        Information
    };

    explicit MessageBar(QWidget *parent = nullptr);

    // Shows the bar; `actionText` adds a button that emits actionTriggered().
    void showMessage(Kind kind, const QString &text, const QString &actionText = {});
    QString text() const;
    Kind kind() const { return m_kind; }
    void retranslateUi();

signals:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateColors();

    Kind m_kind = Kind::Information;
    QLabel *m_symbol;
    QLabel *m_text;
    QToolButton *m_action;
    QToolButton *m_close;
};

} // namespace CallScope
