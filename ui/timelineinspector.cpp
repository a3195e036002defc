// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineinspector.h"

#include "callpresentation.h"
#include "jsoninspector.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QString coloured(const QString &text, const QColor &color, bool bold = true)
{
    return u"<span style=\"color:%1;%2\">%3</span>"_s.arg(
        color.name(), bold ? u"font-weight:600;"_s : QString(), text.toHtmlEscaped());
}

QString quoted(const QString &text, int maxLength = 90)
{
    const QString simple = text.simplified();
    return u"“"_s + (simple.size() > maxLength ? simple.left(maxLength - 1) + u'…' : simple) + u"”"_s;
}

} // namespace

TimelineInspector::TimelineInspector(QWidget *parent)
    : QWidget(parent)
    , m_hint(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_facts(new QFormLayout)
    , m_related(new QLabel(this))
    , m_text(new JsonInspector(u"inspectorText"_s, this))
    , m_arguments(new JsonInspector(u"inspectorArguments"_s, this))
    , m_result(new JsonInspector(u"inspectorResult"_s, this))
    , m_error(new JsonInspector(u"inspectorError"_s, this))
{
    setObjectName(u"timelineInspector"_s);
    setMinimumWidth(260);
    m_hint->setObjectName(u"inspectorHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_title->setObjectName(u"inspectorTitle"_s);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Function names and error codes come from webhooks: never markup.
    m_title->setTextFormat(Qt::PlainText);
    m_hint->setTextFormat(Qt::PlainText);
    m_subtitle->setObjectName(u"inspectorSubtitle"_s);
    m_subtitle->setTextFormat(Qt::RichText);
    m_related->setObjectName(u"inspectorRelated"_s);
    m_related->setTextFormat(Qt::RichText);
    m_related->setWordWrap(true);
    m_related->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_facts->setLabelAlignment(Qt::AlignLeft);
    m_facts->setHorizontalSpacing(14);
    m_facts->setVerticalSpacing(5);
    m_facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addWidget(m_hint, 1);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addLayout(m_facts);
    layout->addWidget(m_text, 2);
    layout->addWidget(m_related);
    layout->addWidget(m_arguments, 2);
    layout->addWidget(m_result, 2);
    layout->addWidget(m_error, 2);
    layout->addStretch(1);
    for (JsonInspector *block : {m_text, m_arguments, m_result, m_error})
        block->setFitToContent(true);

    connect(m_related, &QLabel::linkActivated, this, &TimelineInspector::openLink);
    showItem(CallDetail(), -1);
}

void TimelineInspector::retranslateUi()
{
    for (JsonInspector *block : {m_text, m_arguments, m_result, m_error})
        block->retranslateUi();
    showItem(m_detail, m_index);
}

QString TimelineInspector::itemLink(int index, const QString &text) const
{
    return u"<a href=\"item:%1\">%2</a>"_s.arg(index).arg(text.toHtmlEscaped());
}

void TimelineInspector::openLink(const QString &link)
{
    if (link.startsWith("item:"_L1))
        emit itemRequested(link.mid(5).toInt());
}

void TimelineInspector::clear()
{
    while (m_facts->rowCount() > 0)
        m_facts->removeRow(0);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_title, m_subtitle, m_related, m_text,
                                                            m_arguments, m_result, m_error})
        widget->hide();
    m_related->clear();
}

void TimelineInspector::addFact(const QString &name, const QString &richValue)
{
    auto *label = new QLabel(name, this);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(richValue, this);
    value->setTextFormat(Qt::RichText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(value, &QLabel::linkActivated, this, &TimelineInspector::openLink);
    m_facts->addRow(label, value);
    label->show();
    value->show();
}

void TimelineInspector::showItem(const CallDetail &detail, int index)
{
    m_detail = detail;
    m_index = index >= 0 && index < detail.items.size() ? index : -1;
    clear();
    m_hint->setVisible(m_index < 0);
    m_hint->setText(
        tr("Select a function call, a turn or a marker on the timeline to see it in full here.\n\n"
           "Up and Down walk through the call; Ctrl+wheel zooms."));
    if (m_index < 0)
        return;
    m_title->show();
    const TimelineItem &item = detail.items.at(m_index);
    switch (item.kind) {
    case TimelineItem::Kind::Function:
        showFunction(item);
        break;
    case TimelineItem::Kind::Transcript:
        showTurn(item);
        break;
    default:
        showMarker(item);
        break;
    }
}

void TimelineInspector::showFunction(const TimelineItem &item)
{
    const TraceRecord &trace = item.trace;
    m_title->setText(trace.name.isEmpty() ? tr("Unnamed function") : trace.name);
    const QColor color = CallPresentation::functionStatusColor(trace.status, palette());
    m_subtitle->setText(coloured(CallPresentation::functionStatus(trace.status), color));
    m_subtitle->show();

    const auto duration = CallPresentation::functionDuration(trace);
    addFact(tr("Duration"),
            duration ? CallPresentation::duration(*duration).toHtmlEscaped()
                     : (trace.status == FunctionStatus::Pending ? tr("still running") : tr("not reported")));
    const auto start = CallPresentation::functionStart(trace);
    addFact(tr("Started"), start ? CallPresentation::offset(*start, 100) : tr("not reported"));
    addFact(tr("Ended"),
            trace.endOffsetMs ? CallPresentation::offset(*trace.endOffsetMs, 100) : tr("not yet"));
    const int turn = m_detail.turnOf(m_index);
    if (turn >= 0) {
        const TimelineItem &t = m_detail.items.at(turn);
        addFact(
            tr("During"),
            itemLink(
                turn,
                tr("%1 at %2").arg(CallPresentation::role(t.role), CallPresentation::offset(t.offsetMs))) +
                u"<br>"_s + quoted(t.text).toHtmlEscaped());
    } else {
        addFact(tr("During"), tr("before the first turn"));
    }
    if (!trace.toolCallId.isEmpty())
        addFact(tr("Tool call id"), u"<code>%1</code>"_s.arg(trace.toolCallId.toHtmlEscaped()));

    m_arguments->setTitle(tr("Arguments"));
    m_arguments->setNote(trace.argumentsJson.isEmpty() ? tr("not reported") : QString());
    m_arguments->setJson(trace.argumentsJson);
    m_arguments->show();
    const bool failed = trace.status == FunctionStatus::Error || trace.status == FunctionStatus::Timeout;
    if (!trace.resultJson.isEmpty() || trace.status == FunctionStatus::Success) {
        m_result->setTitle(tr("Result"));
        m_result->setNote(trace.resultJson.isEmpty() ? tr("not reported") : QString());
        m_result->setJson(trace.resultJson);
        m_result->show();
    }
    if (!trace.errorJson.isEmpty() || failed) {
        m_error->setTitle(trace.status == FunctionStatus::Timeout ? tr("Error (timed out)") : tr("Error"));
        m_error->setNote(trace.errorJson.isEmpty() ? tr("not reported") : QString());
        m_error->setJson(trace.errorJson);
        m_error->show();
    }
}

void TimelineInspector::showTurn(const TimelineItem &item)
{
    m_title->setText(CallPresentation::role(item.role));
    QString when = CallPresentation::offset(item.offsetMs, 100);
    if (item.endOffsetMs)
        when = tr("%1 to %2 (%3)")
                   .arg(when, CallPresentation::offset(*item.endOffsetMs, 100),
                        CallPresentation::duration(*item.endOffsetMs - item.offsetMs));
    m_subtitle->setText(when.toHtmlEscaped());
    m_subtitle->show();
    m_text->setTitle(tr("What was said"));
    m_text->setNote(QString());
    m_text->setText(item.text);
    m_text->show();

    const QList<int> functions = m_detail.functionsDuring(m_index);
    QStringList lines;
    for (const int index : functions) {
        const TraceRecord &trace = m_detail.items.at(index).trace;
        const QColor color = CallPresentation::functionStatusColor(trace.status, palette());
        QString line = coloured(CallPresentation::functionStatusSymbol(trace.status), color) + u' ' +
                       itemLink(index, trace.name.isEmpty() ? tr("unnamed function") : trace.name);
        if (const auto duration = CallPresentation::functionDuration(trace))
            line += u" · "_s + CallPresentation::duration(*duration).toHtmlEscaped();
        line += u" · "_s + coloured(CallPresentation::functionStatusWord(trace.status), color, false);
        lines << line;
    }
    m_related->setText(u"<b>%1</b><br>%2"_s.arg(
        functions.isEmpty()
            ? tr("No function ran during this turn.").toHtmlEscaped()
            : tr("Functions that ran during this turn (%1):").arg(functions.size()).toHtmlEscaped(),
        lines.join(u"<br>"_s)));
    m_related->show();
}

void TimelineInspector::showMarker(const TimelineItem &item)
{
    const QString at = CallPresentation::offset(item.offsetMs, 100);
    switch (item.kind) {
    case TimelineItem::Kind::Error: {
        m_title->setText(item.code.isEmpty() ? tr("Error") : tr("Error %1").arg(item.code));
        m_subtitle->setText(coloured(tr("◆ error at %1").arg(at), CallPresentation::errorColor(palette())));
        m_subtitle->show();
        if (!item.severity.isEmpty())
            addFact(tr("Severity"), item.severity.toHtmlEscaped());
        if (!item.code.isEmpty())
            addFact(tr("Code"), u"<code>%1</code>"_s.arg(item.code.toHtmlEscaped()));
        m_text->setTitle(tr("Message"));
        m_text->setNote(item.message.isEmpty() ? tr("not reported") : QString());
        m_text->setText(item.message);
        m_text->show();
        break;
    }
    case TimelineItem::Kind::Status:
        m_title->setText(tr("Call status: %1").arg(CallPresentation::callStatus(item.status)));
        m_subtitle->setText(tr("at %1").arg(at).toHtmlEscaped());
        m_subtitle->show();
        if (!item.reason.isEmpty())
            addFact(tr("Reason"), item.reason.toHtmlEscaped());
        break;
    case TimelineItem::Kind::Flow:
        m_title->setText(tr("Flow transition"));
        m_subtitle->setText(tr("at %1").arg(at).toHtmlEscaped());
        m_subtitle->show();
        addFact(tr("From"), item.from.isEmpty() ? tr("start") : item.from.toHtmlEscaped());
        addFact(tr("To"), item.to.toHtmlEscaped());
        if (!item.status.isEmpty())
            addFact(tr("Transfer"), item.status.toHtmlEscaped());
        if (!item.text.isEmpty())
            addFact(tr("Destination"), item.text.toHtmlEscaped());
        break;
    default:
        m_title->setText(tr("Note"));
        m_subtitle->setText(tr("at %1").arg(at).toHtmlEscaped());
        m_subtitle->show();
        m_text->setTitle(tr("Text"));
        m_text->setNote(QString());
        m_text->setText(item.text);
        m_text->show();
        break;
    }
}

} // namespace CallScope
