// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace CallScope {

// Asks why a callback request is cancelled, or how it ended when it is marked done. The text is
// required: OK stays disabled, and the field says what is missing, until there is one.
class CallbackTextDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind
    {
        Cancel,
        Complete
    };
    static constexpr int maxLength = 500;

    CallbackTextDialog(Kind kind, const CallbackRecord &request, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    const QString &requestUuid() const { return m_uuid; }
    // The reason or note, trimmed.
    QString text() const;
    bool isValid() const;
    QLineEdit *field() const { return m_field; }
    QPushButton *okButton() const;

private:
    void validate();

    Kind m_kind;
    QString m_uuid;
    bool m_edited = false;
    QLabel *m_heading;
    QLabel *m_about;
    QLabel *m_fieldLabel;
    QLineEdit *m_field;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace CallScope
