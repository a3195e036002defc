// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"
#include "storetypes.h"

#include <QDialog>

class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace CallScope {

// Asks how long an error group is ignored: forever (until someone reopens it), until it happens N
// more times, or until a time. OK stays disabled, and the dialog says why, while the choice is not
// valid (N not a positive whole number, a time that is not in the future).
class IgnoreErrorDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Forever,
        MoreEvents,
        Until
    };
    static constexpr qint64 maxMoreEvents = 1'000'000;

    // `nowMs`: what "in the future" is measured against (the view's clock).
    IgnoreErrorDialog(const ErrorGroupRecord &group, qint64 nowMs, QWidget *parent = nullptr);

    qint64 groupId() const { return m_groupId; }
    Mode mode() const;
    void setMode(Mode mode);
    // The limits chosen; valid only while isValid().
    Store::IgnoreLimits limits() const;
    bool isValid() const;
    // Why the choice is not valid yet; empty when it is.
    QString problem() const;

    QLineEdit *countField() const { return m_count; }
    QDateTimeEdit *timeField() const { return m_until; }
    QPushButton *okButton() const;

private:
    std::optional<qint64> moreEvents() const;
    void validate();

    qint64 m_groupId = 0;
    qint64 m_now = 0;
    QRadioButton *m_forever;
    QRadioButton *m_byCount;
    QRadioButton *m_byTime;
    QLineEdit *m_count;
    QLabel *m_countSuffix;
    QDateTimeEdit *m_until;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace CallScope
