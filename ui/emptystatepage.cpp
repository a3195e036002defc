// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace CallScope {

EmptyStatePage::EmptyStatePage(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_content(new QVBoxLayout)
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_explanation->setWordWrap(true);
    m_explanation->setObjectName(QStringLiteral("emptyStateExplanation"));
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setMaximumWidth(760);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);
    layout->addWidget(m_title);
    layout->addWidget(m_explanation);
    layout->addSpacing(8);
    layout->addLayout(m_content);
    layout->addStretch(1);
}

void EmptyStatePage::setTexts(const QString &title, const QString &explanation)
{
    m_title->setText(title);
    m_explanation->setText(explanation);
}

void EmptyStatePage::addContent(QWidget *widget)
{
    m_content->addWidget(widget);
}

} // namespace CallScope
