// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace CallScope {

// Confirms that a tenant is deleted with everything it owns: says what is lost, and asks for the
// tenant's slug to be typed (as GitHub asks for a repository's name) before the destructive button,
// never the default one, is enabled.
class DeleteTenantDialog : public QDialog
{
    Q_OBJECT

public:
    struct Counts
    {
        qint64 calls = 0;
        qint64 callbacks = 0;
        qint64 tokens = 0; // not revoked
    };

    DeleteTenantDialog(const Tenant &tenant, const Counts &counts, QWidget *parent = nullptr);

    const QString &slug() const { return m_slug; }
    bool isConfirmed() const;
    QLineEdit *confirmField() const { return m_confirm; }
    QPushButton *deleteButton() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }
    // "Delete “Praxis am Markt” and its 1,234 calls, 56 callback requests and 3 tokens?"
    static QString question(const Tenant &tenant, const Counts &counts);

private:
    QString m_slug;
    QLineEdit *m_confirm;
    QPushButton *m_delete;
    QPushButton *m_cancel;
};

} // namespace CallScope
