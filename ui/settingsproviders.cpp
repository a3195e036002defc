// SPDX-License-Identifier: GPL-3.0-or-later
// The settings dialog's Providers page and what is per tenant: the tenants, each one's secrets (read
// only to say whether they are stored; what is typed is kept per tenant until saved) and how its
// webhooks fared.
#include "callpresentation.h"
#include "errorpresentation.h"
#include "secrets/secretstore.h"
#include "settingsdialog.h"
#include "settingsvalidation.h"
#include "storereader.h"
#include "verify/verifier.h"

#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

const QString defaultTenant = u"default"_s;

// Why the listener refused a delivery, in words (the store keeps the HTTP error code).
QString rejectionReason(const QString &code)
{
    if (code == "bad_signature"_L1)
        return SettingsDialog::tr("wrong signature");
    if (code == "stale_timestamp"_L1)
        return SettingsDialog::tr("too old");
    if (code == "missing_credentials"_L1)
        return SettingsDialog::tr("not signed, or no secret stored");
    if (code == "invalid_json"_L1 || code == "invalid_payload"_L1)
        return SettingsDialog::tr("unreadable");
    return code;
}

} // namespace

SecretField *SettingsDialog::addSecret(Group &group, const QString &key, Text label, Text placeholder)
{
    auto *field = new SecretField(key, this);
    watch(field);
    retranslated([field, label, placeholder] {
        field->setAccessibleName(label());
        field->setPlaceholder(placeholder());
    });
    QLabel *problem = addRow(group, label, field);
    problem->setObjectName(u"problem_secretValue_"_s + key);
    m_secretFields.insert(key, field);
    return field;
}

QLineEdit *SettingsDialog::addPlanField(Group &group, const QString &key, Text label,
                                        const QString &defaultValue)
{
    QLineEdit *field = lineEdit(u"plan_"_s + key);
    field->setPlaceholderText(defaultValue);
    m_planEdits.insert(key, field);
    QLabel *problem = addRow(group, label, field);
    // The prefix is any text before the digest; the others name a header, or the message signed.
    if (key.endsWith(".template"_L1))
        addCheck(Page::Providers, field, problem,
                 [field] { return SettingsValidation::hmacTemplate(field->text()); });
    else if (key.endsWith("Header"_L1) || key.endsWith(".header"_L1))
        addCheck(Page::Providers, field, problem,
                 [field] { return SettingsValidation::headerName(field->text()); });
    return field;
}

void SettingsDialog::buildProvidersPage()
{
    QVBoxLayout *column = addPage(Page::Providers, [] { return tr("Providers"); });
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    retranslated([this, intro] {
        intro->setText(tr("Each voice platform sends its webhooks to CallScope and signs them with a secret. "
                          "Store that secret here so CallScope can tell a genuine webhook from a forged one: "
                          "without it, the platform's webhooks are refused. Secrets are kept in the %1 and "
                          "never shown again.")
                           .arg(secretBackendName()));
    });
    column->addWidget(intro);
    for (const Provider provider : webhookProviders)
        buildProviderBox(column, provider);
    column->addStretch(1);
}

void SettingsDialog::buildProviderBox(QVBoxLayout *column, Provider provider)
{
    Text explanation;
    switch (provider) {
    case Provider::Retell:
        explanation = [] {
            return tr("Paste this URL into Retell's dashboard under your agent → Webhook URL. Retell signs "
                      "each webhook with your API key (dashboard → API Keys).");
        };
        break;
    case Provider::Vapi:
        explanation = [] {
            return tr("Paste this URL into Vapi's dashboard under your assistant → Advanced → Server URL. "
                      "Vapi proves each webhook with the secret you set there, or with an HMAC signature.");
        };
        break;
    case Provider::Ultravox:
        explanation = [] {
            return tr("Create an Ultravox webhook with this URL and paste its signing secret. To rotate it, "
                      "enter the new and the old secret separated by a comma. The API key lets CallScope "
                      "fetch a call's messages that a webhook left out.");
        };
        break;
    case Provider::LiveKit:
        explanation = [] {
            return tr(
                "Add this URL in LiveKit Cloud → Settings → Webhooks. LiveKit signs with an API key and "
                "its secret: paste the pair it uses.");
        };
        break;
    case Provider::Twilio:
        explanation = [] {
            return tr("In the Twilio console, set this URL for your number under Voice → Call status "
                      "changes. Twilio signs with your account's Auth Token.");
        };
        break;
    case Provider::Backend:
        return;
    }
    Group box = addGroup(
        column, [provider] { return CallPresentation::provider(provider); }, explanation);
    box.box->setObjectName(u"providerBox_"_s + toString(provider));

    ProviderBox entry{provider, new QLineEdit(this), new QLabel(this), new QLabel(this)};
    entry.url->setObjectName(u"webhookUrl_"_s + toString(provider));
    entry.url->setReadOnly(true);
    entry.accepted->setObjectName(u"deliveries_"_s + toString(provider));
    entry.rejected->setObjectName(u"rejections_"_s + toString(provider));
    entry.rejected->setWordWrap(true);
    addRow(
        box, [] { return tr("Webhook URL"); }, entry.url, copyButton(entry.url));
    auto *deliveries = new QWidget(this);
    auto *deliveriesLayout = new QVBoxLayout(deliveries);
    deliveriesLayout->setContentsMargins(0, 0, 0, 0);
    deliveriesLayout->setSpacing(2);
    deliveriesLayout->addWidget(entry.accepted);
    deliveriesLayout->addWidget(entry.rejected);
    addRow(
        box, [] { return tr("Deliveries"); }, deliveries);
    box.grid->setAlignment(m_rowLabels.constLast().first,
                           Qt::AlignLeft | Qt::AlignTop); // with its first line
    m_providerBoxes.append(entry);

    switch (provider) {
    case Provider::Retell:
        addSecret(
            box, u"retell.apiKey"_s, [] { return tr("API key"); },
            [] { return tr("Paste the API key from Retell's dashboard"); });
        break;
    case Provider::Vapi: {
        m_vapiShared = new QRadioButton(this);
        m_vapiShared->setObjectName(u"vapiSharedSecret"_s);
        m_vapiHmac = new QRadioButton(this);
        m_vapiHmac->setObjectName(u"vapiHmac"_s);
        retranslated([this] {
            m_vapiShared->setText(tr("Server URL secret"));
            m_vapiHmac->setText(tr("HMAC signature"));
        });
        auto *modes = new QWidget(this);
        auto *modesLayout = new QHBoxLayout(modes);
        modesLayout->setContentsMargins(0, 0, 0, 0);
        modesLayout->setSpacing(18);
        modesLayout->addWidget(m_vapiShared);
        modesLayout->addWidget(m_vapiHmac);
        modesLayout->addStretch(1);
        m_vapiShared->setChecked(true);
        addRow(
            box, [] { return tr("Verify with"); }, modes);
        Group shared = addSubGroup(box);
        m_vapiSharedFields = shared.box;
        addSecret(
            shared, u"vapi.secret"_s, [] { return tr("Server URL secret"); },
            [] { return tr("The secret set with the Server URL in Vapi"); });
        Group hmac = addSubGroup(box);
        m_vapiHmacFields = hmac.box;
        addSecret(
            hmac, u"vapi.hmacSecret"_s, [] { return tr("HMAC secret"); },
            [] { return tr("The HMAC secret of Vapi's signing plan"); });
        const Verify::VapiHmacPlan defaults;
        m_planAlgorithm = new QComboBox(this);
        m_planAlgorithm->setObjectName(u"plan_vapi.hmac.algorithm"_s);
        for (const QString &algorithm : {u"sha256"_s, u"sha1"_s, u"sha512"_s})
            m_planAlgorithm->addItem(algorithm.toUpper().insert(3, u'-'), algorithm);
        m_planEncoding = new QComboBox(this);
        m_planEncoding->setObjectName(u"plan_vapi.hmac.encoding"_s);
        m_planEncoding->addItem(u"hex"_s, u"hex"_s);
        m_planEncoding->addItem(u"base64"_s, u"base64"_s);
        watch(m_planAlgorithm);
        watch(m_planEncoding);
        auto *digest = new QWidget(this);
        auto *digestLayout = new QHBoxLayout(digest);
        digestLayout->setContentsMargins(0, 0, 0, 0);
        digestLayout->setSpacing(8);
        auto *encodedAs = new QLabel(this);
        retranslated([encodedAs] { encodedAs->setText(tr("encoded as")); });
        digestLayout->addWidget(m_planAlgorithm);
        digestLayout->addWidget(encodedAs);
        digestLayout->addWidget(m_planEncoding);
        digestLayout->addStretch(1);
        addRow(
            hmac, [] { return tr("Algorithm"); }, digest);
        addPlanField(
            hmac, u"vapi.hmac.header"_s, [] { return tr("Signature header"); }, defaults.signatureHeader);
        addPlanField(
            hmac, u"vapi.hmac.timestampHeader"_s, [] { return tr("Timestamp header"); },
            defaults.timestampHeader);
        addPlanField(
            hmac, u"vapi.hmac.template"_s, [] { return tr("Signed message"); }, defaults.messageTemplate);
        addPlanField(
            hmac, u"vapi.hmac.prefix"_s, [] { return tr("Signature prefix"); }, QString());
        m_planEdits.value(u"vapi.hmac.prefix"_s)->setPlaceholderText(tr("none, e.g. sha256="));
        addNote(hmac, m_planEdits.value(u"vapi.hmac.prefix"_s), [] {
            return tr(
                "Copy these from the HMAC plan of your Vapi server; empty fields use the values shown in "
                "grey.");
        });
        connect(m_vapiHmac, &QRadioButton::toggled, this, &SettingsDialog::updateVapiMode);
        watch(m_vapiHmac);
        updateVapiMode();
        break;
    }
    case Provider::Ultravox: {
        SecretField *secret = addSecret(
            box, u"ultravox.webhookSecret"_s, [] { return tr("Webhook secret"); },
            [] { return tr("The webhook's secret; new and old separated by a comma while rotating"); });
        addCheck(Page::Providers, secret->valueField(),
                 findChild<QLabel *>(u"problem_secretValue_ultravox.webhookSecret"_s),
                 [secret] { return SettingsValidation::secretList(secret->newValue()); });
        addSecret(
            box, u"ultravox.apiKey"_s, [] { return tr("API key"); },
            [] { return tr("Paste the API key from Ultravox's console"); });
        break;
    }
    case Provider::LiveKit:
        addSecret(
            box, u"livekit.apiKey"_s, [] { return tr("API key"); },
            [] { return tr("The API key LiveKit signs webhooks with"); });
        addSecret(
            box, u"livekit.apiSecret"_s, [] { return tr("API secret"); },
            [] { return tr("That key's secret"); });
        break;
    case Provider::Twilio:
        addSecret(
            box, u"twilio.authToken"_s, [] { return tr("Auth Token"); },
            [] { return tr("Paste the Auth Token from the Twilio console"); });
        break;
    case Provider::Backend:
        break;
    }
}

void SettingsDialog::loadTenants()
{
    m_tenantList.clear();
    if (m_env.reader) {
        if (auto tenants = m_env.reader->tenants())
            m_tenantList = *tenants;
    }
    if (std::none_of(m_tenantList.begin(), m_tenantList.end(),
                     [](const Tenant &tenant) { return tenant.slug == defaultTenant; })) {
        Tenant fallback;
        fallback.slug = defaultTenant;
        m_tenantList.prepend(fallback);
    }
    const QSignalBlocker quiet(m_tenantCombo);
    m_tenantCombo->clear();
    for (const Tenant &tenant : std::as_const(m_tenantList)) {
        const QString name = tenant.name.trimmed();
        m_tenantCombo->addItem(name.isEmpty() || name == tenant.slug ? tenant.slug
                                                                     : u"%1 (%2)"_s.arg(name, tenant.slug),
                               tenant.slug);
    }
    m_tenantCombo->setCurrentIndex(std::max(0, m_tenantCombo->findData(m_tenant)));
    m_tenant = m_tenantCombo->currentData().toString();
}

void SettingsDialog::chooseTenant(int index)
{
    const QString slug = m_tenantCombo->itemData(index).toString();
    if (slug == m_tenant)
        return;
    // What was typed for one tenant stays with it; a wrong entry is corrected before it is put away.
    if (m_problems.contains(int(Page::Providers))) {
        const QSignalBlocker quiet(m_tenantCombo);
        m_tenantCombo->setCurrentIndex(m_tenantCombo->findData(m_tenant));
        setStatus(tr("Correct the marked fields on the Providers page before you switch tenants."), true);
        showPage(Page::Providers);
        return;
    }
    stashTenantEdits();
    m_tenant = slug;
    m_loading = true;
    loadTenantSecrets(m_tenant);
    showTenantSecrets();
    m_loading = false;
    loadDeliveryStats();
    showDeliveryStats();
    updateWebhookUrls();
    validate();
}

QStringList SettingsDialog::perTenantKeys() const
{
    QStringList keys = m_secretFields.keys();
    keys.sort();
    return keys;
}

QStringList SettingsDialog::planKeys()
{
    return {u"vapi.hmac.algorithm"_s, u"vapi.hmac.header"_s,   u"vapi.hmac.timestampHeader"_s,
            u"vapi.hmac.template"_s,  u"vapi.hmac.encoding"_s, u"vapi.hmac.prefix"_s};
}

QString SettingsDialog::planDefault(const QString &key)
{
    const Verify::VapiHmacPlan plan;
    if (key == "vapi.hmac.algorithm"_L1)
        return plan.algorithm;
    if (key == "vapi.hmac.header"_L1)
        return plan.signatureHeader;
    if (key == "vapi.hmac.timestampHeader"_L1)
        return plan.timestampHeader;
    if (key == "vapi.hmac.template"_L1)
        return plan.messageTemplate;
    if (key == "vapi.hmac.encoding"_L1)
        return plan.encoding;
    return plan.prefix;
}

QComboBox *SettingsDialog::planChoice(const QString &key) const
{
    if (key == "vapi.hmac.algorithm"_L1)
        return m_planAlgorithm;
    if (key == "vapi.hmac.encoding"_L1)
        return m_planEncoding;
    return nullptr;
}

QString SettingsDialog::planShownWhenEmpty(const QString &key) const
{
    return planChoice(key) ? planDefault(key) : QString();
}

QString SettingsDialog::planValue(const QString &key) const
{
    if (QComboBox *choice = planChoice(key))
        return choice->currentData().toString();
    return m_planEdits.value(key)->text().trimmed();
}

void SettingsDialog::setPlanValue(const QString &key, const QString &value)
{
    const QString shown = value.isEmpty() ? planShownWhenEmpty(key) : value;
    if (QComboBox *choice = planChoice(key))
        choice->setCurrentIndex(std::max(0, choice->findData(shown.toLower())));
    else
        m_planEdits.value(key)->setText(shown);
}

void SettingsDialog::readStored(const QString &tenant, const QString &key,
                                std::function<void(SecretField::Stored, const QString &)> done)
{
    m_env.secrets->read(tenant, key).then(this, [done](const QFuture<SecretValue> &future) {
        const SecretValue value = future.resultCount() > 0
                                      ? future.result()
                                      : SecretValue(std::unexpected(tr("the secret store did not answer")));
        if (!value)
            done(SecretField::Stored::Unreadable, value.error());
        else
            done(value->has_value() && !(*value)->isEmpty() ? SecretField::Stored::Set
                                                            : SecretField::Stored::NotSet,
                 QString());
    });
}

void SettingsDialog::loadTenantSecrets(const QString &tenant)
{
    TenantSecrets &secrets = m_tenantSecrets[tenant];
    if (secrets.loading || !m_env.secrets)
        return;
    secrets.loading = true;
    for (const QString &key : perTenantKeys()) {
        secrets.stored.insert(key, SecretField::Stored::Reading);
        readStored(tenant, key, [this, tenant, key](SecretField::Stored stored, const QString &error) {
            TenantSecrets &state = m_tenantSecrets[tenant];
            state.stored.insert(key, stored);
            if (stored == SecretField::Stored::Unreadable)
                state.errors.insert(key, error);
            if (tenant == m_tenant) {
                m_secretFields.value(key)->setStored(state.stored.value(key), state.errors.value(key));
                if (!state.vapiHmac && (key == "vapi.secret"_L1 || key == "vapi.hmacSecret"_L1))
                    showTenantSecrets();
            }
        });
    }
    for (const QString &key : planKeys()) {
        m_env.secrets->read(tenant, key).then(this, [this, tenant, key](const QFuture<SecretValue> &future) {
            const SecretValue value = future.resultCount() > 0 ? future.result() : SecretValue();
            const QString stored = value && value->has_value() ? **value : QString();
            TenantSecrets &state = m_tenantSecrets[tenant];
            state.plan.insert(key, stored);
            if (!state.planPending.contains(key))
                state.planPending.insert(key, stored);
            if (tenant == m_tenant && planValue(key) == planShownWhenEmpty(key)) {
                const bool wasLoading = std::exchange(m_loading, true);
                setPlanValue(key, stored);
                m_loading = wasLoading;
                if (!m_loading)
                    validate();
            }
        });
    }
}

void SettingsDialog::stashTenantEdits()
{
    TenantSecrets &secrets = m_tenantSecrets[m_tenant];
    for (SecretField *field : std::as_const(m_secretFields)) {
        if (field->action() == SecretField::Action::Keep)
            secrets.pending.remove(field->key());
        else
            secrets.pending.insert(field->key(), {field->action(), field->newValue()});
    }
    // A plan value is kept only once the stored one is known (else an unread one would look removed).
    for (const QString &key : planKeys()) {
        if (secrets.plan.contains(key))
            secrets.planPending.insert(key, planValue(key));
    }
}

void SettingsDialog::showTenantSecrets()
{
    const bool wasLoading = std::exchange(m_loading, true);
    TenantSecrets &secrets = m_tenantSecrets[m_tenant];
    for (SecretField *field : std::as_const(m_secretFields)) {
        field->setStored(secrets.stored.value(field->key(), m_env.secrets ? SecretField::Stored::Reading
                                                                          : SecretField::Stored::Unreadable),
                         m_env.secrets ? secrets.errors.value(field->key()) : tr("no secret store"));
        const auto pending = secrets.pending.value(field->key(), {SecretField::Action::Keep, QString()});
        field->setPending(pending.first, pending.second);
        field->setEnabled(m_env.secrets != nullptr); // nowhere to keep what would be typed
    }
    for (const QString &key : planKeys())
        setPlanValue(key, secrets.planPending.value(key, secrets.plan.value(key)));
    // HMAC when it is what the tenant uses (its secret stored, the shared one not), unless chosen.
    const bool hmac =
        secrets.vapiHmac.value_or(secrets.stored.value(u"vapi.hmacSecret"_s) == SecretField::Stored::Set &&
                                  secrets.stored.value(u"vapi.secret"_s) != SecretField::Stored::Set);
    (hmac ? m_vapiHmac : m_vapiShared)->setChecked(true);
    updateVapiMode();
    m_loading = wasLoading;
}

void SettingsDialog::loadDeliveryStats()
{
    m_deliveryStats.reset();
    const auto tenant =
        std::find_if(m_tenantList.cbegin(), m_tenantList.cend(),
                     [this](const Tenant &tenant) { return tenant.slug == m_tenant && tenant.id.isValid(); });
    if (!m_env.reader || tenant == m_tenantList.cend())
        return;
    if (auto stats = m_env.reader->deliveryStats(tenant->id)) {
        QHash<QString, DeliveryStats> byProvider;
        for (const DeliveryStats &entry : *stats)
            byProvider.insert(entry.provider, entry);
        m_deliveryStats = byProvider;
    }
}

void SettingsDialog::showDeliveryStats()
{
    const bool known = m_deliveryStats.has_value();
    const QHash<QString, DeliveryStats> byProvider =
        m_deliveryStats.value_or(QHash<QString, DeliveryStats>());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto exact = [](qint64 ms) { return CallPresentation::localDateTime(ms); };
    for (const ProviderBox &box : std::as_const(m_providerBoxes)) {
        const DeliveryStats stats = byProvider.value(toString(box.provider));
        QPalette acceptedPalette = box.accepted->palette();
        if (!known) {
            box.accepted->setText(tr("Deliveries are not counted here while the database is not open."));
            acceptedPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
            box.accepted->setToolTip(QString());
        } else if (stats.lastAcceptedAtMs) {
            box.accepted->setText(tr("✓ Last accepted delivery: %1 (%n in all)", nullptr, int(stats.accepted))
                                      .arg(ErrorPresentation::ago(*stats.lastAcceptedAtMs, now)));
            box.accepted->setToolTip(exact(*stats.lastAcceptedAtMs));
            acceptedPalette.setColor(QPalette::WindowText, CallPresentation::functionStatusColor(
                                                               FunctionStatus::Success, palette()));
        } else {
            box.accepted->setText(tr("No delivery yet"));
            box.accepted->setToolTip(tr("Once the provider calls the webhook URL, its deliveries are counted "
                                        "here."));
            acceptedPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
        }
        box.accepted->setPalette(acceptedPalette);
        box.rejected->setVisible(known && stats.rejected > 0);
        if (known && stats.rejected > 0) {
            const QString when =
                stats.lastRejectedAtMs ? ErrorPresentation::ago(*stats.lastRejectedAtMs, now) : QString();
            box.rejected->setText(tr("⚠ %n rejected (last: %1, %2)", nullptr, int(stats.rejected))
                                      .arg(rejectionReason(stats.lastRejectedReason), when));
            box.rejected->setToolTip(stats.lastRejectedAtMs ? exact(*stats.lastRejectedAtMs) : QString());
            QPalette rejectedPalette = box.rejected->palette();
            rejectedPalette.setColor(QPalette::WindowText, CallPresentation::warningColor(palette()));
            box.rejected->setPalette(rejectedPalette);
        }
    }
}

} // namespace CallScope
