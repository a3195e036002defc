// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store.h"

#include <QObject>
#include <QString>

#include <memory>

namespace CallScope {

class Runtime;

// "Load demo calls": plays a day of simulated calls against the app's own listener, signed with
// secrets generated for the run, so that the demo goes the real way (signatures, ingest, store).
// The demo tenant's secrets live only in the runtime's overlay for the run (never in the keychain,
// the settings, the database or a log); its ingest token, for the backend's tool-call events, is
// revoked when the run ends. The simulator blocks on its sockets, so it runs on a thread of its
// own while the listener keeps answering on this one.
class DemoLoader : public QObject
{
    Q_OBJECT

public:
    enum class Language
    {
        FollowUi, // German calls under a German user interface, English ones otherwise
        English,
        German,
        Mixed,
    };
    struct Options
    {
        QString tenant = QStringLiteral("demo");
        QString name; // empty: "Demo practice", translated
        int calls = 40;
        Language language = Language::FollowUi;
        // The simulator's seed decides every id: 0 draws a new one per run, so that a second load
        // adds calls instead of repeating the first as duplicates.
        quint64 seed = 0;
    };

    explicit DemoLoader(Runtime *runtime, QObject *parent = nullptr);
    // Cancels a run in progress without waiting for it: its thread ends on its own and tidies up
    // (token revoked, secrets dropped) if the runtime is still there.
    ~DemoLoader() override;

    // Emits progress() while it runs, then finished() or failed(); never before it returns.
    void start(const Options &options);
    // Stops before the next few calls; the run then finishes (not ok) with what was loaded.
    void cancel();
    bool isRunning() const;

    // The id of the ingest token of the current or last run (revoked once it ended).
    QString tokenId() const;
    // The secret keys generated for a run.
    static const QStringList &secretKeys();

signals:
    // Deliveries answered of all to send.
    void progress(int done, int total);
    // The run went through: ok when every delivery was accepted; otherwise the summary says how many
    // were refused and why, or that it was cancelled.
    void finished(bool ok, const QString &summary);
    // Nothing could be loaded: no listener, the tenant or token could not be made, no connection.
    void failed(const QString &reason);

private:
    struct Run;
    struct Outcome;
    void fail(const QString &reason);
    void prepare(const std::shared_ptr<Run> &run);
    void tokenCreated(const std::shared_ptr<Run> &run,
                      const std::expected<Store::NewToken, StoreError> &token);
    void launch(const std::shared_ptr<Run> &run);
    void reportProgress(qint64 done, qint64 total);
    static void conclude(const std::shared_ptr<Run> &run, const Outcome &outcome);
    void report(const Run &run, const Outcome &outcome);

    Runtime *m_runtime;
    std::shared_ptr<Run> m_run; // while one is under way
    QString m_tokenId;
};

} // namespace CallScope
