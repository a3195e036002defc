// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "types.h"

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
    void retranslateUi();

private:
    struct Row
    {
        Provider provider;
        QLabel *name;
        QLineEdit *url;
        QToolButton *copy;
        QLabel *how;
    };
    QLabel *m_heading;
    QLabel *m_backendHint;
    QList<Row> m_rows;
    QString m_baseUrl;
    QString m_tenant;
};

} // namespace CallScope
