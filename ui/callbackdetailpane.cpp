// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackdetailpane.h"

#include "callbackpresentation.h"
#include "calllistmodel.h"
#include "callpresentation.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString colored(const QString &html, const QColor &color, bool bold = false)
{
    return u"<span style=\"color:%1;%2\">%3</span>"_s.arg(color.name(),
                                                          bold ? u"font-weight:600;"_s : QString(), html);
}

// A fact wraps as a whole, never inside ("2 hand-off | attempts").
QString unbroken(const QString &text)
{
    return escaped(text).replace(u' ', u"&nbsp;"_s);
}

// "petName" and "pet_name" read as "Pet name".
QString keyWords(const QString &key)
{
    QString words;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (c == u'_' || c == u'-') {
            words += u' ';
        } else if (c.isUpper() && i > 0 && key.at(i - 1).isLower()) {
            words += u' ';
            words += c.toLower();
        } else {
            words += c;
        }
    }
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QLabel *textLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

CallbackDetailPane::CallbackDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"callbackDetail"_s);
    auto *left = new QWidget;
    m_number = textLabel(left, u"callbackDetailNumber"_s);
    m_name = textLabel(left, u"callbackDetailName"_s);
    m_facts = textLabel(left, u"callbackDetailFacts"_s);
    m_concernHeading = heading(u"callbackConcernHeading"_s);
    m_concern = textLabel(left, u"callbackDetailConcern"_s);
    m_closingHeading = heading(u"callbackClosingHeading"_s);
    m_closing = textLabel(left, u"callbackDetailClosing"_s);
    m_errorHeading = heading(u"callbackErrorHeading"_s);
    m_error = textLabel(left, u"callbackDetailError"_s);
    m_detailsHeading = heading(u"callbackDetailsHeading"_s);
    m_details = textLabel(left, u"callbackDetailDetails"_s);
    m_historyHeading = heading(u"callbackHistoryHeading"_s);
    m_historyView = new QTextBrowser(this);
    m_historyView->setObjectName(u"callbackHistory"_s);
    m_historyView->setOpenLinks(false);
    m_historyView->setFrameShape(QFrame::StyledPanel);
    m_callsHeading = heading(u"callbackCallsHeading"_s);
    m_callsList = textLabel(this, u"callbackCalls"_s);
    m_callsList->setTextFormat(Qt::RichText);
    m_callsList->setTextInteractionFlags(Qt::TextBrowserInteraction);

    QFont numberFont = m_number->font();
    numberFont.setPointSizeF(numberFont.pointSizeF() * 1.5);
    numberFont.setBold(true);
    m_number->setFont(numberFont);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.15);
    m_name->setFont(nameFont);
    for (QLabel *label : {m_facts, m_details})
        label->setTextFormat(Qt::RichText);
    for (QLabel *label : {m_number, m_name, m_concern, m_closing, m_error})
        label->setTextFormat(Qt::PlainText);

    // Whom to call and why | what the agent collected and what went wrong | what happened so far.
    auto *middle = new QWidget;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_errorHeading, m_error, m_detailsHeading, m_details})
        widget->setParent(middle);
    const auto column = [this](QWidget *content, const QString &name) {
        auto *scroll = new QScrollArea(this);
        scroll->setObjectName(name);
        scroll->setWidget(content);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        return scroll;
    };
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 4, 0);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(m_number);
    leftLayout->addWidget(m_name);
    leftLayout->addSpacing(2);
    leftLayout->addWidget(m_facts);
    for (auto [title, body] :
         {std::pair{m_concernHeading, m_concern}, std::pair{m_closingHeading, m_closing}}) {
        leftLayout->addSpacing(8);
        leftLayout->addWidget(title);
        leftLayout->addWidget(body);
    }
    leftLayout->addStretch(1);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 4, 0);
    middleLayout->setSpacing(4);
    middleLayout->addWidget(m_errorHeading);
    middleLayout->addWidget(m_error);
    middleLayout->addSpacing(8);
    middleLayout->addWidget(m_detailsHeading);
    middleLayout->addWidget(m_details);
    middleLayout->addStretch(1);

    auto *right = new QVBoxLayout;
    right->setSpacing(4);
    right->addWidget(m_historyHeading);
    right->addWidget(m_historyView, 1);
    right->addSpacing(6);
    right->addWidget(m_callsHeading);
    right->addWidget(m_callsList);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(18);
    layout->addWidget(column(left, u"callbackDetailWho"_s), 4);
    layout->addWidget(column(middle, u"callbackDetailFacts"_s), 3);
    layout->addLayout(right, 6);

    connect(m_callsList, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith("call:"_L1))
            emit openCall(link.mid(5).toLongLong());
    });
    retranslateUi();
    clear();
}

QLabel *CallbackDetailPane::heading(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setWordWrap(true);
    return label;
}

void CallbackDetailPane::setRequest(const CallbackRecord &request, const QList<CallbackHistoryEntry> &history,
                                    const QList<CallSummary> &calls, qint64 nowMs)
{
    // The same request again (a refresh): the history stays scrolled where it was read.
    const bool same = m_request && m_request->uuid == request.uuid;
    const int scrolled = m_historyView->verticalScrollBar()->value();
    m_request = request;
    m_history = history;
    m_calls = calls;
    m_now = nowMs;
    render();
    if (same)
        m_historyView->verticalScrollBar()->setValue(scrolled);
}

void CallbackDetailPane::setNow(qint64 nowMs)
{
    if (!m_request || nowMs == m_now)
        return;
    const int scrolled = m_historyView->verticalScrollBar()->value();
    m_now = nowMs;
    render();
    m_historyView->verticalScrollBar()->setValue(scrolled);
}

void CallbackDetailPane::clear()
{
    m_request.reset();
    m_history.clear();
    m_calls.clear();
    render();
}

void CallbackDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CallbackDetailPane::retranslateUi()
{
    m_concernHeading->setText(tr("Concern"));
    m_errorHeading->setText(tr("Why the last hand-off failed"));
    m_detailsHeading->setText(tr("Details"));
    m_historyHeading->setText(tr("History"));
    m_callsHeading->setText(tr("Calls it came from"));
    render();
}

QString CallbackDetailPane::detailsHtml(const QString &detailsJson)
{
    const QJsonDocument document = QJsonDocument::fromJson(detailsJson.toUtf8());
    if (!document.isObject())
        return u"<tt>%1</tt>"_s.arg(escaped(detailsJson));
    const QJsonObject object = document.object();
    QString rows;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? tr("yes") : tr("no");
        else if (value.isDouble())
            text = QLocale().toString(value.toDouble(), 'g', 15);
        else if (value.isNull())
            text = u"—"_s;
        else
            text = QString::fromUtf8(
                QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
        rows += u"<tr><td style=\"padding-right:12px; white-space:nowrap;\">%1</td><td>%2</td></tr>"_s.arg(
            escaped(keyWords(it.key())), escaped(text));
    }
    return u"<table cellspacing=\"0\" cellpadding=\"1\">%1</table>"_s.arg(rows);
}

QString CallbackDetailPane::historyText() const
{
    QStringList lines;
    for (const CallbackHistoryEntry &entry : m_history)
        lines << CallbackPresentation::moment(entry.at, m_now) + u" · "_s +
                     CallbackPresentation::actor(entry) + u" · "_s + CallbackPresentation::historyText(entry);
    return lines.join(u'\n');
}

void CallbackDetailPane::render()
{
    const bool shown = m_request.has_value();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_number, m_name, m_facts, m_concernHeading,
                                                            m_concern, m_historyHeading, m_historyView})
        widget->setVisible(shown);
    if (!shown) {
        for (QWidget *widget :
             std::initializer_list<QWidget *>{m_closingHeading, m_closing, m_errorHeading, m_error,
                                              m_detailsHeading, m_details, m_callsHeading, m_callsList})
            widget->hide();
        m_historyView->clear();
        return;
    }
    const CallbackRecord &r = *m_request;
    const QPalette pal = palette();
    m_number->setText(r.callbackNumber);
    m_name->setText(r.callerName.isEmpty() ? tr("Name not given") : r.callerName);
    m_name->setForegroundRole(r.callerName.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);

    QStringList facts;
    facts << colored(unbroken(CallbackPresentation::urgency(r.urgency)),
                     CallbackPresentation::urgencyColor(r.urgency, pal), r.urgency != Urgency::Normal);
    facts << colored(unbroken(CallbackPresentation::state(r.status)),
                     CallbackPresentation::stateColor(r.status, pal));
    facts << unbroken(
        tr("waiting %1").arg(CallbackPresentation::waited((r.closedAt ? *r.closedAt : m_now) - r.createdAt)));
    if (r.attempts > 0)
        facts << unbroken(r.attempts == 1 ? tr("1 hand-off attempt")
                                          : tr("%n hand-off attempts", nullptr, r.attempts));
    if (const QString next = CallbackPresentation::nextAttempt(r, m_now); !next.isEmpty())
        facts << unbroken(tr("next attempt %1").arg(next));
    m_facts->setText(facts.join(u" &nbsp;· "_s));
    m_facts->setToolTip(CallbackPresentation::stateExplanation(r.status));

    m_concern->setText(r.concern.isEmpty() ? tr("No concern was given.") : r.concern);
    m_concern->setForegroundRole(r.concern.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);

    const bool cancelled = r.status == "cancelled"_L1;
    const bool completed = r.status == "completed"_L1;
    m_closingHeading->setVisible(cancelled || completed);
    m_closing->setVisible(cancelled || completed);
    m_closingHeading->setText(cancelled ? tr("Why it was cancelled") : tr("Outcome"));
    m_closing->setText(cancelled ? r.cancelReason : r.resolutionNote);

    const bool error = !r.lastError.isEmpty() && (r.status == "failed"_L1 || r.status == "dead"_L1);
    m_errorHeading->setVisible(error);
    m_error->setVisible(error);
    m_error->setText(r.lastError);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, CallPresentation::errorColor(pal));
    m_error->setPalette(errorPalette);

    m_detailsHeading->setVisible(true);
    m_details->setVisible(true);
    m_details->setText(r.details.isEmpty() ? u"<span style=\"color:%1;\">%2</span>"_s.arg(
                                                 pal.color(QPalette::PlaceholderText).name(),
                                                 escaped(tr("The agent collected no further details.")))
                                           : detailsHtml(r.details));

    QString rows;
    for (const CallbackHistoryEntry &entry : std::as_const(m_history)) {
        const bool failed = entry.action == "attempt"_L1 && entry.result == "failed"_L1;
        // The first request's concern is the one shown above, unless merges added to it.
        const bool sameConcern = entry.action == "requested"_L1 && entry.detail.endsWith(r.concern);
        const QString what = CallbackPresentation::historyText(entry, !sameConcern);
        rows +=
            u"<tr><td style=\"white-space:nowrap; padding-right:10px; color:%1;\">%2</td>"
            "<td style=\"white-space:nowrap; padding-right:10px;\">%3</td><td width=\"100%\">%4</td></tr>"_s
                .arg(pal.color(QPalette::PlaceholderText).name(),
                     escaped(CallbackPresentation::moment(entry.at, m_now)),
                     escaped(CallbackPresentation::actor(entry)),
                     failed ? colored(escaped(what), CallPresentation::errorColor(pal)) : escaped(what));
    }
    m_historyView->setHtml(
        u"<table cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">%1</table>"_s.arg(rows));

    QStringList calls;
    for (const CallSummary &call : std::as_const(m_calls)) {
        QStringList about{CallbackPresentation::moment(call.startedAt.value_or(call.sortAt), m_now),
                          CallPresentation::provider(call.provider)};
        if (call.durationMs)
            about << CallListModel::durationText(call.durationMs);
        if (call.outcome)
            about << CallPresentation::outcome(*call.outcome);
        calls << u"<a href=\"call:%1\">%2</a>"_s.arg(call.id).arg(
            escaped(tr("Open the call of %1").arg(about.join(u" · "_s))));
    }
    m_callsHeading->setVisible(true);
    m_callsList->setVisible(true);
    m_callsList->setText(calls.isEmpty() ? escaped(tr("The request did not come from a recorded call."))
                                         : calls.join(u"<br>"_s));
}

} // namespace CallScope
