// SPDX-License-Identifier: GPL-3.0-or-later
// Tenants & tokens on real widgets over a real SQLite store, as an office manager uses it: a tenant
// created (a slug that is not valid or is taken refused next to the field), renamed, deleted only
// after typing its slug ("default" never), switched to; a token created and shown once (and it
// authenticates: its SHA-256 is what the store keeps), copied, revoked after a confirmation.
#include "deletetenantdialog.h"
#include "messagebar.h"
#include "newtokendialog.h"
#include "store.h"
#include "storereader.h"
#include "tenantformdialog.h"
#include "tenantsdialog.h"
#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace CallScope;
using namespace CallScope::Test;
using namespace Qt::Literals::StringLiterals;

class TestTenantsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void slugSuggestion_data();
    void slugSuggestion();
    void createRefusesAnInvalidOrTakenSlugNextToTheField();
    void renameChangesTheNameOnly();
    void deleteNeedsTheSlugTypedAndCancelKeepsTheTenant();
    void theDefaultTenantCannotBeDeleted();
    void switchToAsksTheMainWindowAndMarksTheTenant();
    void aNewTokenIsShownOnceAndAuthenticates();
    void revokeAsksFirstThenListsTheTokenAsRevoked();
    void changesMadeElsewhereAreListed();

private:
    std::unique_ptr<TenantsDialog> openDialog();
    // The visible dialog of type T that `dialog` opened.
    template<typename T> T *opened(TenantsDialog *dialog);
    QPushButton *button(QWidget *dialog, const QString &name);
    QTreeWidgetItem *row(QTreeWidget *list, const QString &key);
    Tenant createTenant(const QString &slug, const QString &name);

    TestDatabase m_database;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<StoreReader> m_reader;
};

void TestTenantsDialog::init()
{
    QVERIFY2(m_database.unavailableReason().isEmpty(), qPrintable(m_database.unavailableReason()));
    const DatabaseUrl url = m_database.fresh();
    auto store = Store::open(url, url.password);
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
    m_store = std::move(*store);
    auto reader = StoreReader::open(url, url.password);
    QVERIFY2(reader, reader ? "" : qPrintable(reader.error().message));
    m_reader = std::move(*reader);
}

void TestTenantsDialog::cleanup()
{
    m_reader.reset();
    m_store.reset();
}

std::unique_ptr<TenantsDialog> TestTenantsDialog::openDialog()
{
    auto dialog = std::make_unique<TenantsDialog>(m_store.get(), m_reader.get());
    dialog->show();
    return dialog;
}

template<typename T> T *TestTenantsDialog::opened(TenantsDialog *dialog)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        for (T *candidate : dialog->findChildren<T *>()) {
            if (candidate->isVisible())
                found = candidate;
        }
        return found != nullptr;
    });
    return shown ? found : nullptr;
}

QPushButton *TestTenantsDialog::button(QWidget *dialog, const QString &name)
{
    return dialog->findChild<QPushButton *>(name);
}

QTreeWidgetItem *TestTenantsDialog::row(QTreeWidget *list, const QString &key)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->data(0, Qt::UserRole).toString() == key)
            return list->topLevelItem(i);
    }
    return nullptr;
}

Tenant TestTenantsDialog::createTenant(const QString &slug, const QString &name)
{
    return *committed(*m_store, m_store->createTenant(slug, name), StoreChanges::Tenants);
}

void TestTenantsDialog::slugSuggestion_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::newRow("words become hyphenated lower case") << u"Praxis am Markt"_s << u"praxis-am-markt"_s;
    QTest::newRow("German umlauts are spelt out")
        << u"Zahnärzte Müller & Söhne"_s << u"zahnaerzte-mueller-soehne"_s;
    QTest::newRow("other accents are dropped") << u"  Café Crème "_s << u"cafe-creme"_s;
    QTest::newRow("runs of other characters are one hyphen") << u"Hair -- & -- Beauty!"_s << u"hair-beauty"_s;
    QTest::newRow("digits stay") << u"Physio 24/7"_s << u"physio-24-7"_s;
    QTest::newRow("at most 40 characters, not ending in a hyphen")
        << u"Gemeinschaftspraxis für Physiotherapie und Osteopathie"_s
        << u"gemeinschaftspraxis-fuer-physiotherapie"_s;
    QTest::newRow("nothing usable gives nothing") << u"!!!"_s << QString();
}

void TestTenantsDialog::slugSuggestion()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QCOMPARE(TenantFormDialog::suggestSlug(name), slug);
    QVERIFY(slug.isEmpty() || Store::isValidSlug(slug));
}

void TestTenantsDialog::createRefusesAnInvalidOrTakenSlugNextToTheField()
{
    createTenant(u"salon-locke"_s, u"Salon Locke"_s);
    auto dialog = openDialog();
    QSignalSpy changed(dialog.get(), &TenantsDialog::tenantsChanged);
    QTest::mouseClick(button(dialog.get(), u"newTenantButton"_s), Qt::LeftButton);
    auto *form = opened<TenantFormDialog>(dialog.get());
    QVERIFY(form);
    QVERIFY(!form->okButton()->isEnabled()); // nothing typed yet

    // The slug follows the name.
    QTest::keyClicks(form->nameField(), u"Praxis am Markt"_s);
    QCOMPARE(form->slugField()->text(), u"praxis-am-markt"_s);
    QVERIFY(form->okButton()->isEnabled());

    auto *slugProblem = form->findChild<QLabel *>(u"tenantSlugProblem"_s);
    QVERIFY(slugProblem);
    QVERIFY(!slugProblem->isVisible());
    form->slugField()->selectAll();
    QTest::keyClicks(form->slugField(), u"Praxis_am_Markt"_s);
    QVERIFY(!form->okButton()->isEnabled());
    QVERIFY(slugProblem->isVisible());
    QVERIFY2(slugProblem->text().contains(u"lower-case letters"_s), qPrintable(slugProblem->text()));
    // Edited by hand, the slug no longer follows the name.
    QTest::keyClicks(form->nameField(), u" 2"_s);
    QCOMPARE(form->slugField()->text(), u"Praxis_am_Markt"_s);

    form->slugField()->selectAll();
    QTest::keyClicks(form->slugField(), u"salon-locke"_s);
    QVERIFY(!form->okButton()->isEnabled());
    QVERIFY2(slugProblem->text().contains(u"“Salon Locke” has this slug already"_s),
             qPrintable(slugProblem->text()));
    // Enter does not get past a refused slug.
    QTest::keyClick(form->slugField(), Qt::Key_Return);
    QVERIFY(form->isVisible());

    // A name over 100 characters is refused beside the name.
    const QString longName(101, u'x');
    form->nameField()->setText(longName);
    auto *nameProblem = form->findChild<QLabel *>(u"tenantNameProblem"_s);
    QVERIFY(nameProblem->isVisible());
    QVERIFY2(nameProblem->text().contains(u"100"_s), qPrintable(nameProblem->text()));
    form->nameField()->setText(u"Praxis am Markt"_s);
    QVERIFY(!nameProblem->isVisible());

    form->slugField()->selectAll();
    QTest::keyClicks(form->slugField(), u"praxis-am-markt"_s);
    QVERIFY(!slugProblem->isVisible());
    QVERIFY(form->okButton()->isEnabled());
    QTest::mouseClick(form->okButton(), Qt::LeftButton);

    QTRY_VERIFY(m_reader->tenant(u"praxis-am-markt"_s).has_value());
    QCOMPARE(m_reader->tenant(u"praxis-am-markt"_s)->name, u"Praxis am Markt"_s);
    QTRY_VERIFY(row(dialog->tenantList(), u"praxis-am-markt"_s));
    QCOMPARE(row(dialog->tenantList(), u"praxis-am-markt"_s)->text(0), u"Praxis am Markt"_s);
    QCOMPARE(dialog->selectedTenant(), u"praxis-am-markt"_s);
    QCOMPARE(changed.size(), 1);
}

void TestTenantsDialog::renameChangesTheNameOnly()
{
    createTenant(u"physio-nord"_s, u"Physio Nord"_s);
    auto dialog = openDialog();
    dialog->selectTenant(u"physio-nord"_s);
    QTest::mouseClick(button(dialog.get(), u"renameTenantButton"_s), Qt::LeftButton);
    auto *form = opened<TenantFormDialog>(dialog.get());
    QVERIFY(form);
    QCOMPARE(form->nameField()->text(), u"Physio Nord"_s);
    QVERIFY(form->slugField()->isReadOnly());
    QVERIFY(!form->okButton()->isEnabled()); // unchanged

    form->nameField()->clear();
    QVERIFY(!form->okButton()->isEnabled());
    QTest::keyClicks(form->nameField(), u"   "_s);
    QVERIFY(!form->okButton()->isEnabled());
    QVERIFY(form->findChild<QLabel *>(u"tenantNameProblem"_s)->isVisible());
    form->nameField()->clear();
    QTest::keyClicks(form->nameField(), u"Physiotherapie Nord"_s);
    QVERIFY(form->okButton()->isEnabled());
    QTest::mouseClick(form->okButton(), Qt::LeftButton);

    QTRY_COMPARE(m_reader->tenant(u"physio-nord"_s)->name, u"Physiotherapie Nord"_s);
    QTRY_COMPARE(row(dialog->tenantList(), u"physio-nord"_s)->text(0), u"Physiotherapie Nord"_s);
    QCOMPARE(dialog->selectedTenant(), u"physio-nord"_s);
}

void TestTenantsDialog::deleteNeedsTheSlugTypedAndCancelKeepsTheTenant()
{
    const Tenant praxis = createTenant(u"praxis-am-markt"_s, u"Praxis am Markt"_s);
    CallEvents events{statusEvent(Provider::Vapi, u"call-1"_s, CallStatus::Ended, 1'790'000'000'000)};
    committed(*m_store,
              m_store->ingest(
                  IngestSubmission{praxis.slug, {makeUnit(Provider::Vapi, u"e1"_s, u"call-1"_s, events)}}),
              StoreChanges::Calls);
    committed(*m_store, m_store->createToken(praxis.slug, u"ingest"_s, u"Backend"_s), StoreChanges::Tokens);

    auto dialog = openDialog();
    dialog->selectTenant(praxis.slug);
    QTest::mouseClick(button(dialog.get(), u"deleteTenantButton"_s), Qt::LeftButton);
    auto *confirm = opened<DeleteTenantDialog>(dialog.get());
    QVERIFY(confirm);
    const QString question = confirm->findChild<QLabel *>(u"deleteTenantQuestion"_s)->text();
    QCOMPARE(question, u"Delete “Praxis am Markt” and its 1 call and 1 token?"_s);
    // Not the default button, and disabled until the slug is typed.
    QVERIFY(!confirm->deleteButton()->isEnabled());
    QVERIFY(!confirm->deleteButton()->isDefault());
    QVERIFY(confirm->cancelButton()->isDefault());
    QTest::keyClicks(confirm->confirmField(), u"praxis"_s);
    QVERIFY(!confirm->deleteButton()->isEnabled());
    QTest::keyClick(confirm->confirmField(), Qt::Key_Return);
    QTRY_VERIFY(!confirm->isVisible()); // Enter is Cancel
    QTest::qWait(50);
    QVERIFY(m_reader->tenant(praxis.slug).has_value());
    QVERIFY(row(dialog->tenantList(), praxis.slug));

    QTest::mouseClick(button(dialog.get(), u"deleteTenantButton"_s), Qt::LeftButton);
    QPointer<DeleteTenantDialog> again = opened<DeleteTenantDialog>(dialog.get());
    QVERIFY(again);
    QTest::mouseClick(again->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!again || !again->isVisible());
    QVERIFY(m_reader->tenant(praxis.slug).has_value());

    QTest::mouseClick(button(dialog.get(), u"deleteTenantButton"_s), Qt::LeftButton);
    auto *third = opened<DeleteTenantDialog>(dialog.get());
    QVERIFY(third);
    QSignalSpy changed(dialog.get(), &TenantsDialog::tenantsChanged);
    QTest::keyClicks(third->confirmField(), u"praxis-am-markt"_s);
    QVERIFY(third->deleteButton()->isEnabled());
    QTest::mouseClick(third->deleteButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_reader->tenant(praxis.slug).has_value());
    QTRY_VERIFY(!row(dialog->tenantList(), praxis.slug));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(dialog->selectedTenant(), u"default"_s);
}

void TestTenantsDialog::theDefaultTenantCannotBeDeleted()
{
    auto dialog = openDialog();
    dialog->selectTenant(u"default"_s);
    QPushButton *remove = button(dialog.get(), u"deleteTenantButton"_s);
    QVERIFY(!remove->isEnabled());
    QVERIFY2(remove->toolTip().contains(u"cannot be deleted"_s), qPrintable(remove->toolTip()));
    QVERIFY(button(dialog.get(), u"renameTenantButton"_s)->isEnabled());
    createTenant(u"salon-locke"_s, u"Salon Locke"_s);
    QTRY_VERIFY(row(dialog->tenantList(), u"salon-locke"_s));
    dialog->selectTenant(u"salon-locke"_s);
    QVERIFY(remove->isEnabled());
    QVERIFY(remove->toolTip().isEmpty());
}

void TestTenantsDialog::switchToAsksTheMainWindowAndMarksTheTenant()
{
    createTenant(u"salon-locke"_s, u"Salon Locke"_s);
    auto dialog = openDialog();
    QSignalSpy requested(dialog.get(), &TenantsDialog::currentTenantRequested);
    QTreeWidgetItem *current = row(dialog->tenantList(), u"default"_s);
    QVERIFY(current->font(0).bold());
    QVERIFY(current->text(0).endsWith(u"(current)"_s));
    QPushButton *switchTo = button(dialog.get(), u"switchTenantButton"_s);
    QVERIFY(!switchTo->isEnabled()); // it is the current one
    dialog->selectTenant(u"salon-locke"_s);
    QVERIFY(switchTo->isEnabled());
    QTest::mouseClick(switchTo, Qt::LeftButton);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), u"salon-locke"_s);
    QCOMPARE(dialog->currentTenant(), u"salon-locke"_s);
    QTreeWidgetItem *salon = row(dialog->tenantList(), u"salon-locke"_s);
    QVERIFY(salon->font(0).bold());
    QCOMPARE(salon->text(0), u"Salon Locke (current)"_s);
    QVERIFY(!row(dialog->tenantList(), u"default"_s)->font(0).bold());
    QVERIFY(!switchTo->isEnabled());
}

void TestTenantsDialog::aNewTokenIsShownOnceAndAuthenticates()
{
    const Tenant salon = createTenant(u"salon-locke"_s, u"Salon Locke"_s);
    auto dialog = openDialog();
    dialog->selectTenant(salon.slug);
    QVERIFY(dialog->findChild<QLabel *>(u"noTokensLabel"_s)->isVisible());
    QTest::mouseClick(button(dialog.get(), u"newTokenButton"_s), Qt::LeftButton);
    QPointer<NewTokenDialog> create = opened<NewTokenDialog>(dialog.get());
    QVERIFY(create);
    QVERIFY(!create->isShowingToken());
    QCOMPARE(create->scope(), u"ingest"_s);
    QTest::mouseClick(create->findChild<QRadioButton *>(u"tokenScopeRead"_s), Qt::LeftButton);
    QCOMPARE(create->scope(), u"read"_s);
    QTest::keyClicks(create->labelField(), u"Grafana"_s);
    QTest::mouseClick(create->createButton(), Qt::LeftButton);

    QTRY_VERIFY(create->isShowingToken());
    const QString token = create->tokenField()->text();
    QCOMPARE(token, create->token());
    QVERIFY(create->tokenField()->isReadOnly());
    QVERIFY2(token.startsWith(u"cs_read_"_s), qPrintable(token));
    QVERIFY(
        create->findChild<QLabel *>(u"tokenWarningText"_s)->text().contains(u"will not be shown again"_s));

    // It authenticates: the store knows it by its id, for this tenant and scope, by its SHA-256.
    const QString tokenId = token.section(u'_', 2, 2);
    const auto stored = m_reader->token(tokenId);
    QVERIFY(stored);
    QCOMPARE(stored->tenantSlug, salon.slug);
    QCOMPARE(stored->scope, u"read"_s);
    QVERIFY(!stored->revoked);
    QCOMPARE(stored->hash, QString::fromLatin1(
                               QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex()));

    QTest::mouseClick(create->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), token);
    QGuiApplication::clipboard()->clear();

    // Listed, without the token itself.
    QTRY_VERIFY(row(dialog->tokenList(), tokenId));
    QTreeWidgetItem *listed = row(dialog->tokenList(), tokenId);
    QCOMPARE(listed->text(0), u"Grafana"_s);
    QCOMPARE(listed->text(1), u"Read"_s);
    QCOMPARE(listed->text(3), u"Never"_s);
    QCOMPARE(listed->text(4), u"Active"_s);
    QCOMPARE(dialog->selectedTokenId(), tokenId);

    // Closed, the token is gone: the dialog forgot it and is deleted, and nothing else shows it.
    QTest::mouseClick(create->doneButton(), Qt::LeftButton);
    QVERIFY(!create || create->token().isEmpty());
    QTRY_VERIFY(!create);
    for (const QLineEdit *field : dialog->findChildren<QLineEdit *>())
        QVERIFY(!field->text().contains(token));
    for (int i = 0; i < dialog->tokenList()->topLevelItemCount(); ++i) {
        for (int column = 0; column < 5; ++column)
            QVERIFY(!dialog->tokenList()->topLevelItem(i)->text(column).contains(token.right(20)));
    }
}

void TestTenantsDialog::revokeAsksFirstThenListsTheTokenAsRevoked()
{
    const Tenant salon = createTenant(u"salon-locke"_s, u"Salon Locke"_s);
    const auto created = committed(
        *m_store, m_store->createToken(salon.slug, u"ingest"_s, u"Booking backend"_s), StoreChanges::Tokens);
    auto dialog = openDialog();
    dialog->selectTenant(salon.slug);
    QPushButton *revoke = button(dialog.get(), u"revokeTokenButton"_s);
    QVERIFY(!revoke->isEnabled()); // no token selected
    dialog->selectToken(created->tokenId);
    QVERIFY(revoke->isEnabled());

    QTest::mouseClick(revoke, Qt::LeftButton);
    QPointer<QMessageBox> box = opened<QMessageBox>(dialog.get());
    QVERIFY(box);
    QVERIFY(box->text().contains(u"“Booking backend”"_s));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!box);
    QTest::qWait(50);
    QVERIFY(!m_reader->token(created->tokenId)->revoked);

    QTest::mouseClick(revoke, Qt::LeftButton);
    box = opened<QMessageBox>(dialog.get());
    QVERIFY(box);
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmRevokeButton"_s), Qt::LeftButton);
    QTRY_VERIFY(m_reader->token(created->tokenId)->revoked);
    QTRY_VERIFY(row(dialog->tokenList(), created->tokenId)->text(4).startsWith(u"Revoked "_s));
    dialog->selectToken(created->tokenId);
    QVERIFY(!revoke->isEnabled());
}

void TestTenantsDialog::changesMadeElsewhereAreListed()
{
    auto dialog = openDialog();
    const Tenant praxis = createTenant(u"praxis-am-markt"_s, u"Praxis am Markt"_s);
    QTRY_VERIFY(row(dialog->tenantList(), praxis.slug));
    dialog->selectTenant(praxis.slug);
    const auto created = committed(*m_store, m_store->createToken(praxis.slug, u"read"_s, u"Dashboard"_s),
                                   StoreChanges::Tokens);
    QTRY_VERIFY(row(dialog->tokenList(), created->tokenId));
    committed(*m_store, m_store->renameTenant(praxis.slug, u"Praxis am Marktplatz"_s), StoreChanges::Tenants);
    QTRY_COMPARE(row(dialog->tenantList(), praxis.slug)->text(0), u"Praxis am Marktplatz"_s);
    QCOMPARE(dialog->selectedTenant(), praxis.slug); // the selection stays
}

QTEST_MAIN(TestTenantsDialog)
#include "tst_tenantsdialog.moc"
