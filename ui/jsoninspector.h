// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace CallScope {

// A titled, read-only, monospace view of a JSON value, pretty-printed, or of any text, with a Copy
// button: a function's arguments, result or error, a receipt's headers or body.
class JsonInspector : public QWidget
{
    Q_OBJECT

public:
    // `textObjectName` names the text view (tests find it by that name; its Copy button gets the
    // name with "Copy" appended).
    explicit JsonInspector(const QString &textObjectName, QWidget *parent = nullptr);

    void setTitle(const QString &title);
    // A short note beside the title, e.g. the body's format.
    void setNote(const QString &note);
    // Pretty JSON when `json` is one JSON value, else its text as it is.
    void setJson(const QByteArray &json);
    void setText(const QString &text);
    // Never taller than its text needs (a short value leaves the room to the blocks below it).
    void setFitToContent(bool fit);
    void retranslateUi();

    // `text` indented when it is one JSON value (object, array or scalar), else nullopt.
    static std::optional<QString> prettyJson(QByteArrayView text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHeight();

    bool m_fitToContent = false;
    QLabel *m_title;
    QLabel *m_note;
    QToolButton *m_copy;
    QPlainTextEdit *m_text;
};

} // namespace CallScope
