// SPDX-License-Identifier: GPL-3.0-or-later
#include "errordetailpane.h"

#include "callbackpresentation.h"
#include "callpresentation.h"
#include "errorpresentation.h"

#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
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

// A fact wraps as a whole, never inside.
QString unbroken(const QString &text)
{
    return escaped(text).replace(u' ', u"&nbsp;"_s);
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

// A long code ("error_llm_websocket_closed") may wrap after its underscores in the narrow column.
QString breakable(const QString &code)
{
    return escaped(code).replace(u'_', u"_&#8203;"_s);
}

// When an event happened: the time of day today, else the day too.
QString eventTime(qint64 epochMs, qint64 nowMs)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime();
    const QString time = QLocale().toString(at.time(), u"HH:mm:ss"_s);
    if (at.date() == QDateTime::fromMSecsSinceEpoch(nowMs).toLocalTime().date())
        return time;
    return CallbackPresentation::moment(epochMs, nowMs) + u":"_s + at.toString(u"ss"_s);
}

QString callNumber(const CallSummary &call)
{
    return CallPresentation::listNumber(call.direction == "outbound"_L1 ? call.toNumber : call.fromNumber);
}

} // namespace

ErrorDetailPane::ErrorDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"errorDetail"_s);
    auto *left = new QWidget;
    m_code = textLabel(left, u"errorDetailCode"_s);
    m_where = textLabel(left, u"errorDetailWhere"_s);
    m_badges = textLabel(left, u"errorDetailBadges"_s);
    m_message = textLabel(left, u"errorDetailMessage"_s);
    m_facts = textLabel(left, u"errorDetailFacts"_s);
    m_samplesHeading = heading(u"errorSamplesHeading"_s);
    m_samplesNote = textLabel(this, u"errorSamplesNote"_s);
    m_samplesView = new QTextBrowser(this);
    m_samplesView->setObjectName(u"errorSamples"_s);
    m_callsHeading = heading(u"errorCallsHeading"_s);
    m_callsNote = textLabel(this, u"errorCallsNote"_s);
    m_callsView = new QTextBrowser(this);
    m_callsView->setObjectName(u"errorCalls"_s);
    for (QTextBrowser *view : {m_samplesView, m_callsView}) {
        view->setOpenLinks(false);
        view->setFrameShape(QFrame::StyledPanel);
        connect(view, &QTextBrowser::anchorClicked, this, &ErrorDetailPane::openLink);
    }
    for (QLabel *note : {m_samplesNote, m_callsNote})
        note->setForegroundRole(QPalette::PlaceholderText);

    QFont codeFont = m_code->font();
    codeFont.setPointSizeF(codeFont.pointSizeF() * 1.35);
    codeFont.setBold(true);
    m_code->setFont(codeFont);
    m_code->setTextFormat(Qt::RichText);
    for (QLabel *label : {m_badges, m_facts})
        label->setTextFormat(Qt::RichText);
    for (QLabel *label : {m_where, m_message})
        label->setTextFormat(Qt::PlainText);

    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 4, 0);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(m_code);
    leftLayout->addWidget(m_where);
    leftLayout->addSpacing(2);
    leftLayout->addWidget(m_badges);
    leftLayout->addSpacing(6);
    leftLayout->addWidget(m_message);
    leftLayout->addSpacing(6);
    leftLayout->addWidget(m_facts);
    leftLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"errorDetailSummary"_s);
    scroll->setWidget(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    // A heading with a short note beside it (how many), the list, a hint below it (what a click does).
    const auto column = [](QLabel *title, QLabel *note, QTextBrowser *view, QLabel *hint) {
        auto *box = new QVBoxLayout;
        box->setSpacing(4);
        auto *line = new QHBoxLayout;
        line->setSpacing(8);
        line->addWidget(title);
        if (note)
            line->addWidget(note, 1, Qt::AlignBottom);
        else
            line->addStretch(1);
        box->addLayout(line);
        box->addWidget(view, 1);
        if (hint)
            box->addWidget(hint);
        return box;
    };
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(18);
    layout->addWidget(scroll, 4);
    layout->addLayout(column(m_samplesHeading, m_samplesNote, m_samplesView, nullptr), 6);
    layout->addLayout(column(m_callsHeading, nullptr, m_callsView, m_callsNote), 4);

    retranslateUi();
    clear();
}

QLabel *ErrorDetailPane::heading(const QString &objectName)
{
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void ErrorDetailPane::setGroup(const ErrorGroupRecord &group, const QList<ErrorEventRecord> &samples,
                               const QList<CallSummary> &calls, qint64 nowMs)
{
    // The same group again (a refresh): the lists stay scrolled where they were read, the stacks
    // stay unfolded.
    const bool same = m_group && m_group->id == group.id;
    if (!same)
        m_openStacks.clear();
    const int samplesScrolled = m_samplesView->verticalScrollBar()->value();
    const int callsScrolled = m_callsView->verticalScrollBar()->value();
    m_group = group;
    m_samples = samples;
    m_calls = calls;
    m_now = nowMs;
    render();
    if (same) {
        m_samplesView->verticalScrollBar()->setValue(samplesScrolled);
        m_callsView->verticalScrollBar()->setValue(callsScrolled);
    }
}

void ErrorDetailPane::setNow(qint64 nowMs)
{
    if (!m_group || nowMs == m_now)
        return;
    const int scrolled = m_samplesView->verticalScrollBar()->value();
    const int callsScrolled = m_callsView->verticalScrollBar()->value();
    m_now = nowMs;
    render();
    m_samplesView->verticalScrollBar()->setValue(scrolled);
    m_callsView->verticalScrollBar()->setValue(callsScrolled);
}

void ErrorDetailPane::clear()
{
    m_group.reset();
    m_samples.clear();
    m_calls.clear();
    m_openStacks.clear();
    render();
}

std::optional<qint64> ErrorDetailPane::offsetOf(const ErrorEventRecord &event) const
{
    if (event.offsetMs)
        return event.offsetMs;
    if (!event.callId)
        return std::nullopt;
    for (const CallSummary &call : m_calls) {
        if (call.id == *event.callId)
            return std::max<qint64>(0, event.occurredAt - call.startedAt.value_or(call.sortAt));
    }
    return std::nullopt;
}

void ErrorDetailPane::setStackShown(qint64 eventId, bool shown)
{
    if (shown == m_openStacks.contains(eventId))
        return;
    if (shown)
        m_openStacks.insert(eventId);
    else
        m_openStacks.remove(eventId);
    const int scrolled = m_samplesView->verticalScrollBar()->value();
    renderSamples();
    m_samplesView->verticalScrollBar()->setValue(scrolled);
}

void ErrorDetailPane::openLink(const QUrl &url)
{
    // call:<call id>:<event id>, stack:<event id>
    const QStringList parts = url.toString().split(u':');
    if (parts.size() == 3 && parts.at(0) == "call"_L1)
        emit callRequested(parts.at(1).toLongLong(), parts.at(2).toLongLong());
    else if (parts.size() == 2 && parts.at(0) == "stack"_L1)
        setStackShown(parts.at(1).toLongLong(), !isStackShown(parts.at(1).toLongLong()));
}

void ErrorDetailPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        render();
    QWidget::changeEvent(event);
}

void ErrorDetailPane::retranslateUi()
{
    m_samplesHeading->setText(tr("Recent events"));
    m_callsNote->setText(tr("Click a number to see the error on the call's timeline."));
    render();
}

void ErrorDetailPane::render()
{
    const bool shown = m_group.has_value();
    for (QWidget *widget : std::initializer_list<QWidget *>{m_code, m_where, m_badges, m_message, m_facts,
                                                            m_samplesHeading, m_samplesNote, m_samplesView,
                                                            m_callsHeading, m_callsNote, m_callsView})
        widget->setVisible(shown);
    if (!shown) {
        m_samplesView->clear();
        m_callsView->clear();
        return;
    }
    const ErrorGroupRecord &g = *m_group;
    const QPalette pal = palette();
    const QString dim = pal.color(QPalette::PlaceholderText).name();
    m_code->setText(breakable(ErrorPresentation::title(g)));
    QStringList where;
    if (!g.functionName.isEmpty())
        where << tr("in %1").arg(g.functionName);
    where << (g.provider.isEmpty() ? ErrorPresentation::source(g.source)
                                   : ErrorPresentation::provider(g.provider));
    m_where->setText(where.join(u" · "_s));

    QStringList badges;
    badges << colored(unbroken(ErrorPresentation::severity(g.severity)),
                      ErrorPresentation::severityColor(g.severity, pal),
                      ErrorPresentation::severityRank(g.severity) >= 2);
    badges << colored(unbroken(ErrorPresentation::status(g.status)),
                      ErrorPresentation::statusColor(g.status, pal));
    if (g.regression && g.status == "unresolved"_L1)
        badges << colored(unbroken(ErrorPresentation::regression()), CallPresentation::errorColor(pal), true);
    m_badges->setText(badges.join(u" &nbsp;· "_s));
    m_badges->setToolTip(ErrorPresentation::statusExplanation(g));

    m_message->setText(g.message.isEmpty() ? tr("No message was reported.") : g.message);
    m_message->setForegroundRole(g.message.isEmpty() ? QPalette::PlaceholderText : QPalette::WindowText);

    const QLocale locale;
    QList<std::pair<QString, QString>> facts;
    facts.append({tr("Events"), escaped(locale.toString(g.count))});
    facts.append({tr("Calls"), escaped(locale.toString(g.affectedCalls))});
    facts.append(
        {tr("First seen"), escaped(CallbackPresentation::moment(g.firstSeen, m_now)) +
                               colored(escaped(u" · "_s + ErrorPresentation::ago(g.firstSeen, m_now)),
                                       pal.color(QPalette::PlaceholderText))});
    facts.append({tr("Last seen"), escaped(CallbackPresentation::moment(g.lastSeen, m_now)) +
                                       colored(escaped(u" · "_s + ErrorPresentation::ago(g.lastSeen, m_now)),
                                               pal.color(QPalette::PlaceholderText))});
    if (const QString change = ErrorPresentation::change(g, m_now); !change.isEmpty())
        facts.append({tr("Changed"), escaped(change)});
    if (g.status == "ignored"_L1)
        facts.append({tr("Comes back"), escaped(ErrorPresentation::ignoreLimit(g))});
    QString grouped = escaped(ErrorPresentation::source(g.source));
    if (!g.functionName.isEmpty())
        grouped += escaped(u" · "_s + tr("%1 (any version)").arg(g.functionName));
    facts.append({tr("Grouped by"), grouped});
    facts.append({tr("Fingerprint"), u"<span style=\"font-family:'%1';\">%2</span>"_s.arg(
                                         QFontDatabase::systemFont(QFontDatabase::FixedFont).family(),
                                         escaped(g.fingerprint.left(12)))});
    QString rows;
    for (const auto &[name, value] : std::as_const(facts))
        rows +=
            u"<tr><td style=\"padding-right:10px; white-space:nowrap; color:%1;\">%2</td><td>%3</td></tr>"_s
                .arg(dim, escaped(name), value);
    m_facts->setText(u"<table cellspacing=\"0\" cellpadding=\"1\">%1</table>"_s.arg(rows));
    m_facts->setToolTip(tr("Events with the same source, code, function (any version) and message (numbers, "
                           "ids and phone numbers aside) are grouped."));

    renderSamples();
    renderCalls();
}

void ErrorDetailPane::renderSamples()
{
    if (!m_group)
        return;
    const QPalette pal = palette();
    const QString dim = pal.color(QPalette::PlaceholderText).name();
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    const QColor base = pal.color(QPalette::Base);
    const QColor stackBackground = CallPresentation::isDark(pal) ? base.lighter(135) : base.darker(106);
    const qint64 total = m_group->count;
    m_samplesNote->setText(
        m_samples.size() >= total
            ? QString()
            : tr("the %1 most recent of %2").arg(m_samples.size()).arg(locale().toString(total)));

    QString html;
    for (const ErrorEventRecord &event : std::as_const(m_samples)) {
        QStringList about;
        if (!event.type.isEmpty())
            about << u"<b>%1</b>"_s.arg(escaped(event.type));
        if (!event.functionName.isEmpty())
            about << escaped(event.functionName);
        if (!event.provider.isEmpty())
            about << escaped(ErrorPresentation::provider(event.provider));
        if (event.callId) {
            const auto offset = offsetOf(event);
            const QString text =
                offset ? tr("call at %1").arg(CallPresentation::offset(*offset)) : tr("open the call");
            about << u"<a href=\"call:%1:%2\">%3</a>"_s.arg(*event.callId).arg(event.id).arg(unbroken(text));
        } else {
            about << colored(escaped(tr("no call")), pal.color(QPalette::PlaceholderText));
        }
        QString body = escaped(event.message.isEmpty() ? tr("No message was reported.") : event.message);
        if (!event.stack.isEmpty()) {
            const bool open = m_openStacks.contains(event.id);
            body += u"<br><a href=\"stack:%1\">%2</a>"_s.arg(event.id).arg(
                escaped(open ? tr("▾ Hide the stack trace") : tr("▸ Show the stack trace")));
            if (open)
                body +=
                    u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"6\" style=\"margin-top:4px;\">"
                    "<tr><td bgcolor=\"%1\"><pre style=\"font-family:'%2'; margin:0; "
                    "white-space:pre-wrap;\">%3</pre></td></tr>"
                    "</table>"_s.arg(stackBackground.name(), mono, escaped(event.stack));
        }
        about.prepend(
            colored(unbroken(eventTime(event.occurredAt, m_now)), pal.color(QPalette::PlaceholderText)));
        html += u"<tr><td width=\"100%\">%1<br>%2</td></tr>"
                "<tr><td style=\"font-size:4pt;\">&nbsp;</td></tr>"_s.arg(about.join(u" · "_s), body);
    }
    if (m_samples.isEmpty())
        html =
            u"<tr><td style=\"color:%1;\">%2</td></tr>"_s.arg(dim, escaped(tr("No events are kept for it.")));
    m_samplesView->setHtml(
        u"<table cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">%1</table>"_s.arg(html));
}

void ErrorDetailPane::renderCalls()
{
    if (!m_group)
        return;
    const QPalette pal = palette();
    const QString dim = pal.color(QPalette::PlaceholderText).name();
    // The newest event of the group on each call, to open the call at.
    QHash<qint64, qint64> latestEvent;
    for (const ErrorEventRecord &event : std::as_const(m_samples)) {
        if (event.callId && !latestEvent.contains(*event.callId))
            latestEvent.insert(*event.callId, event.id);
    }
    // The caller's number (the link) and when, over the agent and the platform.
    QString rows;
    for (const CallSummary &call : std::as_const(m_calls)) {
        const QString number = callNumber(call);
        QStringList about;
        if (!call.agent.isEmpty())
            about << call.agent;
        about << CallPresentation::provider(call.provider);
        rows += u"<tr><td width=\"100%\"><a href=\"call:%1:%2\">%3</a>"
                "<span style=\"color:%4;\"> · %5<br>%6</span></td></tr>"
                "<tr><td style=\"font-size:3pt;\">&nbsp;</td></tr>"_s.arg(call.id)
                    .arg(latestEvent.value(call.id, 0))
                    .arg(unbroken(number.isEmpty() ? tr("unknown number") : number), dim,
                         unbroken(CallbackPresentation::moment(call.startedAt.value_or(call.sortAt), m_now)),
                         escaped(about.join(u" · "_s)));
    }
    if (m_calls.isEmpty())
        rows = u"<tr><td style=\"color:%1;\">%2</td></tr>"_s.arg(
            dim,
            escaped(
                tr("It did not happen on a recorded call (e.g. a delivery that could not be attributed).")));
    m_callsView->setHtml(u"<table cellspacing=\"0\" cellpadding=\"1\" width=\"100%\">%1</table>"_s.arg(rows));
    m_callsHeading->setText(m_calls.size() >= m_group->affectedCalls
                                ? tr("Calls it happened on")
                                : tr("The %1 latest calls it happened on").arg(m_calls.size()));
    m_callsNote->setVisible(!m_calls.isEmpty());
}

} // namespace CallScope
