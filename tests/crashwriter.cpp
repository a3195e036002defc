// SPDX-License-Identifier: GPL-3.0-or-later
// The child of tst_crashsafety: appends batches through the store from several threads, and writes
// "acked BATCH UNITS" to stdout the moment a batch's completion fires, until it is killed.
// Usage: crashwriter DATABASE_URL FIRST_BATCH_ID
#include "store.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QMutex>

#include <thread>
#include <unistd.h>
#include <vector>

using namespace CallScope;
using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3)
        qFatal("usage: crashwriter DATABASE_URL FIRST_BATCH_ID");
    auto url = DatabaseUrl::parse(args.at(1));
    if (!url)
        qFatal("%s", qPrintable(url.error()));
    auto store = Store::open(*url, url->password);
    if (!store)
        qFatal("%s", qPrintable(store.error().message));
    const qint64 first = args.at(2).toLongLong();

    QMutex outputLock;
    constexpr int workers = 4;
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            for (qint64 n = 0;; ++n) {
                const qint64 batch = first + n * workers + w;
                const int units = 1 + int(batch % 5);
                QList<IngestUnit> list;
                for (int u = 0; u < units; ++u) {
                    const QString call = u"crash-call-%1"_s.arg(batch % 20);
                    CallEvents events;
                    for (int e = 0; e < 3; ++e)
                        events.append(Test::transcriptEvent(Provider::Retell, call, u"user"_s,
                                                            u"b%1-u%2-e%3"_s.arg(batch).arg(u).arg(e),
                                                            batch * 100 + u * 10 + e, 1'000'000 + batch));
                    list.append(
                        Test::makeUnit(Provider::Retell, u"b%1-u%2"_s.arg(batch).arg(u), call, events));
                }
                auto future = (*store)->ingest(IngestSubmission{u"default"_s, list});
                future.waitForFinished();
                if (!future.result())
                    qFatal("ingest failed: %s", qPrintable(future.result().error().message));
                const QByteArray line =
                    "acked " + QByteArray::number(batch) + ' ' + QByteArray::number(units) + '\n';
                QMutexLocker lock(&outputLock);
                // Unbuffered: the parent must see the acknowledgement before anything else happens.
                if (::write(STDOUT_FILENO, line.constData(), size_t(line.size())) != line.size())
                    qFatal("cannot write to stdout");
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    return 0;
}
