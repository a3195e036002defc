// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include "callpresentation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_symbol(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setObjectName(u"messageBar"_s);
    m_text->setObjectName(u"messageBarText"_s);
    m_action->setObjectName(u"messageBarAction"_s);
    m_close->setObjectName(u"messageBarClose"_s);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setText(u"✕"_s);
    m_close->setAutoRaise(true);
    m_action->hide();
    QFont bold = m_symbol->font();
    bold.setBold(true);
    m_symbol->setFont(bold);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->setSpacing(8);
    layout->addWidget(m_symbol, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_action, &QToolButton::clicked, this, &MessageBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &MessageBar::hide);
    hide();
    retranslateUi();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText)
{
    m_kind = kind;
    m_text->setText(text);
    m_symbol->setText(kind == Kind::Information ? u"ℹ"_s : u"⚠"_s);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    updateColors();
    show();
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::retranslateUi()
{
    m_close->setToolTip(tr("Close this message"));
    m_close->setAccessibleName(tr("Close this message"));
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateColors();
    QFrame::changeEvent(event);
}

void MessageBar::updateColors()
{
    const QPalette pal = palette();
    const QColor accent = m_kind == Kind::Error     ? CallPresentation::errorColor(pal)
                          : m_kind == Kind::Warning ? CallPresentation::warningColor(pal)
                                                    : pal.color(QPalette::Highlight);
    QColor fill = accent;
    fill.setAlphaF(CallPresentation::isDark(pal) ? 0.22f : 0.12f);
    // Only this frame: the labels and buttons inside keep their own look.
    const QString sheet =
        u"QFrame#messageBar { background-color: %1; border: 1px solid %2; border-radius: 4px; }"_s.arg(
            fill.name(QColor::HexArgb), accent.name());
    if (styleSheet() != sheet) // a new sheet changes the palette, which lands here again
        setStyleSheet(sheet);
    QPalette symbol = m_symbol->palette();
    symbol.setColor(QPalette::WindowText, accent);
    m_symbol->setPalette(symbol);
}

} // namespace CallScope
