// SPDX-License-Identifier: GPL-3.0-or-later
// How the settings dialog's pages are built alike: a scrolling column of titled groups, each with a
// sentence of explanation and rows of label, field and the field's problem; and how a field is bound
// to its setting, checked and retranslated.
#include "settingsdialog.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace CallScope {

QVBoxLayout *SettingsDialog::addPage(Page page, Text title)
{
    Q_ASSERT(m_stack->count() == int(page)); // the pages are added in the order of Page
    auto *scroll = new QScrollArea(m_stack);
    scroll->setObjectName(u"settingsPage%1"_s.arg(int(page)));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setBackgroundRole(QPalette::Window);
    auto *content = new QWidget(scroll);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 10, 6);
    column->setSpacing(14);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);
    auto *item = new QListWidgetItem(m_pageList);
    item->setSizeHint(QSize(0, 34));
    m_pageTitles.insert(int(page), title);
    m_building = page;
    retranslated([item, title] { item->setText(title()); });
    return column;
}

SettingsDialog::Group SettingsDialog::addGroup(QVBoxLayout *column, Text title, Text explanation)
{
    auto *box = new QGroupBox(column->parentWidget());
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(14, 12, 14, 14);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    Group group{box, grid, 0};
    retranslated([box, title] { box->setTitle(title()); });
    if (explanation) {
        auto *hint = new QLabel(box);
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        grid->addWidget(hint, group.row++, 0, 1, 3);
        grid->setRowMinimumHeight(group.row++, 2);
        retranslated([hint, explanation] { hint->setText(explanation()); });
    }
    column->addWidget(box);
    m_labelColumns.append({m_building, grid, 0});
    return group;
}

SettingsDialog::Group SettingsDialog::addSubGroup(Group &group, int indent)
{
    auto *part = new QWidget(group.box);
    part->setContentsMargins(indent, 0, 0, 0);
    auto *grid = new QGridLayout(part);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(8);
    grid->setColumnStretch(1, 1);
    group.grid->addWidget(part, group.row++, 0, 1, 3);
    m_labelColumns.append({m_building, grid, indent});
    return Group{part, grid, 0};
}

QLabel *SettingsDialog::addRow(Group &group, Text label, QWidget *field, QWidget *trailing)
{
    auto *name = new QLabel(group.box);
    name->setBuddy(field);
    retranslated([name, label] { name->setText(label()); });
    group.grid->addWidget(name, group.row, 0, Qt::AlignLeft | Qt::AlignVCenter);
    if (trailing) {
        group.grid->addWidget(field, group.row, 1);
        group.grid->addWidget(trailing, group.row, 2);
    } else {
        group.grid->addWidget(field, group.row, 1, 1, 2);
    }
    ++group.row;
    m_rowLabels.append({name, group.grid});
    // Where the field's problem shows, right under it (hidden while there is none).
    auto *problem = new QLabel(group.box);
    problem->setObjectName(u"problem_"_s + field->objectName());
    problem->setWordWrap(true);
    problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problem->hide();
    group.grid->addWidget(problem, group.row++, 1, 1, 2);
    return problem;
}

QLabel *SettingsDialog::addNote(Group &group, QWidget *field, Text text)
{
    auto *note = new QLabel(group.box);
    note->setObjectName(u"note_"_s + field->objectName());
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    group.grid->addWidget(note, group.row++, 1, 1, 2);
    if (text)
        retranslated([note, text] { note->setText(text()); });
    return note;
}

void SettingsDialog::addOverrideNote(Group &group, QWidget *field, const QString &option)
{
    if (!m_env.commandLineOverrides.contains(option))
        return;
    QLabel *note = addNote(group, field, [option] {
        return tr("ⓘ CallScope was started with %1 on its command line, which wins over this setting while "
                  "it runs.")
            .arg(option);
    });
    note->setObjectName(u"override_"_s + field->objectName());
}

void SettingsDialog::addCheck(Page page, QWidget *field, QLabel *problem, std::function<QString()> rule)
{
    m_checks.append(Check{page, field, problem, std::move(rule)});
}

void SettingsDialog::bind(Settings::Key key, std::function<void(const QVariant &)> show,
                          std::function<QVariant()> read)
{
    m_bindings.append(Binding{key, std::move(show), std::move(read), {}});
}

void SettingsDialog::retranslated(std::function<void()> apply)
{
    apply();
    m_texts.append(std::move(apply));
}

QLineEdit *SettingsDialog::lineEdit(const QString &objectName)
{
    auto *field = new QLineEdit(this);
    field->setObjectName(objectName);
    watch(field);
    return field;
}

QPushButton *SettingsDialog::browseButton(QLineEdit *field, bool saveFile, Text caption, Text filter)
{
    auto *button = new QPushButton(this);
    button->setObjectName(u"browse_"_s + field->objectName());
    button->setAutoDefault(false);
    retranslated([button] { button->setText(tr("Browse…")); });
    connect(button, &QPushButton::clicked, this, [this, field, saveFile, caption, filter] {
        const QString start = field->text().trimmed().isEmpty() ? QDir::homePath() : field->text().trimmed();
        const QString chosen = saveFile
                                   ? QFileDialog::getSaveFileName(this, caption(), start, filter(), nullptr,
                                                                  QFileDialog::DontConfirmOverwrite)
                                   : QFileDialog::getOpenFileName(this, caption(), start, filter());
        if (!chosen.isEmpty())
            field->setText(QDir::toNativeSeparators(chosen));
    });
    return button;
}

QPushButton *SettingsDialog::copyButton(QLineEdit *field)
{
    auto *button = new QPushButton(this);
    button->setObjectName(u"copy_"_s + field->objectName());
    button->setAutoDefault(false);
    retranslated([button] {
        button->setText(tr("Copy"));
        button->setToolTip(tr("Copy the address to the clipboard"));
    });
    connect(button, &QPushButton::clicked, this, [field] {
        QGuiApplication::clipboard()->setText(field->text());
        field->selectAll();
    });
    return button;
}

void SettingsDialog::watch(QWidget *field)
{
    const auto changed = [this] {
        if (!m_loading)
            validate();
    };
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        connect(edit, &QLineEdit::textChanged, this, changed);
    else if (auto *spin = qobject_cast<QSpinBox *>(field))
        connect(spin, &QSpinBox::valueChanged, this, changed);
    else if (auto *combo = qobject_cast<QComboBox *>(field))
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    else if (auto *button = qobject_cast<QAbstractButton *>(field))
        connect(button, &QAbstractButton::toggled, this, changed);
    else if (auto *secret = qobject_cast<SecretField *>(field))
        connect(secret, &SecretField::edited, this, changed);
}

} // namespace CallScope
