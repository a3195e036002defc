// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

#include <QHash>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace CallScope {

// Tells a new user, per provider, the webhook URL to paste and where it goes in that provider's
// dashboard, with a copy button for each URL.
class WebhookSetupPanel : public QWidget
{
    Q_OBJECT

public:
    explicit WebhookSetupPanel(QWidget *parent = nullptr);

    void setBaseUrl(const QString &publicBaseUrl, const QString &tenant);
    // Which providers have their signing secret stored (provider name -> stored).
    void setConfiguredProviders(const QHash<QString, bool> &configured);
    void retranslateUi();

private:
    struct Row
    {
        Provider provider;
        QLabel *name;
        QLineEdit *url;
        QToolButton *copy;
        QLabel *how;
        QLabel *status;
    };
    void updateStatus(Row &row);

    QLabel *m_heading;
    QLabel *m_backendHint;
    QLabel *m_secretHint;
    QHash<QString, bool> m_configured;
    QList<Row> m_rows;
    QString m_baseUrl;
    QString m_tenant;
};

} // namespace CallScope
