// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "calldetail.h"

#include <QWidget>

#include <expected>
#include <functional>

class QLabel;
class QTabWidget;
class QToolButton;

namespace CallScope {

class CallTimelineWidget;
class ReceiptsView;
class TimelineInspector;

// One call for the support engineer: a header with its numbers, agent, times, outcome, cost and
// links; the timeline with an inspector beside it; every receipt that arrived for it; and the call
// exported as a JSON bundle or the timeline as a PNG.
class CallDetailView : public QWidget
{
    Q_OBJECT

public:
    // Asks where to save (caption, suggested path, filter); empty: cancelled. A seam for tests.
    using FileChooser =
        std::function<QString(const QString &caption, const QString &suggested, const QString &filter)>;

    explicit CallDetailView(QWidget *parent = nullptr);
    ~CallDetailView() override;

    // The tenant named in the export bundle.
    void setTenantSlug(const QString &slug);
    // The same call again (it grew live) keeps the timeline's zoom, scroll and selection.
    void setDetail(const CallDetail &detail);
    const CallDetail &detail() const;
    CallTimelineWidget *timeline() const { return m_timeline; }
    ReceiptsView *receipts() const { return m_receipts; }

    std::expected<void, QString> exportBundle(const QString &path) const;
    std::expected<void, QString> exportPng(const QString &path) const;
    void selectFunction(const QString &toolCallId);
    // Selects what failed at `offsetMs` on the timeline (ms from the call's start) and scrolls to it:
    // the error marker or failed function nearest to it, else the nearest item. False when the call
    // has no items.
    bool selectFailureAt(qint64 offsetMs);
    void setFileChooser(FileChooser chooser);
    void retranslateUi();

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateHeader();
    void exportInteractively(bool png);
    QString suggestedFileName(const QString &extension) const;

    QString m_tenantSlug;
    FileChooser m_fileChooser;

    QWidget *m_header;
    QLabel *m_title;
    QLabel *m_outcome;
    QList<QLabel *> m_captions;
    QList<QLabel *> m_values;
    QLabel *m_summary;
    QLabel *m_exportStatus;
    QToolButton *m_exportJson;
    QToolButton *m_exportPng;
    QTabWidget *m_tabs;
    QLabel *m_timelineHint;
    CallTimelineWidget *m_timeline;
    TimelineInspector *m_inspector;
    ReceiptsView *m_receipts;
};

} // namespace CallScope
