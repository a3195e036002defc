// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace CallScope {

// Creates an API token for a tenant (scope ingest or read, and a label) and shows it once: in a
// read-only field with a Copy button and the warning that it will not be shown again. The store keeps
// only its hash; this dialog forgets the token as soon as it is closed.
class NewTokenDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int maxLabelLength = 100;

    NewTokenDialog(Store *store, const Tenant &tenant, QWidget *parent = nullptr);
    ~NewTokenDialog() override;

    // "ingest" or "read".
    QString scope() const;
    void setScope(const QString &scope);
    QString label() const;
    // The token while it is shown; empty before it is created and once the dialog is closed.
    QString token() const { return m_token; }
    bool isShowingToken() const;

    QLineEdit *labelField() const { return m_label; }
    QLineEdit *tokenField() const { return m_tokenField; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *doneButton() const { return m_done; }

    void done(int result) override;

signals:
    void created(const QString &tokenId);

private:
    void create();
    void showToken(const Store::NewToken &token);
    void forget();

    Store *m_store;
    Tenant m_tenant;
    QString m_token;
    QStackedWidget *m_pages;
    QRadioButton *m_ingest;
    QRadioButton *m_read;
    QLineEdit *m_label;
    QLabel *m_problem;
    QPushButton *m_create;
    QPushButton *m_cancel;
    QLabel *m_shownHeading;
    QLabel *m_usage;
    QLineEdit *m_tokenField;
    QPushButton *m_copy;
    QPushButton *m_done;
};

} // namespace CallScope
