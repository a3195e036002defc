// SPDX-License-Identifier: GPL-3.0-or-later
#include "newtokendialog.h"

#include "callpresentation.h"

#include <QButtonGroup>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

QLabel *headingLabel(QWidget *parent)
{
    auto *heading = new QLabel(parent);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    heading->setFont(font);
    heading->setWordWrap(true);
    return heading;
}

QLabel *explanationLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

NewTokenDialog::NewTokenDialog(Store *store, const Tenant &tenant, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_tenant(tenant)
    , m_pages(new QStackedWidget(this))
    , m_ingest(new QRadioButton(this))
    , m_read(new QRadioButton(this))
    , m_label(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_create(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_shownHeading(headingLabel(this))
    , m_usage(explanationLabel(this))
    , m_tokenField(new QLineEdit(this))
    , m_copy(new QPushButton(this))
    , m_done(new QPushButton(this))
{
    setObjectName(u"newTokenDialog"_s);
    m_ingest->setObjectName(u"tokenScopeIngest"_s);
    m_read->setObjectName(u"tokenScopeRead"_s);
    m_label->setObjectName(u"tokenLabelField"_s);
    m_problem->setObjectName(u"tokenProblem"_s);
    m_create->setObjectName(u"createTokenButton"_s);
    m_tokenField->setObjectName(u"tokenField"_s);
    m_copy->setObjectName(u"copyTokenButton"_s);
    m_done->setObjectName(u"tokenDoneButton"_s);
    setWindowTitle(tr("New API token"));

    // The first page: what the token is for.
    auto *createPage = new QWidget(m_pages);
    auto *heading = headingLabel(createPage);
    heading->setText(tr("New API token for “%1”").arg(tenant.name));
    m_ingest->setText(tr("&Ingest: your backend sends its tool-call events, errors and callback requests"));
    m_read->setText(tr("&Read: dashboards and scripts read calls, callbacks and errors"));
    auto *ingestAbout = explanationLabel(createPage);
    ingestAbout->setText(u"POST /t/%1/api/v1/events"_s.arg(tenant.slug));
    ingestAbout->setIndent(24);
    auto *readAbout = explanationLabel(createPage);
    readAbout->setText(u"GET /t/%1/api/v1/calls, /callbacks, /errors, …"_s.arg(tenant.slug));
    readAbout->setIndent(24);
    auto *scopes = new QButtonGroup(this);
    scopes->addButton(m_ingest);
    scopes->addButton(m_read);
    m_ingest->setChecked(true);
    m_label->setMaxLength(maxLabelLength);
    m_label->setPlaceholderText(tr("e.g. %1").arg(tr("Booking backend")));
    m_label->setAccessibleName(tr("Label"));
    m_problem->setWordWrap(true);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText, CallPresentation::errorColor(palette()));
    m_problem->setPalette(problemPalette);
    m_problem->hide();
    m_create->setText(tr("Create token"));
    m_create->setDefault(true);
    m_cancel->setText(tr("Cancel"));
    auto *labelRow = new QFormLayout;
    labelRow->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    labelRow->addRow(tr("&Label:"), m_label);
    auto *createButtons = new QHBoxLayout;
    createButtons->addStretch(1);
    createButtons->addWidget(m_cancel);
    createButtons->addWidget(m_create);
    auto *createLayout = new QVBoxLayout(createPage);
    createLayout->setContentsMargins(0, 0, 0, 0);
    createLayout->setSpacing(8);
    createLayout->addWidget(heading);
    createLayout->addSpacing(4);
    createLayout->addWidget(m_ingest);
    createLayout->addWidget(ingestAbout);
    createLayout->addWidget(m_read);
    createLayout->addWidget(readAbout);
    createLayout->addSpacing(4);
    createLayout->addLayout(labelRow);
    createLayout->addWidget(m_problem);
    createLayout->addStretch(1);
    createLayout->addLayout(createButtons);

    // The second page: the token, once.
    auto *shownPage = new QWidget(m_pages);
    auto *warning = new QFrame(shownPage);
    warning->setObjectName(u"tokenWarning"_s);
    warning->setFrameShape(QFrame::StyledPanel);
    const QColor amber = CallPresentation::warningColor(palette());
    warning->setStyleSheet(
        u"QFrame#tokenWarning { border: 1px solid %1; border-radius: 4px; background: %2; }"_s.arg(
            amber.name(), QColor(amber.red(), amber.green(), amber.blue(), 36).name(QColor::HexArgb)));
    auto *warningText = new QLabel(warning);
    warningText->setObjectName(u"tokenWarningText"_s);
    warningText->setWordWrap(true);
    warningText->setText(
        tr("<b>Copy this token now. It will not be shown again.</b><br>CallScope keeps only a "
           "fingerprint of it. If it is lost, revoke it and create a new one."));
    auto *warningLayout = new QHBoxLayout(warning);
    warningLayout->setContentsMargins(10, 8, 10, 8);
    auto *symbol = new QLabel(u"⚠"_s, warning);
    QFont symbolFont = symbol->font();
    symbolFont.setPointSizeF(symbolFont.pointSizeF() * 1.4);
    symbol->setFont(symbolFont);
    symbol->setAlignment(Qt::AlignTop);
    warningLayout->addWidget(symbol);
    warningLayout->addWidget(warningText, 1);
    m_usage->setTextFormat(Qt::RichText);
    m_tokenField->setReadOnly(true);
    m_tokenField->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_tokenField->setAccessibleName(tr("The new token"));
    m_copy->setText(tr("&Copy"));
    m_done->setText(tr("Done"));
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenField, 1);
    tokenRow->addWidget(m_copy);
    auto *doneButtons = new QHBoxLayout;
    doneButtons->addStretch(1);
    doneButtons->addWidget(m_done);
    auto *shownLayout = new QVBoxLayout(shownPage);
    shownLayout->setContentsMargins(0, 0, 0, 0);
    shownLayout->setSpacing(8);
    shownLayout->addWidget(m_shownHeading);
    shownLayout->addWidget(warning);
    shownLayout->addSpacing(4);
    shownLayout->addLayout(tokenRow);
    shownLayout->addWidget(m_usage);
    shownLayout->addStretch(1);
    shownLayout->addLayout(doneButtons);

    m_pages->addWidget(createPage);
    m_pages->addWidget(shownPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->addWidget(m_pages);
    setMinimumWidth(560);

    connect(m_create, &QPushButton::clicked, this, &NewTokenDialog::create);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_done, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_token);
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(2000, m_copy, [this] { m_copy->setText(tr("&Copy")); });
    });
    m_label->setFocus();
}

NewTokenDialog::~NewTokenDialog()
{
    forget();
}

QString NewTokenDialog::scope() const
{
    return m_read->isChecked() ? u"read"_s : u"ingest"_s;
}

void NewTokenDialog::setScope(const QString &scope)
{
    (scope == "read"_L1 ? m_read : m_ingest)->setChecked(true);
}

QString NewTokenDialog::label() const
{
    return m_label->text().trimmed();
}

bool NewTokenDialog::isShowingToken() const
{
    return m_pages->currentIndex() == 1 && !m_token.isEmpty();
}

void NewTokenDialog::create()
{
    // Not cancelled half-way: a token created after the dialog went would never be shown.
    m_create->setEnabled(false);
    m_cancel->setEnabled(false);
    m_problem->hide();
    m_store->createToken(m_tenant.slug, scope(), label())
        .then(this, [this](const Store::Result<Store::NewToken> &token) {
            m_create->setEnabled(true);
            m_cancel->setEnabled(true);
            if (!token) {
                m_problem->setText(u"⚠ "_s + tr("The token was not created: %1").arg(token.error().message));
                m_problem->show();
                return;
            }
            showToken(*token);
            emit created(token->tokenId);
        });
}

void NewTokenDialog::showToken(const Store::NewToken &token)
{
    m_token = token.token;
    const bool read = scope() == "read"_L1;
    if (label().isEmpty())
        m_shownHeading->setText(read ? tr("Your new read token") : tr("Your new ingest token"));
    else
        m_shownHeading->setText(read ? tr("Your new read token “%1”").arg(label())
                                     : tr("Your new ingest token “%1”").arg(label()));
    m_tokenField->setText(m_token);
    m_tokenField->setCursorPosition(0);
    // Wide enough for the whole token: one that is cut off is easily copied wrongly by hand.
    m_tokenField->setMinimumWidth(m_tokenField->fontMetrics().horizontalAdvance(m_token) + 24);
    const auto code = [](const QString &text) -> QString {
        return u"<nobr><code>"_s + text.toHtmlEscaped() + u"</code></nobr>"_s;
    };
    const QString header = code(u"Authorization: Bearer cs_…"_s);
    // The header on a line of its own: a path or header broken across lines is easily mistyped.
    m_usage->setText(read ? tr("Send it with every request, e.g. to %1, as this header:<br>%2")
                                .arg(code(u"GET /t/%1/api/v1/calls"_s.arg(m_tenant.slug)), header)
                          : tr("Send it with every request to %1 as this header:<br>%2")
                                .arg(code(u"POST /t/%1/api/v1/events"_s.arg(m_tenant.slug)), header));
    setWindowTitle(tr("New API token"));
    m_pages->setCurrentIndex(1);
    m_done->setDefault(true);
    m_copy->setFocus();
    adjustSize();
}

void NewTokenDialog::forget()
{
    m_tokenField->clear();
    m_token.clear();
}

void NewTokenDialog::done(int result)
{
    forget();
    QDialog::done(result);
}

} // namespace CallScope
