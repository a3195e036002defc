// SPDX-License-Identifier: GPL-3.0-or-later
#include "webhooksetuppanel.h"

#include "callpresentation.h"
#include "webhookurls.h"

#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

WebhookSetupPanel::WebhookSetupPanel(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_backendHint(new QLabel(this))
    , m_secretHint(new QLabel(this))
{
    setObjectName(u"webhookSetup"_s);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    grid->addWidget(m_heading, 0, 0, 1, 3);

    int line = 1;
    for (const Provider provider : webhookProviders) {
        Row row{provider,
                new QLabel(CallPresentation::provider(provider), this),
                new QLineEdit(this),
                new QToolButton(this),
                new QLabel(this),
                new QLabel(this)};
        row.status->setObjectName(u"secretStatus_"_s + toString(provider));
        QFont nameFont = row.name->font();
        nameFont.setBold(true);
        row.name->setFont(nameFont);
        row.url->setReadOnly(true);
        row.url->setObjectName(u"webhookUrl_"_s + toString(provider));
        row.url->setMinimumWidth(360);
        row.copy->setObjectName(u"copyWebhookUrl_"_s + toString(provider));
        row.copy->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row.how->setWordWrap(true);
        row.how->setForegroundRole(QPalette::PlaceholderText);
        QLineEdit *field = row.url;
        connect(row.copy, &QToolButton::clicked, this, [field] {
            QGuiApplication::clipboard()->setText(field->text());
            field->selectAll();
        });
        grid->addWidget(row.name, line, 0, Qt::AlignVCenter | Qt::AlignLeft);
        grid->addWidget(row.url, line, 1);
        grid->addWidget(row.copy, line, 2);
        grid->addWidget(row.status, line + 1, 0, Qt::AlignTop | Qt::AlignLeft);
        grid->addWidget(row.how, line + 1, 1, 1, 2);
        grid->setRowMinimumHeight(line + 2, 8);
        line += 3;
        m_rows.append(row);
    }
    for (QLabel *hint : {m_secretHint, m_backendHint}) {
        hint->setWordWrap(true);
        hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        hint->setTextFormat(Qt::RichText);
    }
    m_secretHint->setObjectName(u"secretHint"_s);
    grid->addWidget(m_secretHint, line++, 0, 1, 3);
    grid->setRowMinimumHeight(line++, 6);
    grid->addWidget(m_backendHint, line, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    retranslateUi();
}

void WebhookSetupPanel::setBaseUrl(const QString &publicBaseUrl, const QString &tenant)
{
    m_baseUrl = publicBaseUrl;
    m_tenant = tenant;
    for (Row &row : m_rows)
        row.url->setText(webhookUrl(publicBaseUrl, tenant, row.provider));
    retranslateUi();
}

void WebhookSetupPanel::setConfiguredProviders(const QHash<QString, bool> &configured)
{
    m_configured = configured;
    for (Row &row : m_rows)
        updateStatus(row);
}

void WebhookSetupPanel::updateStatus(Row &row)
{
    // Words and a symbol, not colour alone.
    const bool stored = m_configured.value(toString(row.provider));
    row.status->setText(stored ? tr("✓ Secret stored") : tr("⚠ No secret yet"));
    row.status->setToolTip(stored
                               ? tr("Webhooks from %1 are verified and stored.").arg(row.name->text())
                               : tr("Webhooks from %1 are refused (401) until its signing secret is stored.")
                                     .arg(row.name->text()));
    row.status->setStyleSheet(stored ? u"color: #1b7f3b;"_s : u"color: #b45309;"_s);
}

void WebhookSetupPanel::retranslateUi()
{
    m_heading->setText(tr("Webhook URLs to give each provider"));
    for (Row &row : m_rows) {
        row.copy->setText(tr("Copy"));
        row.copy->setToolTip(tr("Copy the %1 webhook URL").arg(row.name->text()));
        QString how;
        switch (row.provider) {
        case Provider::Retell:
            how = tr("Retell dashboard → your agent → Webhook URL. Retell signs with your API key: enter it "
                     "under Settings → Providers.");
            break;
        case Provider::Vapi:
            how =
                tr("Vapi dashboard → your assistant → Advanced → Server URL, with a Server URL secret: enter "
                   "the same secret under Settings → Providers.");
            break;
        case Provider::Ultravox:
            how =
                tr("Create an Ultravox webhook with this URL; enter its secret under Settings → Providers.");
            break;
        case Provider::LiveKit:
            how = tr("LiveKit Cloud → Settings → Webhooks → add this URL; enter the API key and secret under "
                     "Settings → Providers.");
            break;
        case Provider::Twilio:
            how =
                tr("Twilio console → your number → Voice → Call status changes; enter your Auth Token under "
                   "Settings → Providers.");
            break;
        case Provider::Backend:
            break;
        }
        row.how->setText(how);
        updateStatus(row);
    }
    const QString tenant = m_tenant.isEmpty() ? u"default"_s : m_tenant;
    m_secretHint->setText(tr("Secrets are kept in your system's keychain, never in a file. On a server "
                             "without a desktop: %1")
                              .arg(u"<code>callscope-server secrets set --tenant %1 KEY VALUE</code>"_s.arg(
                                  tenant.toHtmlEscaped())));
    m_backendHint->setText(
        tr("Your own backend reports tool calls, transcript turns and callback requests to %1 with an ingest "
           "token from Settings → Tenants and API tokens.")
            .arg(u"<code>%1</code>"_s.arg(eventsApiUrl(m_baseUrl, tenant).toHtmlEscaped())));
}

} // namespace CallScope
