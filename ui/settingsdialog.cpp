// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "callpresentation.h"
#include "cli/options.h"
#include "secrets/secretstore.h"
#include "settingsvalidation.h"
#include "store.h"
#include "webhookurls.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStyle>
#include <QThreadPool>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

const QString defaultTenant = u"default"_s;

// Runs `function` on the global thread pool; the future finishes with its result. (The dialog must
// stay responsive while a database server takes seconds to answer or refuse.)
template<typename F> auto runInBackground(F function)
{
    using R = std::invoke_result_t<F>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, function]() mutable {
        promise->addResult(function());
        promise->finish();
    });
    return future;
}

// "500 ms", "30 s", "5 min", "1 h", "1 h 30 min".
QString delayText(qint64 ms)
{
    if (ms < 1000)
        return SettingsDialog::tr("%1 ms").arg(ms);
    if (ms % 60'000 != 0)
        return SettingsDialog::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0));
    const qint64 minutes = ms / 60'000;
    if (minutes < 60)
        return SettingsDialog::tr("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return SettingsDialog::tr("%1 h").arg(minutes / 60);
    return SettingsDialog::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

// "a", "a and b", "a, b and c" (in the dialog's language, not the C locale's "a, b, c").
QString listText(const QStringList &items)
{
    if (items.size() < 2)
        return items.value(0);
    return SettingsDialog::tr("%1 and %2").arg(items.first(items.size() - 1).join(u", "_s), items.last());
}

// A secret as the person who typed it knows it.
QString secretTitle(const QString &key)
{
    if (key == "retell.apiKey"_L1)
        return SettingsDialog::tr("Retell API key");
    if (key == "vapi.secret"_L1)
        return SettingsDialog::tr("Vapi server URL secret");
    if (key == "vapi.hmacSecret"_L1)
        return SettingsDialog::tr("Vapi HMAC secret");
    if (key.startsWith("vapi.hmac."_L1))
        return SettingsDialog::tr("Vapi HMAC plan");
    if (key == "ultravox.webhookSecret"_L1)
        return SettingsDialog::tr("Ultravox webhook secret");
    if (key == "ultravox.apiKey"_L1)
        return SettingsDialog::tr("Ultravox API key");
    if (key == "livekit.apiKey"_L1)
        return SettingsDialog::tr("LiveKit API key");
    if (key == "livekit.apiSecret"_L1)
        return SettingsDialog::tr("LiveKit API secret");
    if (key == "twilio.authToken"_L1)
        return SettingsDialog::tr("Twilio Auth Token");
    if (key == "frontend.apiKey"_L1)
        return SettingsDialog::tr("frontend API key");
    if (key == "db.password"_L1)
        return SettingsDialog::tr("database password");
    return key;
}

void markInvalid(QWidget *field, bool invalid)
{
    if (field->property("invalid").toBool() == invalid)
        return;
    field->setProperty("invalid", invalid);
    if (!invalid) {
        field->setPalette(QPalette());
        return;
    }
    QPalette palette = field->palette();
    const QColor base = palette.color(QPalette::Base);
    const QColor error = CallPresentation::errorColor(palette);
    const auto mix = [](int a, int b) { return (a * 85 + b * 15) / 100; };
    palette.setColor(QPalette::Base, QColor(mix(base.red(), error.red()), mix(base.green(), error.green()),
                                            mix(base.blue(), error.blue())));
    field->setPalette(palette);
}

} // namespace

SettingsDialog::SettingsDialog(Settings &settings, Environment environment, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_env(std::move(environment))
    , m_pageList(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_pageTitle(new QLabel(this))
    , m_tenantBar(new QWidget(this))
    , m_tenantLabel(new QLabel(m_tenantBar))
    , m_tenantCombo(new QComboBox(m_tenantBar))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(
          QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this))
{
    setObjectName(u"settingsDialog"_s);
    m_pageList->setObjectName(u"settingsPages"_s);
    m_tenantCombo->setObjectName(u"tenant"_s);
    m_status->setObjectName(u"settingsStatus"_s);
    m_pageTitle->setObjectName(u"settingsPageTitle"_s);

    m_pageList->setFixedWidth(180);
    m_pageList->setFrameShape(QFrame::StyledPanel);
    m_pageList->setIconSize(QSize(16, 16));
    m_pageList->setSpacing(1);
    QFont titleFont = m_pageTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_pageTitle->setFont(titleFont);
    m_tenantLabel->setBuddy(m_tenantCombo);
    m_tenantCombo->setMinimumWidth(260);
    m_tenantCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *tenantLayout = new QHBoxLayout(m_tenantBar);
    tenantLayout->setContentsMargins(0, 0, 0, 0);
    tenantLayout->setSpacing(8);
    tenantLayout->addWidget(m_tenantLabel);
    tenantLayout->addWidget(m_tenantCombo);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QAbstractButton *button : m_buttons->buttons())
        static_cast<QPushButton *>(button)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);

    auto *header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_pageTitle, 1, Qt::AlignVCenter);
    header->addWidget(m_tenantBar, 0, Qt::AlignVCenter);
    auto *right = new QVBoxLayout;
    right->setSpacing(12);
    right->addLayout(header);
    right->addWidget(m_stack, 1);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_pageList);
    body->addLayout(right, 1);
    auto *footer = new QHBoxLayout;
    footer->setSpacing(12);
    footer->addWidget(m_status, 1);
    footer->addWidget(m_buttons, 0, Qt::AlignBottom);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 14);
    layout->setSpacing(14);
    layout->addLayout(body, 1);
    layout->addLayout(footer);

    // Every page keeps the place of the warning sign, so the names stay in line when one gets it.
    QPixmap blank(m_pageList->iconSize());
    blank.fill(Qt::transparent);
    m_noIcon = QIcon(blank);
    buildListenerPage();
    buildDatabasePage();
    buildProvidersPage();
    buildCallbacksPage();
    buildPrivacyPage();
    buildLanguagePage();
    buildErrorsPage();
    buildAdvancedPage();
    retranslateUi();

    for (Binding &binding : m_bindings) {
        binding.show(m_settings.value(binding.key));
        binding.shown = binding.read();
    }
    loadTenants();
    loadDatabasePassword();
    loadTenantSecrets(m_tenant);
    showTenantSecrets();
    loadDeliveryStats();
    showDeliveryStats();
    updateWebhookUrls();
    updateBackoffExplanation();
    m_loading = false;

    connect(m_pageList, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        m_pageTitle->setText(m_pageTitles.value(row) ? m_pageTitles.value(row)() : QString());
        const Page page = Page(row);
        m_tenantBar->setVisible(page == Page::Listener || page == Page::Providers || page == Page::Callbacks);
    });
    connect(m_tenantCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::chooseTenant);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { save(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { save(false); });

    validate();
    showPage(Page::Listener);
    setMinimumSize(860, 560);
    resize(1100, 720);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::showPage(Page page)
{
    m_pageList->setCurrentRow(int(page));
}

SettingsDialog::Page SettingsDialog::currentPage() const
{
    return Page(m_stack->currentIndex());
}

void SettingsDialog::setTenant(const QString &slug)
{
    const int index = m_tenantCombo->findData(slug);
    if (index >= 0)
        m_tenantCombo->setCurrentIndex(index);
}

bool SettingsDialog::takesEffectOnRestart(Settings::Key key)
{
    if (Settings::isErrorSeverity(key))
        return false;
    switch (key) {
    case Settings::Key::Language:
    case Settings::Key::MaskPhoneNumbers:
    case Settings::Key::DialUriTemplate:
    case Settings::Key::StaffName:
    case Settings::Key::ReceiptRetentionDays:
        return false;
    default:
        return true;
    }
}

QList<SettingsDialog::Page> SettingsDialog::pagesWithProblems() const
{
    QList<Page> pages;
    for (auto it = m_problems.begin(); it != m_problems.end(); ++it)
        pages << Page(it.key());
    std::sort(pages.begin(), pages.end());
    return pages;
}

void SettingsDialog::reject()
{
    if (m_saving)
        return; // the secrets may be half written: let the save finish and say how it went
    QDialog::reject();
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_texts.isEmpty())
        retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_tenantLabel->setText(tr("&Tenant:"));
    m_tenantCombo->setToolTip(
        tr("The providers' secrets, webhook URLs and the frontend API key are per tenant."));
    for (const auto &apply : std::as_const(m_texts))
        apply();
    if (m_pageTitles.contains(m_stack->currentIndex()))
        m_pageTitle->setText(m_pageTitles.value(m_stack->currentIndex())());
    if (!m_loading) {
        showDeliveryStats();
        updateBackoffExplanation();
        validate();
    }
    alignLabelColumns();
}

void SettingsDialog::alignLabelColumns()
{
    // Each page's fields start at one line: its label column is as wide as its widest label (an
    // indented part of a group as much narrower as it is indented).
    QHash<const QGridLayout *, const LabelColumn *> columns;
    for (const LabelColumn &column : std::as_const(m_labelColumns))
        columns.insert(column.grid, &column);
    QHash<int, int> widest;
    for (const auto &[label, grid] : std::as_const(m_rowLabels)) {
        const LabelColumn *column = columns.value(grid);
        label->ensurePolished();
        widest[int(column->page)] =
            std::max(widest.value(int(column->page)), label->sizeHint().width() + column->indent);
    }
    for (const LabelColumn &column : std::as_const(m_labelColumns))
        column.grid->setColumnMinimumWidth(0, std::max(0, widest.value(int(column.page)) - column.indent));
}

void SettingsDialog::showEvent(QShowEvent *event)
{
    alignLabelColumns(); // with the fonts of the style the dialog is shown in
    QDialog::showEvent(event);
}

QString SettingsDialog::secretBackendName() const
{
    const QString backend = m_env.secrets ? m_env.secrets->backendName() : QString();
    if (backend == "file"_L1)
        return tr("secrets file");
    if (backend == "memory"_L1)
        return tr("secret store of this session");
    return tr("system keychain");
}

// Webhook URLs.

QString SettingsDialog::webhookBase() const
{
    const QString typed = m_publicUrl->text().trimmed();
    if (!typed.isEmpty() && SettingsValidation::publicBaseUrl(typed).isEmpty())
        return typed;
    if (typed.isEmpty() && SettingsValidation::listenHost(m_listenHost->text()).isEmpty() &&
        SettingsValidation::port(m_listenPort->text()).isEmpty()) {
        // Derived from the address, as the listener does.
        const QString scheme = m_tlsCert->text().trimmed().isEmpty() ? u"http"_s : u"https"_s;
        return scheme + u"://"_s + listenAddress();
    }
    return m_env.publicBaseUrl;
}

void SettingsDialog::updateWebhookUrls()
{
    const QString base = webhookBase();
    const auto show = [](QLineEdit *field, const QString &url) {
        field->setText(url);
        field->setCursorPosition(0); // where a narrow field cuts it, the start says more
        field->setToolTip(url);
    };
    for (auto it = m_listenerUrls.begin(); it != m_listenerUrls.end(); ++it)
        show(it.value(), webhookUrl(base, m_tenant, it.key()));
    for (const ProviderBox &box : std::as_const(m_providerBoxes))
        show(box.url, webhookUrl(base, m_tenant, box.provider));
}

void SettingsDialog::updateBackoffExplanation()
{
    const auto delays = parseDurationList(m_backoff->text());
    if (!delays || !SettingsValidation::backoffList(m_backoff->text()).isEmpty()) {
        m_backoffExplanation->setText(
            tr("The delays between tries, e.g. 5m, 15m, 1h (s, m and h for seconds, "
               "minutes and hours)."));
        return;
    }
    QStringList steps;
    for (const auto delay : *delays)
        steps << delayText(delay.count());
    m_backoffExplanation->setText(steps.size() == 1 ? tr("If a hand-off fails, CallScope tries once more, "
                                                         "after %1. Then the request stays in the callback "
                                                         "queue for staff.")
                                                          .arg(steps.constFirst())
                                                    : tr("If a hand-off fails, CallScope tries again %n "
                                                         "times: after %1. Then the request stays in the "
                                                         "callback queue for staff.",
                                                         nullptr, int(steps.size()))
                                                          .arg(listText(steps)));
}

void SettingsDialog::updateVapiMode()
{
    const bool hmac = m_vapiHmac->isChecked();
    m_vapiSharedFields->setVisible(!hmac);
    m_vapiSharedFields->setEnabled(!hmac);
    m_vapiHmacFields->setVisible(hmac);
    m_vapiHmacFields->setEnabled(hmac);
    if (!m_loading)
        m_tenantSecrets[m_tenant].vapiHmac = hmac;
}

void SettingsDialog::loadDatabasePassword()
{
    if (!m_env.secrets) {
        m_dbPassword->setEnabled(false);
        m_dbPassword->setStored(SecretField::Stored::Unreadable, tr("no secret store"));
        return;
    }
    m_dbPassword->setStored(SecretField::Stored::Reading);
    readStored(defaultTenant, u"db.password"_s, [this](SecretField::Stored stored, const QString &error) {
        m_passwordStored = stored == SecretField::Stored::Set;
        m_dbPassword->setStored(stored, error);
    });
}

// The database.

DatabaseUrl SettingsDialog::databaseUrl() const
{
    if (m_sqlite->isChecked()) {
        const QString path = QDir::fromNativeSeparators(m_sqlitePath->text().trimmed());
        return DatabaseUrl::sqlite(path.isEmpty() ? Options::defaultDatabasePath() : QDir::cleanPath(path));
    }
    DatabaseUrl url;
    url.backend = DatabaseUrl::Backend::Postgres;
    url.host = m_pgHost->text().trimmed();
    url.port = m_pgPort->text().trimmed().toInt();
    url.database = m_pgDatabase->text().trimmed();
    url.user = m_pgUser->text().trimmed().isEmpty() ? u"postgres"_s : m_pgUser->text().trimmed();
    return url;
}

QString SettingsDialog::listenAddress() const
{
    const QString host = m_listenHost->text().trimmed();
    return (host.contains(u':') ? u'[' + host + u']' : host) + u':' + m_listenPort->text().trimmed();
}

QString SettingsDialog::databaseSetting() const
{
    const DatabaseUrl url = databaseUrl();
    if (url.isSqlite() && url.path == Options::defaultDatabasePath())
        return {};
    return url.displayString();
}

bool SettingsDialog::databaseChanged() const
{
    for (const Binding &binding : m_bindings) {
        if (binding.key == Settings::Key::DatabaseUrl)
            return binding.read() != binding.shown;
    }
    return false;
}

void SettingsDialog::testConnection()
{
    if (m_problems.contains(int(Page::Database))) {
        showProbeResult(false, false, tr("Correct the marked fields first."));
        return;
    }
    showProbeResult(true, false, tr("Connecting…"));
    probeDatabase(false, [this](bool ok, const QString &text) { showProbeResult(false, ok, text); });
}

void SettingsDialog::probeDatabase(bool migrate, std::function<void(bool, const QString &)> done)
{
    const DatabaseUrl url = databaseUrl();
    const int serial = ++m_probeSerial;
    auto run = [this, url, migrate, serial, done](const QString &password) {
        runInBackground([url, password, migrate] {
            return Store::probe(url, password, migrate);
        }).then(this, [this, serial, done](const Store::Result<QString> &result) {
            if (serial != m_probeSerial)
                return; // a newer probe is about other fields
            done(bool(result), result ? *result : result.error().message);
        });
    };
    if (url.isSqlite())
        return run(QString());
    switch (m_dbPassword->action()) {
    case SecretField::Action::Replace:
        return run(m_dbPassword->newValue());
    case SecretField::Action::Remove:
        return run(QString());
    case SecretField::Action::Keep:
        break;
    }
    if (!m_passwordStored || !m_env.secrets)
        return run(QString());
    m_env.secrets->read(defaultTenant, u"db.password"_s)
        .then(this, [run](const QFuture<SecretValue> &future) {
            const SecretValue value = future.resultCount() > 0 ? future.result() : SecretValue();
            run(value && value->has_value() ? **value : QString());
        });
}

void SettingsDialog::showProbeResult(bool busy, bool ok, const QString &text)
{
    m_testBusy->setVisible(busy);
    m_testButton->setEnabled(!busy && !m_saving);
    QPalette palette = m_testResult->palette();
    if (busy) {
        m_testResult->setText(text);
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    } else if (ok) {
        m_testResult->setText(tr("✓ Connected: %1").arg(text));
        palette.setColor(QPalette::WindowText,
                         CallPresentation::functionStatusColor(FunctionStatus::Success, this->palette()));
    } else {
        m_testResult->setText(u"✕ "_s + text);
        palette.setColor(QPalette::WindowText, CallPresentation::errorColor(this->palette()));
    }
    m_testResult->setPalette(palette);
}

// Checking and saving.

void SettingsDialog::validate()
{
    m_problems.clear();
    for (const Check &check : std::as_const(m_checks)) {
        const QString problem = check.field->isEnabled() ? check.rule() : QString();
        check.problem->setText(problem.isEmpty() ? QString() : u"⚠ "_s + problem);
        check.problem->setVisible(!problem.isEmpty());
        QPalette palette = check.problem->palette();
        palette.setColor(QPalette::WindowText, CallPresentation::errorColor(this->palette()));
        check.problem->setPalette(palette);
        markInvalid(check.field, !problem.isEmpty());
        if (!problem.isEmpty() && !m_problems.contains(int(check.page)))
            m_problems.insert(int(check.page), problem);
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    QStringList pages;
    for (int row = 0; row < m_pageList->count(); ++row) {
        QListWidgetItem *item = m_pageList->item(row);
        const bool problem = m_problems.contains(row);
        item->setIcon(problem ? warning : m_noIcon);
        item->setToolTip(problem ? m_problems.value(row) : QString());
        item->setData(Qt::UserRole, problem);
        item->setForeground(problem ? QBrush(CallPresentation::errorColor(palette())) : QBrush());
        if (problem)
            pages << m_pageTitles.value(row)();
    }
    const bool valid = m_problems.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_saving);
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(valid && !m_saving);
    if (!valid)
        setStatus(tr("Correct the marked fields to save (%1).").arg(listText(pages)), true);
    else if (m_statusIsProblems)
        setStatus(QString(), false);
    m_statusIsProblems = !valid;
}

void SettingsDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text.isEmpty() || !problem ? text : u"⚠ "_s + text);
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, problem ? CallPresentation::errorColor(this->palette())
                                                   : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_statusIsProblems = false;
}

void SettingsDialog::setSaving(bool saving, const QString &status)
{
    m_saving = saving;
    for (QAbstractButton *button : m_buttons->buttons())
        button->setEnabled(!saving);
    m_testButton->setEnabled(!saving);
    if (saving)
        setStatus(status, false);
    else
        validate();
}

void SettingsDialog::save(bool thenClose)
{
    if (m_saving)
        return;
    validate();
    if (!m_problems.isEmpty()) {
        showPage(pagesWithProblems().constFirst());
        return;
    }
    stashTenantEdits();
    const bool passwordEdited =
        m_postgres->isChecked() && m_dbPassword->action() != SecretField::Action::Keep;
    if (!databaseChanged() && !passwordEdited) {
        setSaving(true, tr("Saving…"));
        writeSecrets(thenClose);
        return;
    }
    // A database is switched to only once it is reachable and its tables are set up.
    setSaving(true, tr("Setting up the new database…"));
    showProbeResult(true, false, tr("Setting up the database…"));
    probeDatabase(true, [this, thenClose](bool ok, const QString &text) {
        showProbeResult(false, ok, text);
        if (!ok) {
            setSaving(false);
            setStatus(tr("The new database cannot be used, so nothing was saved: %1").arg(text), true);
            showPage(Page::Database);
            return;
        }
        writeSecrets(thenClose);
    });
}

void SettingsDialog::writeSecrets(bool thenClose)
{
    QList<SecretWrite> writes;
    if (m_dbPassword->action() != SecretField::Action::Keep)
        writes << SecretWrite{defaultTenant, u"db.password"_s, m_dbPassword->action(),
                              m_dbPassword->newValue()};
    for (auto it = m_tenantSecrets.cbegin(); it != m_tenantSecrets.cend(); ++it) {
        for (auto edit = it->pending.cbegin(); edit != it->pending.cend(); ++edit)
            writes << SecretWrite{it.key(), edit.key(), edit->first, edit->second};
        for (auto edit = it->planPending.cbegin(); edit != it->planPending.cend(); ++edit) {
            // Empty stands for the default on both sides, so a default is never written.
            const auto normal = [key = edit.key()](const QString &value) {
                return value == planDefault(key) ? QString() : value;
            };
            const QString stored = normal(it->plan.value(edit.key()));
            const QString value = normal(edit.value());
            if (value == stored || !it->plan.contains(edit.key()))
                continue;
            writes << SecretWrite{
                it.key(), edit.key(),
                value.isEmpty() ? SecretField::Action::Remove : SecretField::Action::Replace, value};
        }
    }
    if (writes.isEmpty() || !m_env.secrets) {
        writeSettings(thenClose, {}, false);
        return;
    }

    struct Progress
    {
        qsizetype waiting = 0;
        QStringList failures;
        QStringList errors;
        QHash<QString, QStringList> changed;
    };
    auto progress = std::make_shared<Progress>();
    progress->waiting = writes.size() + 1;
    const auto finishOne = [this, progress, thenClose] {
        if (--progress->waiting > 0)
            return;
        const bool passwordChanged = progress->changed.value(defaultTenant).contains(u"db.password"_s);
        if (progress->failures.isEmpty()) {
            writeSettings(thenClose, progress->changed, passwordChanged);
            return;
        }
        // The secrets that were written are; nothing else is, and the dialog says which failed.
        for (auto it = progress->changed.cbegin(); it != progress->changed.cend(); ++it)
            emit secretsChanged(it.key(), it.value());
        showTenantSecrets();
        setSaving(false);
        progress->errors.removeDuplicates();
        progress->failures.removeDuplicates();
        setStatus(tr("The %1 could not store the %2: %3. The settings were not saved.")
                      .arg(secretBackendName(), listText(progress->failures), progress->errors.join(u"; "_s)),
                  true);
    };
    for (const SecretWrite &write : std::as_const(writes)) {
        QFuture<SecretDone> future = write.action == SecretField::Action::Remove
                                         ? m_env.secrets->remove(write.tenant, write.key)
                                         : m_env.secrets->write(write.tenant, write.key, write.value);
        future.then(this, [this, write, progress, finishOne](const QFuture<SecretDone> &finished) {
            const SecretDone done = finished.resultCount() > 0
                                        ? finished.result()
                                        : SecretDone(std::unexpected(tr("the secret store did not answer")));
            if (!done) {
                progress->failures << (write.tenant == defaultTenant
                                           ? secretTitle(write.key)
                                           : tr("%1 of tenant %2").arg(secretTitle(write.key), write.tenant));
                progress->errors << done.error();
            } else {
                progress->changed[write.tenant] << write.key;
                const bool removed = write.action == SecretField::Action::Remove;
                if (write.key == "db.password"_L1) {
                    m_passwordStored = !removed;
                    m_dbPassword->setStored(removed ? SecretField::Stored::NotSet : SecretField::Stored::Set);
                    m_dbPassword->clearPending();
                } else if (planKeys().contains(write.key)) {
                    m_tenantSecrets[write.tenant].plan.insert(write.key, write.value);
                } else {
                    TenantSecrets &state = m_tenantSecrets[write.tenant];
                    state.stored.insert(write.key,
                                        removed ? SecretField::Stored::NotSet : SecretField::Stored::Set);
                    state.errors.remove(write.key);
                    state.pending.remove(write.key);
                }
            }
            finishOne();
        });
    }
    finishOne();
}

void SettingsDialog::writeSettings(bool thenClose, const QHash<QString, QStringList> &changedSecrets,
                                   bool passwordChanged)
{
    QList<Settings::Key> changed;
    bool restart = passwordChanged;
    for (Binding &binding : m_bindings) {
        const QVariant value = binding.read();
        if (value == binding.shown)
            continue;
        m_settings.setValue(binding.key, value);
        changed << binding.key;
        restart = restart || takesEffectOnRestart(binding.key);
    }
    m_settings.sync();
    const bool written = m_settings.backing().status() == QSettings::NoError;
    if (written) {
        for (Binding &binding : m_bindings)
            binding.shown = binding.read();
    }
    for (auto it = changedSecrets.cbegin(); it != changedSecrets.cend(); ++it)
        emit secretsChanged(it.key(), it.value());
    showTenantSecrets();
    setSaving(false);
    if (!written) {
        setStatus(tr("The settings could not be written to %1.")
                      .arg(QDir::toNativeSeparators(m_settings.backing().fileName())),
                  true);
        return;
    }
    emit saved(changed, restart);
    setStatus(restart ? tr("✓ Saved. Some changes take effect when CallScope restarts.") : tr("✓ Saved."),
              false);
    if (thenClose)
        accept();
}

} // namespace CallScope
