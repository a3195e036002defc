// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storetypes.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QTableView;

namespace CallScope {

class JsonInspector;
class ReceiptsModel;

// Every webhook and backend event that arrived for a call, in arrival order, and the selected one's
// headers and body, pretty-printed (secrets were removed at ingest).
class ReceiptsView : public QWidget
{
    Q_OBJECT

public:
    explicit ReceiptsView(QWidget *parent = nullptr);
    ~ReceiptsView() override;

    // Keeps the selected receipt when it is still there (the call grew live), else selects the first.
    void setReceipts(const QList<StoredReceipt> &receipts, std::optional<qint64> callStartMs);
    QAbstractItemModel *model() const;
    QTableView *table() const { return m_table; }
    void selectRow(int row);
    void retranslateUi();

    // A JSON body indented, a form-encoded body (Twilio) as "key = value" lines, anything else as its
    // text. `format` receives what it was taken for.
    enum class BodyFormat
    {
        Empty,
        Json,
        Form,
        Text
    };
    static QString prettyBody(const QByteArray &body, BodyFormat *format = nullptr);
    static QString prettyHeaders(const QByteArray &headersJson);

private:
    void showRow(int row);

    ReceiptsModel *m_model;
    QTableView *m_table;
    QLabel *m_summary;
    JsonInspector *m_headers;
    JsonInspector *m_body;
};

} // namespace CallScope
