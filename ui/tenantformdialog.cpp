// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantformdialog.h"

#include "callpresentation.h"
#include "store.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

// A problem label under its field: red, and as tall as two lines from the start, so that the dialog
// does not jump when one appears.
QLabel *problemLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, CallPresentation::errorColor(parent->palette()));
    label->setPalette(pal);
    return label;
}

void showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem.isEmpty() ? QString() : u"⚠ "_s + problem);
    label->setVisible(!problem.isEmpty());
}

} // namespace

TenantFormDialog::TenantFormDialog(Mode mode, const QList<Tenant> &existing, const Tenant &tenant,
                                   QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_originalName(tenant.name)
    , m_name(new QLineEdit(this))
    , m_nameProblem(problemLabel(u"tenantNameProblem"_s, this))
    , m_slug(new QLineEdit(this))
    , m_slugHint(new QLabel(this))
    , m_slugProblem(problemLabel(u"tenantSlugProblem"_s, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"tenantFormDialog"_s);
    m_name->setObjectName(u"tenantNameField"_s);
    m_slug->setObjectName(u"tenantSlugField"_s);
    m_slugHint->setObjectName(u"tenantSlugHint"_s);
    for (const Tenant &other : existing)
        m_taken.insert(other.slug, other.name);

    auto *heading = new QLabel(this);
    heading->setText(mode == Mode::Create ? tr("New tenant") : tr("Rename “%1”").arg(tenant.name));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    auto *about = new QLabel(this);
    about->setText(
        mode == Mode::Create
            ? tr("A tenant keeps one business's calls, callbacks, errors, secrets and tokens apart "
                 "from the others'.")
            : tr("The name is what CallScope shows. The slug stays as it is, so the webhook "
                 "addresses the providers call do not change."));
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);

    setWindowTitle(mode == Mode::Create ? tr("New tenant") : tr("Rename tenant"));
    m_name->setMaxLength(maxNameLength + 20); // longer input is refused with a message, not cut off
    m_name->setPlaceholderText(tr("e.g. %1").arg(tr("Praxis am Markt")));
    m_name->setAccessibleName(tr("Name"));
    m_slug->setMaxLength(maxSlugLength + 20);
    m_slug->setPlaceholderText(tr("e.g. %1").arg(u"praxis-am-markt"_s));
    m_slug->setAccessibleName(tr("Slug"));
    m_slugHint->setWordWrap(true);
    m_slugHint->setForegroundRole(QPalette::PlaceholderText);
    m_slugHint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *nameColumn = new QVBoxLayout;
    nameColumn->setSpacing(3);
    nameColumn->addWidget(m_name);
    nameColumn->addWidget(m_nameProblem);
    auto *slugColumn = new QVBoxLayout;
    slugColumn->setSpacing(3);
    slugColumn->addWidget(m_slug);
    slugColumn->addWidget(m_slugHint);
    slugColumn->addWidget(m_slugProblem);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(10);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *slugLabel = new QLabel(tr("&Slug:"), this);
    slugLabel->setBuddy(m_slug);
    form->addRow(nameLabel, nameColumn);
    form->addRow(slugLabel, slugColumn);

    okButton()->setText(mode == Mode::Create ? tr("Create") : tr("Rename"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(500);

    if (mode == Mode::Rename) {
        m_name->setText(tenant.name);
        m_name->selectAll();
        m_slug->setText(tenant.slug);
        m_slug->setReadOnly(true);
        m_slug->setFocusPolicy(Qt::NoFocus);
        m_taken.remove(tenant.slug);
    }

    connect(m_name, &QLineEdit::textChanged, this, [this] {
        if (m_mode == Mode::Create && !m_slugEdited)
            m_slug->setText(suggestSlug(m_name->text()));
        validate();
    });
    connect(m_slug, &QLineEdit::textEdited, this, [this] {
        // Emptied, the slug follows the name again.
        m_slugEdited = !m_slug->text().isEmpty();
    });
    connect(m_slug, &QLineEdit::textChanged, this, [this] { validate(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_name->setFocus();
}

QString TenantFormDialog::name() const
{
    return m_name->text().trimmed();
}

QString TenantFormDialog::slug() const
{
    return m_slug->text().trimmed();
}

QString TenantFormDialog::nameProblem() const
{
    if (m_name->text().isEmpty())
        return {}; // nothing typed yet: OK is disabled, nothing to point out
    if (name().isEmpty())
        return tr("Enter a name.");
    if (name().size() > maxNameLength)
        return tr("At most %1 characters (this is %2).").arg(maxNameLength).arg(name().size());
    return {};
}

QString TenantFormDialog::slugProblem() const
{
    if (m_mode == Mode::Rename || slug().isEmpty())
        return {};
    if (!Store::isValidSlug(slug()))
        return tr("Use 1 to %1 lower-case letters (a–z), digits and hyphens.").arg(maxSlugLength);
    if (const auto it = m_taken.constFind(slug()); it != m_taken.constEnd())
        return tr("The tenant “%1” has this slug already.").arg(it.value());
    return {};
}

bool TenantFormDialog::isValid() const
{
    if (name().isEmpty() || !nameProblem().isEmpty())
        return false;
    if (m_mode == Mode::Rename)
        return name() != m_originalName;
    return !slug().isEmpty() && slugProblem().isEmpty();
}

QPushButton *TenantFormDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString TenantFormDialog::suggestSlug(const QString &name)
{
    // German first (ä is ae, not a), then any other accent dropped.
    QString text = name.toLower();
    text.replace(u"ä"_s, u"ae"_s).replace(u"ö"_s, u"oe"_s).replace(u"ü"_s, u"ue"_s).replace(u"ß"_s, u"ss"_s);
    text = text.normalized(QString::NormalizationForm_KD);
    QString slug;
    for (const QChar c : std::as_const(text)) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug += c;
        else if (c.category() == QChar::Mark_NonSpacing)
            continue;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    slug.truncate(maxSlugLength);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

void TenantFormDialog::validate()
{
    showProblem(m_nameProblem, nameProblem());
    const QString slugProblem = this->slugProblem();
    showProblem(m_slugProblem, slugProblem);
    const QString shown = slug().isEmpty() ? tr("<slug>") : slug();
    m_slugHint->setText(
        m_mode == Mode::Create
            ? tr("Part of the tenant's webhook addresses: %1").arg(u"/t/%1/webhooks/…"_s.arg(shown))
            : tr("Webhook addresses: %1").arg(u"/t/%1/webhooks/…"_s.arg(shown)));
    m_slugHint->setVisible(slugProblem.isEmpty());
    okButton()->setEnabled(isValid());
}

} // namespace CallScope
