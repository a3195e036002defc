// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace CallScope {

// One secret of the settings dialog (an API key, a signing secret, a password). It says whether the
// secret is stored, never what it is: the stored value is not read into any widget. A new value is
// typed into a masked field that starts empty, and Remove only marks the secret; the dialog writes
// both when it saves.
class SecretField : public QWidget
{
    Q_OBJECT

public:
    enum class Stored
    {
        Reading, // the secret store has not answered yet
        NotSet,
        Set,
        Unreadable, // the store answered with an error (storedError())
    };
    enum class Action
    {
        Keep,
        Replace, // with newValue()
        Remove,
    };

    // `key`: the secret store's key (retell.apiKey ...), which also names the child widgets:
    // secretState_<key>, secretValue_<key>, secretReplace_<key>, secretRemove_<key>, secretUndo_<key>.
    explicit SecretField(const QString &key, QWidget *parent = nullptr);

    QString key() const { return m_key; }
    Stored stored() const { return m_stored; }
    QString storedError() const { return m_error; }
    void setStored(Stored stored, const QString &error = {});

    // What saving does: Replace only with a value typed (an empty entry keeps the stored secret).
    Action action() const;
    // The value typed, without the blanks a paste often brings along.
    QString newValue() const;
    // Restores a pending change (switching tenants keeps what was typed for each).
    void setPending(Action action, const QString &value = {});
    // Forgets the pending change (after it was saved).
    void clearPending() { setPending(Action::Keep); }

    QLineEdit *valueField() const { return m_value; }
    // The field's description for the screen reader and the problem label ("Retell API key").
    void setAccessibleName(const QString &name);
    // The placeholder of the masked field ("Paste the API key from Retell's dashboard").
    void setPlaceholder(const QString &text);

signals:
    // The pending change or the typed value changed.
    void edited();

protected:
    void changeEvent(QEvent *event) override;

private:
    void startEntry();
    void updateState();
    void retranslateUi();

    QString m_key;
    Stored m_stored = Stored::Reading;
    QString m_error;
    Action m_mode = Action::Keep;
    QLabel *m_state;
    QLineEdit *m_value;
    QPushButton *m_replace;
    QPushButton *m_remove;
    QPushButton *m_undo;
};

} // namespace CallScope
