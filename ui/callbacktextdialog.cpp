// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbacktextdialog.h"

#include "callbackpresentation.h"
#include "callpresentation.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

CallbackTextDialog::CallbackTextDialog(Kind kind, const CallbackRecord &request, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_uuid(request.uuid)
    , m_heading(new QLabel(this))
    , m_about(new QLabel(this))
    , m_fieldLabel(new QLabel(this))
    , m_field(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool cancel = kind == Kind::Cancel;
    setObjectName(cancel ? u"cancelCallbackDialog"_s : u"completeCallbackDialog"_s);
    m_field->setObjectName(u"callbackTextField"_s);
    m_problem->setObjectName(u"callbackTextProblem"_s);
    setWindowTitle(cancel ? tr("Cancel callback") : tr("Mark callback as done"));

    const QString who = CallbackPresentation::who(request);
    m_heading->setText(cancel ? tr("Cancel the callback for %1?").arg(who)
                              : tr("Mark the callback for %1 as done").arg(who));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);

    QStringList about{request.callbackNumber, CallbackPresentation::urgencyWord(request.urgency)};
    if (!request.concern.isEmpty())
        about << request.concern;
    m_about->setText(about.join(u" · "_s));
    m_about->setWordWrap(true);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_fieldLabel->setText(cancel ? tr("&Reason:") : tr("&Outcome:"));
    m_fieldLabel->setBuddy(m_field);
    m_field->setPlaceholderText(cancel ? tr("e.g. the customer called again and was helped")
                                       : tr("e.g. appointment booked for Friday 9:30"));
    m_field->setMaxLength(maxLength * 2); // longer text is refused with a word, not cut silently
    // Room for the example in full, and for a sentence.
    m_field->setMinimumWidth(
        std::max(m_field->fontMetrics().averageCharWidth() * 52,
                 m_field->fontMetrics().horizontalAdvance(m_field->placeholderText()) + 24));
    m_problem->setMinimumHeight(m_problem->fontMetrics().height()); // no jump when it empties

    okButton()->setText(cancel ? tr("Cancel callback") : tr("Mark as done"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Back"));

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(4);
    form->addWidget(m_fieldLabel, 0, 0);
    form->addWidget(m_field, 0, 1);
    form->addWidget(m_problem, 1, 1);
    form->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(m_heading);
    layout->addWidget(m_about);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_buttons);

    connect(m_field, &QLineEdit::textChanged, this, &CallbackTextDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_field->setFocus();
}

QString CallbackTextDialog::text() const
{
    return m_field->text().trimmed();
}

bool CallbackTextDialog::isValid() const
{
    const QString value = text();
    return !value.isEmpty() && value.size() <= maxLength;
}

QPushButton *CallbackTextDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void CallbackTextDialog::validate()
{
    const qsizetype length = text().size();
    // A hint until something was typed; a problem once it was.
    if (!m_field->text().isEmpty())
        m_edited = true;
    QPalette problem = m_problem->palette();
    problem.setColor(QPalette::WindowText, m_edited ? CallPresentation::errorColor(palette())
                                                    : palette().color(QPalette::PlaceholderText));
    m_problem->setPalette(problem);
    if (length == 0)
        m_problem->setText(m_kind == Kind::Cancel ? tr("Required: say why no callback is needed.")
                                                  : tr("Required: say how the callback went."));
    else if (length > maxLength)
        m_problem->setText(tr("Too long: at most %1 characters (now %2).").arg(maxLength).arg(length));
    else
        m_problem->clear();
    okButton()->setEnabled(isValid());
}

} // namespace CallScope
