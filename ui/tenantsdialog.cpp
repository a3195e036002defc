// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantsdialog.h"

#include "callpresentation.h"
#include "deletetenantdialog.h"
#include "errorpresentation.h"
#include "messagebar.h"
#include "newtokendialog.h"
#include "store.h"
#include "storereader.h"
#include "tenantformdialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

namespace {

constexpr int keyRole = Qt::UserRole; // a tenant's slug, a token's id

QLabel *headingLabel(QWidget *parent)
{
    auto *heading = new QLabel(parent);
    QFont font = heading->font();
    font.setBold(true);
    heading->setFont(font);
    heading->setWordWrap(true);
    return heading;
}

QTreeWidget *listWidget(const QString &objectName, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(objectName);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setSelectionBehavior(QAbstractItemView::SelectRows);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->header()->setStretchLastSection(false);
    return list;
}

// The key of a list's selected row; empty when none is.
QString selectedKey(const QTreeWidget *list)
{
    const QList<QTreeWidgetItem *> selected = list->selectedItems();
    return selected.isEmpty() ? QString() : selected.constFirst()->data(0, keyRole).toString();
}

// Makes the row with `key` current and selected, if there is one.
void selectKey(QTreeWidget *list, const QString &key)
{
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = list->topLevelItem(row);
        if (item->data(0, keyRole).toString() == key) {
            list->setCurrentItem(item);
            item->setSelected(true);
            return;
        }
    }
}

QString shortDate(qint64 epochMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime().date(),
                              QLocale::ShortFormat);
}

QString shortDateTime(qint64 epochMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs).toLocalTime(), QLocale::ShortFormat);
}

} // namespace

TenantsDialog::TenantsDialog(Store *store, StoreReader *reader, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_reader(reader)
    , m_message(new MessageBar(this))
    , m_tenants(listWidget(u"tenantList"_s, this))
    , m_newTenant(new QPushButton(this))
    , m_rename(new QPushButton(this))
    , m_delete(new QPushButton(this))
    , m_switch(new QPushButton(this))
    , m_tokensHeading(headingLabel(this))
    , m_tokens(listWidget(u"tokenList"_s, this))
    , m_noTokens(new QLabel(this))
    , m_newToken(new QPushButton(this))
    , m_revoke(new QPushButton(this))
{
    setObjectName(u"tenantsDialog"_s);
    m_newTenant->setObjectName(u"newTenantButton"_s);
    m_rename->setObjectName(u"renameTenantButton"_s);
    m_delete->setObjectName(u"deleteTenantButton"_s);
    m_switch->setObjectName(u"switchTenantButton"_s);
    m_newToken->setObjectName(u"newTokenButton"_s);
    m_revoke->setObjectName(u"revokeTokenButton"_s);
    m_noTokens->setObjectName(u"noTokensLabel"_s);
    setWindowTitle(tr("Tenants & tokens"));

    // Left: the tenants.
    auto *tenantsHeading = headingLabel(this);
    tenantsHeading->setText(tr("Tenants"));
    auto *tenantsAbout = new QLabel(this);
    tenantsAbout->setText(tr("Each business has its own calls, secrets and tokens. The slug is part of its "
                             "webhook addresses: /t/<slug>/webhooks/…"));
    tenantsAbout->setTextFormat(Qt::PlainText);
    tenantsAbout->setWordWrap(true);
    tenantsAbout->setForegroundRole(QPalette::PlaceholderText);
    m_tenants->setHeaderLabels({tr("Name"), tr("Slug")});
    m_tenants->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tenants->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_newTenant->setText(tr("&New…"));
    m_rename->setText(tr("&Rename…"));
    m_delete->setText(tr("&Delete…"));
    m_switch->setText(tr("&Switch to"));
    m_switch->setToolTip(tr("Show this tenant's calls in the main window"));
    auto *tenantButtons = new QHBoxLayout;
    tenantButtons->setSpacing(6);
    tenantButtons->addWidget(m_newTenant);
    tenantButtons->addWidget(m_rename);
    tenantButtons->addWidget(m_delete);
    tenantButtons->addStretch(1);
    tenantButtons->addWidget(m_switch);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 6, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(tenantsHeading);
    leftLayout->addWidget(tenantsAbout);
    leftLayout->addWidget(m_tenants, 1);
    leftLayout->addLayout(tenantButtons);

    // Right: the selected tenant's tokens.
    auto *tokensAbout = new QLabel(this);
    tokensAbout->setText(tr("An ingest token lets your backend send its tool-call events; a read token lets "
                            "dashboards and scripts read calls, callbacks and errors. A token is shown once, "
                            "when it is created."));
    tokensAbout->setWordWrap(true);
    tokensAbout->setForegroundRole(QPalette::PlaceholderText);
    m_tokens->setHeaderLabels({tr("Label"), tr("Scope"), tr("Created"), tr("Last used"), tr("State")});
    m_tokens->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 5; ++column)
        m_tokens->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_noTokens->setText(tr("No tokens yet."));
    m_noTokens->setForegroundRole(QPalette::PlaceholderText);
    m_noTokens->setAlignment(Qt::AlignCenter);
    m_newToken->setText(tr("New &token…"));
    m_revoke->setText(tr("Re&voke…"));
    auto *tokenButtons = new QHBoxLayout;
    tokenButtons->setSpacing(6);
    tokenButtons->addWidget(m_newToken);
    tokenButtons->addWidget(m_revoke);
    tokenButtons->addStretch(1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 0, 0, 0);
    rightLayout->setSpacing(6);
    rightLayout->addWidget(m_tokensHeading);
    rightLayout->addWidget(tokensAbout);
    rightLayout->addWidget(m_tokens, 1);
    rightLayout->addWidget(m_noTokens);
    rightLayout->addLayout(tokenButtons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // The tokens' five columns need the room more than the tenants' two.
    splitter->setSizes({380, 600});
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(10);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);
    m_message->hide();
    resize(980, 480);

    connect(m_newTenant, &QPushButton::clicked, this, &TenantsDialog::newTenant);
    connect(m_rename, &QPushButton::clicked, this, &TenantsDialog::renameTenant);
    connect(m_delete, &QPushButton::clicked, this, &TenantsDialog::deleteTenant);
    connect(m_switch, &QPushButton::clicked, this, &TenantsDialog::switchToTenant);
    connect(m_newToken, &QPushButton::clicked, this, &TenantsDialog::newToken);
    connect(m_revoke, &QPushButton::clicked, this, &TenantsDialog::revokeToken);
    connect(m_tenants, &QTreeWidget::itemSelectionChanged, this, [this] {
        reloadTokens();
        updateButtons();
    });
    connect(m_tenants, &QTreeWidget::itemDoubleClicked, this, [this] { switchToTenant(); });
    connect(m_tokens, &QTreeWidget::itemSelectionChanged, this, &TenantsDialog::updateButtons);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_store, &Store::changed, this, [this](const StoreChanges &changes) {
        if (changes.kinds & (StoreChanges::Tenants | StoreChanges::Tokens))
            reload();
    });
    reload();
    selectTenant(m_current);
}

void TenantsDialog::setCurrentTenant(const QString &slug)
{
    m_current = slug;
    reload();
}

QString TenantsDialog::selectedTenant() const
{
    return selectedKey(m_tenants);
}

void TenantsDialog::selectTenant(const QString &slug)
{
    selectKey(m_tenants, slug);
}

QString TenantsDialog::selectedTokenId() const
{
    return selectedKey(m_tokens);
}

void TenantsDialog::selectToken(const QString &tokenId)
{
    selectKey(m_tokens, tokenId);
}

std::optional<Tenant> TenantsDialog::tenant(const QString &slug) const
{
    for (const Tenant &tenant : m_tenantRecords) {
        if (tenant.slug == slug)
            return tenant;
    }
    return std::nullopt;
}

void TenantsDialog::reload()
{
    const QString selected = selectedTenant();
    auto tenants = m_reader->tenants();
    if (!tenants) {
        showError(tr("The tenants cannot be read"), tenants.error());
        return;
    }
    m_tenantRecords = *tenants;
    const QSignalBlocker blocker(m_tenants);
    m_tenants->clear();
    for (const Tenant &tenant : std::as_const(m_tenantRecords)) {
        auto *item = new QTreeWidgetItem(m_tenants);
        const bool current = tenant.slug == m_current;
        item->setText(0, current ? tr("%1 (current)").arg(tenant.name) : tenant.name);
        item->setText(1, tenant.slug);
        item->setData(0, keyRole, tenant.slug);
        item->setToolTip(0, current ? tr("The main window shows this tenant") : tenant.name);
        if (current) {
            QFont font = item->font(0);
            font.setBold(true);
            item->setFont(0, font);
        }
    }
    selectTenant(selected.isEmpty() || !tenant(selected) ? m_current : selected);
    reloadTokens();
    updateButtons();
}

void TenantsDialog::reloadTokens()
{
    const QString selectedToken = selectedTokenId();
    m_tokens->clear();
    m_tokenRecords.clear();
    const auto shown = tenant(selectedTenant());
    m_tokensHeading->setText(shown ? tr("API tokens of “%1”").arg(shown->name) : tr("API tokens"));
    if (shown) {
        auto tokens = m_reader->tokens(shown->id);
        if (!tokens) {
            showError(tr("The tokens cannot be read"), tokens.error());
        } else {
            m_tokenRecords = *tokens;
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QSignalBlocker blocker(m_tokens);
    for (const TokenInfo &token : std::as_const(m_tokenRecords)) {
        auto *item = new QTreeWidgetItem(m_tokens);
        item->setData(0, keyRole, token.tokenId);
        item->setText(0, token.label.isEmpty() ? tr("(no label)") : token.label);
        item->setToolTip(0, tr("Token id %1").arg(token.tokenId));
        const bool ingest = token.scope == "ingest"_L1;
        item->setText(1, ingest ? tr("Ingest") : tr("Read"));
        item->setToolTip(1, ingest ? tr("Sends backend events: POST /api/v1/events")
                                   : tr("Reads calls, callbacks and errors: GET /api/v1/…"));
        item->setText(2, shortDate(token.createdAtMs));
        item->setToolTip(2, shortDateTime(token.createdAtMs));
        item->setText(3, token.lastUsedAtMs ? ErrorPresentation::ago(*token.lastUsedAtMs, now) : tr("Never"));
        if (token.lastUsedAtMs)
            item->setToolTip(3, shortDateTime(*token.lastUsedAtMs));
        if (token.revokedAtMs) {
            item->setText(4, tr("Revoked %1").arg(shortDate(*token.revokedAtMs)));
            item->setToolTip(4, tr("Revoked %1").arg(shortDateTime(*token.revokedAtMs)));
            for (int column = 0; column < 5; ++column)
                item->setForeground(column, palette().brush(QPalette::Disabled, QPalette::Text));
        } else {
            item->setText(4, tr("Active"));
        }
    }
    m_tokens->setVisible(!m_tokenRecords.isEmpty());
    m_noTokens->setVisible(m_tokenRecords.isEmpty());
    m_noTokens->setText(shown ? tr("No tokens yet.") : tr("Select a tenant to see its tokens."));
    selectToken(selectedToken);
}

void TenantsDialog::updateButtons()
{
    const QString slug = selectedTenant();
    const bool any = !slug.isEmpty();
    const bool isDefault = slug == "default"_L1;
    m_rename->setEnabled(any);
    m_delete->setEnabled(any && !isDefault);
    m_delete->setToolTip(isDefault ? tr("The tenant “default” cannot be deleted: it receives the webhooks "
                                        "whose address names no tenant.")
                                   : QString());
    m_switch->setEnabled(any && slug != m_current);
    m_newToken->setEnabled(any);
    bool revocable = false;
    const QString tokenId = selectedTokenId();
    for (const TokenInfo &token : std::as_const(m_tokenRecords))
        revocable |= token.tokenId == tokenId && !token.revokedAtMs;
    m_revoke->setEnabled(revocable);
}

void TenantsDialog::showError(const QString &what, const StoreError &error)
{
    m_message->showMessage(MessageBar::Kind::Error, tr("%1: %2").arg(what, error.message));
}

void TenantsDialog::openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    emit dialogOpened(dialog);
}

void TenantsDialog::newTenant()
{
    auto *dialog = new TenantFormDialog(TenantFormDialog::Mode::Create, m_tenantRecords, {}, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString slug = dialog->slug();
        m_store->createTenant(slug, dialog->name())
            .then(this, [this, slug](const Store::Result<Tenant> &created) {
                if (!created) {
                    showError(tr("The tenant was not created"), created.error());
                    return;
                }
                m_message->hide();
                reload();
                selectTenant(slug);
                emit tenantsChanged();
            });
    });
    openDialog(dialog);
}

void TenantsDialog::renameTenant()
{
    const auto renamed = tenant(selectedTenant());
    if (!renamed)
        return;
    auto *dialog = new TenantFormDialog(TenantFormDialog::Mode::Rename, m_tenantRecords, *renamed, this);
    connect(dialog, &QDialog::accepted, this, [this, dialog, slug = renamed->slug] {
        m_store->renameTenant(slug, dialog->name()).then(this, [this](const Store::Result<Tenant> &done) {
            if (!done) {
                showError(tr("The tenant was not renamed"), done.error());
                return;
            }
            m_message->hide();
            reload();
            emit tenantsChanged();
        });
    });
    openDialog(dialog);
}

void TenantsDialog::deleteTenant()
{
    const auto doomed = tenant(selectedTenant());
    if (!doomed || doomed->slug == "default"_L1)
        return;
    DeleteTenantDialog::Counts counts;
    counts.calls = m_reader->countCalls(doomed->id).value_or(0);
    counts.callbacks = m_reader->countCallbacks(doomed->id, CallbackQuery{}).value_or(0);
    if (const auto tokens = m_reader->tokens(doomed->id)) {
        for (const TokenInfo &token : *tokens)
            counts.tokens += token.revokedAtMs ? 0 : 1;
    }
    auto *dialog = new DeleteTenantDialog(*doomed, counts, this);
    connect(dialog, &QDialog::accepted, this, [this, slug = doomed->slug] {
        m_store->deleteTenant(slug).then(this, [this, slug](const Store::Result<bool> &done) {
            if (!done) {
                showError(tr("The tenant was not deleted"), done.error());
                return;
            }
            m_message->hide();
            if (slug == m_current) {
                m_current = u"default"_s;
                emit currentTenantRequested(m_current);
            }
            reload();
            emit tenantsChanged();
        });
    });
    openDialog(dialog);
}

void TenantsDialog::switchToTenant()
{
    const QString slug = selectedTenant();
    if (slug.isEmpty() || slug == m_current)
        return;
    setCurrentTenant(slug);
    emit currentTenantRequested(slug);
}

void TenantsDialog::newToken()
{
    const auto owner = tenant(selectedTenant());
    if (!owner)
        return;
    auto *dialog = new NewTokenDialog(m_store, *owner, this);
    connect(dialog, &NewTokenDialog::created, this, [this](const QString &tokenId) {
        reloadTokens();
        selectToken(tokenId);
        updateButtons();
    });
    openDialog(dialog);
}

void TenantsDialog::revokeToken()
{
    const QString tokenId = selectedTokenId();
    const auto owner = tenant(selectedTenant());
    const auto token = std::find_if(m_tokenRecords.cbegin(), m_tokenRecords.cend(),
                                    [&](const TokenInfo &info) { return info.tokenId == tokenId; });
    if (!owner || token == m_tokenRecords.cend() || token->revokedAtMs)
        return;
    auto *box = new QMessageBox(this);
    box->setObjectName(u"revokeTokenDialog"_s);
    box->setIcon(QMessageBox::Warning);
    box->setWindowTitle(tr("Revoke token"));
    box->setText(token->label.isEmpty()
                     ? tr("Revoke this token of “%1”?").arg(owner->name)
                     : tr("Revoke the token “%1” of “%2”?").arg(token->label, owner->name));
    box->setInformativeText(tr("Programs that use it are refused from then on. This cannot be undone."));
    QPushButton *revoke = box->addButton(tr("Revoke token"), QMessageBox::DestructiveRole);
    revoke->setObjectName(u"confirmRevokeButton"_s);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    connect(revoke, &QPushButton::clicked, this, [this, slug = owner->slug, tokenId] {
        m_store->revokeToken(slug, tokenId).then(this, [this](const Store::Result<bool> &done) {
            if (!done) {
                showError(tr("The token was not revoked"), done.error());
                return;
            }
            m_message->hide();
            reloadTokens();
            updateButtons();
        });
    });
    openDialog(box);
}

} // namespace CallScope
