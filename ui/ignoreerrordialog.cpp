// SPDX-License-Identifier: GPL-3.0-or-later
#include "ignoreerrordialog.h"

#include "callpresentation.h"
#include "errorpresentation.h"

#include <QButtonGroup>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

IgnoreErrorDialog::IgnoreErrorDialog(const ErrorGroupRecord &group, qint64 nowMs, QWidget *parent)
    : QDialog(parent)
    , m_groupId(group.id)
    , m_now(nowMs)
    , m_forever(new QRadioButton(this))
    , m_byCount(new QRadioButton(this))
    , m_byTime(new QRadioButton(this))
    , m_count(new QLineEdit(this))
    , m_countSuffix(new QLabel(this))
    , m_until(new QDateTimeEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"ignoreErrorDialog"_s);
    m_forever->setObjectName(u"ignoreForever"_s);
    m_byCount->setObjectName(u"ignoreUntilCount"_s);
    m_byTime->setObjectName(u"ignoreUntilTime"_s);
    m_count->setObjectName(u"ignoreCountField"_s);
    m_until->setObjectName(u"ignoreTimeField"_s);
    m_problem->setObjectName(u"ignoreProblem"_s);
    setWindowTitle(tr("Ignore error"));

    auto *heading = new QLabel(this);
    const QString code = ErrorPresentation::title(group);
    heading->setText(tr("Ignore “%1”?").arg(code));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    heading->setWordWrap(true);

    auto *about = new QLabel(this);
    QStringList facts;
    if (!group.functionName.isEmpty())
        facts << group.functionName;
    facts << (group.count == 1 ? tr("1 event") : tr("%n events", nullptr, int(group.count)));
    facts << tr("last seen %1").arg(ErrorPresentation::ago(group.lastSeen, nowMs));
    about->setText(facts.join(u" · "_s) + u'\n' + group.message);
    about->setWordWrap(true);
    about->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *explanation = new QLabel(this);
    explanation->setText(tr("An ignored error is still counted, but it is not listed as unresolved and "
                            "raises no alerts."));
    explanation->setWordWrap(true);
    explanation->setForegroundRole(QPalette::PlaceholderText);

    m_forever->setText(tr("&Forever, until someone reopens it"));
    m_byCount->setText(tr("Until it &happens"));
    m_countSuffix->setText(tr("more times"));
    m_byTime->setText(tr("&Until"));
    m_count->setPlaceholderText(tr("e.g. %1").arg(QLocale().toString(100)));
    m_count->setAccessibleName(tr("How many more times"));
    m_count->setMaxLength(12);
    m_count->setFixedWidth(m_count->fontMetrics().horizontalAdvance(u"0000000000"_s) + 16);
    m_until->setAccessibleName(tr("Ignore until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // Tomorrow at this time: a day is the usual "let me look at it later".
    m_until->setDateTime(QDateTime::fromMSecsSinceEpoch(nowMs + 24 * 3'600'000LL).toLocalTime());
    m_problem->setWordWrap(true);
    m_problem->setMinimumHeight(m_problem->fontMetrics().height() * 2); // no jump when it changes

    auto *modes = new QButtonGroup(this);
    modes->addButton(m_forever);
    modes->addButton(m_byCount);
    modes->addButton(m_byTime);
    m_forever->setChecked(true);

    auto *choices = new QGridLayout;
    choices->setHorizontalSpacing(8);
    choices->setVerticalSpacing(6);
    choices->addWidget(m_forever, 0, 0, 1, 3);
    choices->addWidget(m_byCount, 1, 0);
    choices->addWidget(m_count, 1, 1);
    choices->addWidget(m_countSuffix, 1, 2);
    choices->addWidget(m_byTime, 2, 0);
    choices->addWidget(m_until, 2, 1, 1, 2, Qt::AlignLeft);
    choices->setColumnStretch(2, 1);

    okButton()->setText(tr("Ignore"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Back"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(about);
    layout->addWidget(explanation);
    layout->addSpacing(4);
    layout->addLayout(choices);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    connect(modes, &QButtonGroup::buttonToggled, this, [this] { validate(); });
    connect(m_count, &QLineEdit::textChanged, this, [this] {
        if (!m_count->text().isEmpty())
            m_byCount->setChecked(true);
        validate();
    });
    connect(m_until, &QDateTimeEdit::dateTimeChanged, this, [this] {
        if (m_until->hasFocus())
            m_byTime->setChecked(true);
        validate();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isValid())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_forever->setFocus();
}

IgnoreErrorDialog::Mode IgnoreErrorDialog::mode() const
{
    if (m_byCount->isChecked())
        return Mode::MoreEvents;
    if (m_byTime->isChecked())
        return Mode::Until;
    return Mode::Forever;
}

void IgnoreErrorDialog::setMode(Mode mode)
{
    (mode == Mode::MoreEvents ? m_byCount : mode == Mode::Until ? m_byTime : m_forever)->setChecked(true);
}

std::optional<qint64> IgnoreErrorDialog::moreEvents() const
{
    const QString text = m_count->text().trimmed();
    bool ok = false;
    qint64 value = QLocale().toLongLong(text, &ok);
    if (!ok)
        value = text.toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

Store::IgnoreLimits IgnoreErrorDialog::limits() const
{
    Store::IgnoreLimits limits;
    if (mode() == Mode::MoreEvents)
        limits.moreEvents = moreEvents();
    else if (mode() == Mode::Until)
        limits.untilMs = m_until->dateTime().toMSecsSinceEpoch();
    return limits;
}

QString IgnoreErrorDialog::problem() const
{
    switch (mode()) {
    case Mode::Forever:
        return {};
    case Mode::MoreEvents: {
        if (m_count->text().trimmed().isEmpty())
            return tr("Say how many more times it may happen before it comes back.");
        const auto more = moreEvents();
        if (!more || *more < 1)
            return tr("“%1” is not a number of times: enter a whole number greater than 0.")
                .arg(m_count->text().trimmed());
        if (*more > maxMoreEvents)
            return tr("At most %1 more times.").arg(QLocale().toString(maxMoreEvents));
        return {};
    }
    case Mode::Until:
        if (m_until->dateTime().toMSecsSinceEpoch() <= m_now)
            return tr("Choose a time in the future.");
        return {};
    }
    return {};
}

bool IgnoreErrorDialog::isValid() const
{
    return problem().isEmpty();
}

QPushButton *IgnoreErrorDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void IgnoreErrorDialog::validate()
{
    const QString why = problem();
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, CallPresentation::errorColor(palette()));
    m_problem->setPalette(pal);
    m_problem->setText(why.isEmpty() ? QString() : u"⚠ "_s + why);
    okButton()->setEnabled(why.isEmpty());
}

} // namespace CallScope
