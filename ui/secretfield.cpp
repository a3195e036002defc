// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretfield.h"

#include "callpresentation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

SecretField::SecretField(const QString &key, QWidget *parent)
    : QWidget(parent)
    , m_key(key)
    , m_state(new QLabel(this))
    , m_value(new QLineEdit(this))
    , m_replace(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_undo(new QPushButton(this))
{
    setObjectName(u"secretField_"_s + key);
    m_state->setObjectName(u"secretState_"_s + key);
    m_value->setObjectName(u"secretValue_"_s + key);
    m_replace->setObjectName(u"secretReplace_"_s + key);
    m_remove->setObjectName(u"secretRemove_"_s + key);
    m_undo->setObjectName(u"secretUndo_"_s + key);
    // Masked, never filled from the store, and not copyable out of the field.
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setClearButtonEnabled(true);
    m_value->setMinimumWidth(220);
    m_state->setTextInteractionFlags(Qt::NoTextInteraction);
    m_state->setWordWrap(true);
    for (QPushButton *button : {m_replace, m_remove, m_undo})
        button->setAutoDefault(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_state, 1);
    layout->addWidget(m_value, 1);
    layout->addWidget(m_replace);
    layout->addWidget(m_remove);
    layout->addWidget(m_undo);

    connect(m_replace, &QPushButton::clicked, this, &SecretField::startEntry);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        m_mode = Action::Remove;
        updateState();
        emit edited();
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        setPending(Action::Keep);
        emit edited();
    });
    connect(m_value, &QLineEdit::textChanged, this, [this] { emit edited(); });
    retranslateUi();
}

void SecretField::setStored(Stored stored, const QString &error)
{
    m_stored = stored;
    m_error = error;
    updateState();
}

SecretField::Action SecretField::action() const
{
    if (m_mode == Action::Replace && newValue().isEmpty())
        return Action::Keep;
    return m_mode;
}

QString SecretField::newValue() const
{
    return m_mode == Action::Replace ? m_value->text().trimmed() : QString();
}

void SecretField::setPending(Action action, const QString &value)
{
    m_mode = action;
    const QSignalBlocker quiet(m_value);
    m_value->setText(action == Action::Replace ? value : QString());
    updateState();
}

void SecretField::setAccessibleName(const QString &name)
{
    QWidget::setAccessibleName(name);
    m_value->setAccessibleName(name);
}

void SecretField::setPlaceholder(const QString &text)
{
    m_value->setPlaceholderText(text);
}

void SecretField::startEntry()
{
    m_mode = Action::Replace;
    updateState();
    m_value->setFocus(Qt::OtherFocusReason);
    emit edited();
}

void SecretField::updateState()
{
    const bool entering = m_mode == Action::Replace;
    const bool removing = m_mode == Action::Remove;
    m_value->setVisible(entering);
    m_state->setVisible(!entering);
    m_replace->setVisible(!entering && !removing);
    m_replace->setEnabled(m_stored != Stored::Reading);
    m_remove->setVisible(!entering && !removing && m_stored == Stored::Set);
    m_undo->setVisible(entering || removing);

    QColor colour = palette().color(QPalette::WindowText);
    QString text;
    QString tip;
    if (removing) {
        text = tr("Will be removed when you save");
        colour = CallPresentation::warningColor(palette());
    } else {
        switch (m_stored) {
        case Stored::Reading:
            text = tr("Checking…");
            colour = palette().color(QPalette::PlaceholderText);
            break;
        case Stored::NotSet:
            text = tr("Not set");
            colour = palette().color(QPalette::PlaceholderText);
            break;
        case Stored::Set:
            text = tr("•••••••• stored");
            tip = tr("Stored securely. It is never shown; replace it to change it.");
            break;
        case Stored::Unreadable:
            text = tr("⚠ Cannot be read: %1").arg(m_error);
            colour = CallPresentation::errorColor(palette());
            break;
        }
    }
    m_state->setText(text);
    m_state->setToolTip(tip);
    QPalette statePalette = m_state->palette();
    statePalette.setColor(QPalette::WindowText, colour);
    m_state->setPalette(statePalette);
    m_replace->setText(m_stored == Stored::Set ? tr("Replace…") : tr("Set…"));
}

void SecretField::retranslateUi()
{
    m_remove->setText(tr("Remove"));
    m_undo->setText(tr("Undo"));
    m_undo->setToolTip(tr("Keep the secret as it is stored"));
    updateState();
}

void SecretField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace CallScope
