// SPDX-License-Identifier: GPL-3.0-or-later
#include "receiptsview.h"

#include "callpresentation.h"
#include "jsoninspector.h"
#include "jsontext.h"
#include "recordtable.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

// The receipts of one call as table rows; rows are only appended while the call grows.
class ReceiptsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        Received,
        CallTime,
        Provider,
        EventType,
        VerificationColumn,
        Status,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setReceipts(const QList<StoredReceipt> &receipts, std::optional<qint64> callStartMs)
    {
        const bool grows =
            receipts.size() > m_receipts.size() && m_callStartMs == callStartMs &&
            std::equal(m_receipts.cbegin(), m_receipts.cend(), receipts.cbegin(),
                       [](const StoredReceipt &a, const StoredReceipt &b) { return a.id == b.id; });
        if (grows) {
            beginInsertRows(QModelIndex(), int(m_receipts.size()), int(receipts.size()) - 1);
            m_receipts = receipts;
            endInsertRows();
            return;
        }
        beginResetModel();
        m_receipts = receipts;
        m_callStartMs = callStartMs;
        endResetModel();
    }
    const StoredReceipt *receipt(int row) const
    {
        return row >= 0 && row < m_receipts.size() ? &m_receipts.at(row) : nullptr;
    }
    void retranslate()
    {
        emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
        if (!m_receipts.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_receipts.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const StoredReceipt &r = m_receipts.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
            case Received:
                return CallPresentation::localTime(r.receivedAtMs);
            case CallTime: {
                if (!m_callStartMs)
                    return QString();
                // Before the call's start (a ringing webhook) the offset carries its own minus sign.
                const QString at = CallPresentation::offset(r.receivedAtMs - *m_callStartMs, 100);
                return r.receivedAtMs < *m_callStartMs ? at : QString(u'+' + at);
            }
            case Provider:
                return CallPresentation::provider(r.provider);
            case EventType:
                return r.eventType.isEmpty() ? tr("(not named)") : r.eventType;
            case VerificationColumn:
                return CallPresentation::verification(r.verification);
            case Status:
                return CallPresentation::receiptStatus(r.status);
            }
            break;
        case Qt::ForegroundRole:
            if ((index.column() == VerificationColumn && r.verification == Verification::Unsigned) ||
                (index.column() == Status && r.status == ReceiptStatus::Unattributed))
                return CallPresentation::warningColor(QGuiApplication::palette());
            break;
        case Qt::ToolTipRole:
            if (index.column() == Received)
                return QDateTime::fromMSecsSinceEpoch(r.receivedAtMs)
                    .toLocalTime()
                    .toString(Qt::ISODateWithMs);
            if (index.column() == VerificationColumn && r.verification == Verification::Unsigned)
                return tr("Accepted without a signature check: the tenant marked this provider unsigned.");
            if (index.column() == Status && r.status == ReceiptStatus::Unattributed)
                return tr("Verified and stored, but it could not be attributed to a call or agent.");
            return tr("Event key: %1").arg(r.eventKey);
        case Qt::TextAlignmentRole:
            if (index.column() == Received || index.column() == CallTime)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            break;
        case Qt::UserRole:
            return r.receivedAtMs;
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return QAbstractTableModel::headerData(section, orientation, role);
        switch (section) {
        case Received:
            return tr("Received");
        case CallTime:
            return tr("Call time");
        case Provider:
            return tr("Provider");
        case EventType:
            return tr("Event type");
        case VerificationColumn:
            return tr("Verification");
        case Status:
            return tr("Status");
        }
        return {};
    }

private:
    QList<StoredReceipt> m_receipts;
    std::optional<qint64> m_callStartMs;
};

ReceiptsView::ReceiptsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ReceiptsModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_headers(new JsonInspector(u"receiptHeaders"_s, this))
    , m_body(new JsonInspector(u"receiptBody"_s, this))
{
    setObjectName(u"receiptsView"_s);
    m_table->setObjectName(u"receiptsTable"_s);
    setUpRecordTable(m_table, m_model);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ReceiptsModel::EventType, QHeaderView::Stretch);
    m_summary->setObjectName(u"receiptSummary"_s);
    m_summary->setTextFormat(Qt::PlainText); // event types come from webhooks
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    QFont summaryFont = m_summary->font();
    summaryFont.setBold(true);
    m_summary->setFont(summaryFont);

    auto *detail = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 6, 0, 0);
    detailLayout->setSpacing(8);
    detailLayout->addWidget(m_summary);
    auto *blocks = new QSplitter(Qt::Horizontal, detail);
    blocks->setChildrenCollapsible(false);
    blocks->addWidget(m_headers);
    blocks->addWidget(m_body);
    blocks->setStretchFactor(0, 1);
    blocks->setStretchFactor(1, 2);
    detailLayout->addWidget(blocks, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_table);
    split->addWidget(detail);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(split);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRow(current.row()); });
    retranslateUi();
}

ReceiptsView::~ReceiptsView() = default;

QAbstractItemModel *ReceiptsView::model() const
{
    return m_model;
}

void ReceiptsView::setReceipts(const QList<StoredReceipt> &receipts, std::optional<qint64> callStartMs)
{
    const QModelIndex current = m_table->currentIndex();
    const qint64 currentId = current.isValid() ? m_model->receipt(current.row())->id : -1;
    m_model->setReceipts(receipts, callStartMs);
    int row = 0;
    for (int i = 0; i < receipts.size(); ++i) {
        if (receipts.at(i).id == currentId)
            row = i;
    }
    selectRow(receipts.isEmpty() ? -1 : row);
}

void ReceiptsView::selectRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_table->setCurrentIndex(m_model->index(row, 0));
    showRow(row);
}

void ReceiptsView::retranslateUi()
{
    m_model->retranslate();
    m_headers->retranslateUi();
    m_body->retranslateUi();
    m_headers->setTitle(tr("Headers"));
    m_body->setTitle(tr("Body"));
    showRow(m_table->currentIndex().row());
}

void ReceiptsView::showRow(int row)
{
    const StoredReceipt *receipt = m_model->receipt(row);
    if (!receipt) {
        m_summary->setText(m_model->rowCount() == 0
                               ? tr("No webhook or backend event has arrived for this call.")
                               : QString());
        m_headers->setText(QString());
        m_body->setText(QString());
        m_body->setNote(QString());
        return;
    }
    m_summary->setText(tr("%1 · %2 · received %3 · %4")
                           .arg(CallPresentation::provider(receipt->provider),
                                receipt->eventType.isEmpty() ? tr("(not named)") : receipt->eventType,
                                CallPresentation::localDateTime(receipt->receivedAtMs),
                                CallPresentation::verification(receipt->verification)));
    m_headers->setText(prettyHeaders(receipt->headersJson));
    BodyFormat format = BodyFormat::Empty;
    m_body->setText(prettyBody(receipt->body, &format));
    const QString size = QLocale().formattedDataSize(receipt->body.size());
    switch (format) {
    case BodyFormat::Empty:
        m_body->setNote(tr("empty"));
        break;
    case BodyFormat::Json:
        m_body->setNote(tr("JSON, %1").arg(size));
        break;
    case BodyFormat::Form:
        m_body->setNote(tr("form-encoded, %1").arg(size));
        break;
    case BodyFormat::Text:
        m_body->setNote(tr("text, %1").arg(size));
        break;
    }
}

QString ReceiptsView::prettyBody(const QByteArray &body, BodyFormat *format)
{
    const auto tell = [format](BodyFormat f) {
        if (format)
            *format = f;
    };
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        tell(BodyFormat::Empty);
        return {};
    }
    if (const auto json = JsonInspector::prettyJson(trimmed)) {
        tell(BodyFormat::Json);
        return *json;
    }
    // application/x-www-form-urlencoded: key=value pairs joined by '&', nothing else.
    static const QRegularExpression form(
        u"^[A-Za-z0-9_.~*%+\\-\\[\\]]+=[^&\\s]*(&[A-Za-z0-9_.~*%+\\-\\[\\]]+=[^&\\s]*)*$"_s);
    const QString text = QString::fromUtf8(trimmed);
    if (form.match(text).hasMatch()) {
        QString spaced = text;
        spaced.replace(u'+', u"%20"_s);
        const QList<std::pair<QString, QString>> items = QUrlQuery(spaced).queryItems(QUrl::FullyDecoded);
        qsizetype width = 0;
        for (const auto &[key, value] : items)
            width = std::max(width, key.size());
        QStringList lines;
        for (const auto &[key, value] : items)
            lines << key.leftJustified(width) + u" = "_s + value;
        tell(BodyFormat::Form);
        return lines.join(u'\n');
    }
    tell(BodyFormat::Text);
    return QString::fromUtf8(body);
}

QString ReceiptsView::prettyHeaders(const QByteArray &headersJson)
{
    if (headersJson.trimmed().isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(headersJson);
    if (!document.isObject())
        return JsonInspector::prettyJson(headersJson).value_or(QString::fromUtf8(headersJson));
    const QJsonObject headers = document.object();
    QStringList lines;
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const QJsonValue value = it.value();
        const QString text = value.isString() ? value.toString() : QString::fromUtf8(jsonText(value));
        lines << it.key() + u": "_s + text;
    }
    return lines.join(u'\n');
}

} // namespace CallScope

#include "receiptsview.moc"
