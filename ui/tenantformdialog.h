// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace CallScope {

// Asks for a new tenant's name and slug, or for a tenant's new name. The slug follows the name until
// it is edited itself. OK stays disabled, and the dialog says why next to the field, while the input
// is not valid (a slug Store::isValidSlug refuses or one another tenant has, a name too long).
class TenantFormDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Create,
        Rename
    };
    static constexpr int maxNameLength = 100;
    static constexpr int maxSlugLength = 40;

    // `existing`: the tenants there are, by slug (taken slugs are refused with their tenant's name).
    // `tenant`: the one renamed.
    TenantFormDialog(Mode mode, const QList<Tenant> &existing, const Tenant &tenant = {},
                     QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    // The name trimmed, and the slug.
    QString name() const;
    QString slug() const;
    QString nameProblem() const;
    QString slugProblem() const;
    bool isValid() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *slugField() const { return m_slug; }
    QPushButton *okButton() const;

    // "Praxis am Markt" → "praxis-am-markt", "Zahnärzte Müller & Söhne" → "zahnaerzte-mueller-soehne":
    // lower-case a-z, 0-9 and single hyphens, at most 40 characters.
    static QString suggestSlug(const QString &name);

private:
    void validate();

    Mode m_mode;
    QHash<QString, QString> m_taken; // slug → name
    QString m_originalName;
    bool m_slugEdited = false;
    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QLineEdit *m_slug;
    QLabel *m_slugHint;
    QLabel *m_slugProblem;
    QDialogButtonBox *m_buttons;
};

} // namespace CallScope
