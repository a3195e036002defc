// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace CallScope {

class MessageBar;
class Store;
class StoreReader;

// Tenants & tokens: the tenants on the left (create, rename, delete, switch to), the selected
// tenant's API tokens on the right (create one and see it once, revoke). Every change goes through
// the Store; the lists follow its change notifications. Its own dialogs are window-modal and
// asynchronous (no nested event loop).
class TenantsDialog : public QDialog
{
    Q_OBJECT

public:
    // `reader` belongs to this thread (the GUI's).
    TenantsDialog(Store *store, StoreReader *reader, QWidget *parent = nullptr);

    // The tenant the main window shows, marked in the list.
    void setCurrentTenant(const QString &slug);
    QString currentTenant() const { return m_current; }
    QString selectedTenant() const;
    void selectTenant(const QString &slug);
    QString selectedTokenId() const;
    void selectToken(const QString &tokenId);

    QTreeWidget *tenantList() const { return m_tenants; }
    QTreeWidget *tokenList() const { return m_tokens; }
    MessageBar *messageBar() const { return m_message; }

    // Re-reads tenants and tokens (on every Tenants or Tokens change of the store).
    void reload();

signals:
    // A tenant was created, renamed or deleted.
    void tenantsChanged();
    // "Switch to": the main window should show this tenant (also asked for "default" when the
    // current tenant was deleted).
    void currentTenantRequested(const QString &slug);
    // One of its dialogs opened (a seam for tests and the screenshots).
    void dialogOpened(QDialog *dialog);

private:
    void newTenant();
    void renameTenant();
    void deleteTenant();
    void switchToTenant();
    void newToken();
    void revokeToken();
    void reloadTokens();
    void updateButtons();
    std::optional<Tenant> tenant(const QString &slug) const;
    void showError(const QString &what, const StoreError &error);
    void openDialog(QDialog *dialog);

    Store *m_store;
    StoreReader *m_reader;
    QString m_current = QStringLiteral("default");
    QList<Tenant> m_tenantRecords;
    QList<TokenInfo> m_tokenRecords;
    MessageBar *m_message;
    QTreeWidget *m_tenants;
    QPushButton *m_newTenant;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_switch;
    QLabel *m_tokensHeading;
    QTreeWidget *m_tokens;
    QLabel *m_noTokens;
    QPushButton *m_newToken;
    QPushButton *m_revoke;
};

} // namespace CallScope
