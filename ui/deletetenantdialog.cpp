// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletetenantdialog.h"

#include "callpresentation.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

DeleteTenantDialog::DeleteTenantDialog(const Tenant &tenant, const Counts &counts, QWidget *parent)
    : QDialog(parent)
    , m_slug(tenant.slug)
    , m_confirm(new QLineEdit(this))
    , m_delete(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setObjectName(u"deleteTenantDialog"_s);
    m_confirm->setObjectName(u"deleteTenantConfirmField"_s);
    m_delete->setObjectName(u"deleteTenantButton"_s);
    m_cancel->setObjectName(u"deleteTenantCancelButton"_s);
    setWindowTitle(tr("Delete tenant"));

    auto *heading = new QLabel(question(tenant, counts), this);
    heading->setObjectName(u"deleteTenantQuestion"_s);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    auto *warning = new QLabel(this);
    warning->setText(
        tr("This cannot be undone. Its webhook addresses (/t/%1/…) stop working, and its secrets "
           "stay in the keychain until you remove them.")
            .arg(tenant.slug));
    warning->setWordWrap(true);

    auto *prompt = new QLabel(this);
    prompt->setText(tr("To confirm, type <b>%1</b>:").arg(tenant.slug.toHtmlEscaped()));
    prompt->setTextFormat(Qt::RichText);
    prompt->setBuddy(m_confirm);
    m_confirm->setAccessibleName(tr("The tenant's slug, to confirm"));
    m_confirm->setPlaceholderText(tenant.slug);

    m_cancel->setText(tr("Cancel"));
    m_delete->setText(tr("Delete tenant"));
    m_delete->setAutoDefault(false);
    m_delete->setDefault(false);
    m_cancel->setDefault(true);
    // Red once enabled, so it reads as destructive in every style. Both states share one box, so
    // that the button is measured for its text whatever state it was in when laid out.
    const QColor red = CallPresentation::errorColor(palette());
    m_delete->setStyleSheet(
        u"QPushButton { padding: 4px 14px; border-radius: 3px; border: 1px solid palette(mid); "
        "background: palette(button); }"
        "QPushButton:disabled { color: palette(mid); }"
        "QPushButton:enabled { background: %1; color: white; border-color: %1; }"
        "QPushButton:enabled:hover { background: %2; border-color: %2; }"_s.arg(red.name(),
                                                                                red.darker(115).name()));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_delete);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(warning);
    layout->addSpacing(4);
    layout->addWidget(prompt);
    layout->addWidget(m_confirm);
    layout->addSpacing(4);
    layout->addLayout(buttons);
    setMinimumWidth(500);

    m_delete->setEnabled(false);
    connect(m_confirm, &QLineEdit::textChanged, this, [this] { m_delete->setEnabled(isConfirmed()); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (isConfirmed())
            accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    m_confirm->setFocus();
}

bool DeleteTenantDialog::isConfirmed() const
{
    return m_confirm->text().trimmed() == m_slug;
}

QString DeleteTenantDialog::question(const Tenant &tenant, const Counts &counts)
{
    const QLocale locale;
    QStringList owned;
    if (counts.calls > 0)
        owned << (counts.calls == 1 ? tr("1 call") : tr("%1 calls").arg(locale.toString(counts.calls)));
    if (counts.callbacks > 0)
        owned << (counts.callbacks == 1 ? tr("1 callback request")
                                        : tr("%1 callback requests").arg(locale.toString(counts.callbacks)));
    if (counts.tokens > 0)
        owned << (counts.tokens == 1 ? tr("1 token") : tr("%1 tokens").arg(locale.toString(counts.tokens)));
    if (owned.isEmpty())
        return tr("Delete “%1”? It has no calls yet.").arg(tenant.name);
    QString list = owned.constFirst();
    if (owned.size() == 2)
        list = tr("%1 and %2").arg(owned.at(0), owned.at(1));
    else if (owned.size() == 3)
        list = tr("%1, %2 and %3").arg(owned.at(0), owned.at(1), owned.at(2));
    return tr("Delete “%1” and its %2?").arg(tenant.name, list);
}

} // namespace CallScope
