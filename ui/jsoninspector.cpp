// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsoninspector.h"

#include "jsontext.h"

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

JsonInspector::JsonInspector(const QString &textObjectName, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_note(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_text(new QPlainTextEdit(this))
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_title->setTextFormat(Qt::PlainText);
    m_note->setTextFormat(Qt::PlainText);
    m_copy->setObjectName(textObjectName + u"Copy"_s);
    m_copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_copy->setAutoRaise(true);
    m_text->setObjectName(textObjectName);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(int(QFontMetricsF(m_text->font()).lineSpacing() * 2) + 12);
    m_text->installEventFilter(this);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->setSpacing(8);
    top->addWidget(m_title);
    top->addWidget(m_note);
    top->addStretch(1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);

    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_text->toPlainText());
        m_copy->setText(tr("Copied ✓"));
        QTimer::singleShot(1500, this, [this] { retranslateUi(); });
    });
    retranslateUi();
}

void JsonInspector::retranslateUi()
{
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy to the clipboard"));
}

void JsonInspector::setFitToContent(bool fit)
{
    m_fitToContent = fit;
    updateHeight();
}

bool JsonInspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::Resize)
        updateHeight();
    return QWidget::eventFilter(watched, event);
}

// Lines as the view wraps them: the font is fixed-width, so a line's length tells its width.
void JsonInspector::updateHeight()
{
    if (!m_fitToContent) {
        setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    const QFontMetricsF metrics(m_text->font());
    // The widget's own size: its viewport is resized after the event filter saw the resize.
    const double textWidth = m_text->contentsRect().width() - 2 * m_text->document()->documentMargin() - 2;
    const double columns = std::max(1.0, std::floor(textWidth / metrics.horizontalAdvance(u'x')));
    qint64 lines = 0;
    for (QTextBlock block = m_text->document()->begin(); block.isValid(); block = block.next())
        lines += std::max<qint64>(1, qint64(std::ceil(block.length() / columns)));
    const int chrome = 2 * m_text->frameWidth() + int(2 * m_text->document()->documentMargin()) + 4;
    const int text =
        std::max(m_text->minimumHeight(), int(std::ceil(lines * metrics.lineSpacing())) + chrome);
    // The whole block, so that the room it does not need goes to the blocks below.
    setMaximumHeight(text + layout()->spacing() + m_copy->sizeHint().height());
}

void JsonInspector::setTitle(const QString &title)
{
    m_title->setText(title);
}

void JsonInspector::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void JsonInspector::setJson(const QByteArray &json)
{
    setText(prettyJson(json).value_or(QString::fromUtf8(json)));
}

void JsonInspector::setText(const QString &text)
{
    m_text->setPlainText(text);
    m_copy->setEnabled(!text.isEmpty());
    updateHeight();
}

std::optional<QString> JsonInspector::prettyJson(QByteArrayView text)
{
    const std::optional<QJsonValue> value = jsonValue(text.trimmed());
    if (!value)
        return std::nullopt;
    QByteArray pretty;
    if (value->isObject())
        pretty = QJsonDocument(value->toObject()).toJson(QJsonDocument::Indented);
    else if (value->isArray())
        pretty = QJsonDocument(value->toArray()).toJson(QJsonDocument::Indented);
    else
        pretty = jsonText(*value);
    return QString::fromUtf8(pretty).trimmed();
}

} // namespace CallScope
