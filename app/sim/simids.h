// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRandomGenerator>
#include <QString>

// Identifiers and phone numbers as the providers and carriers write them, drawn from a seeded
// generator so that a seed always gives the same calls.
namespace CallScope::Sim {

// Independent streams per call: the calls of a seed do not depend on how many others are drawn.
quint64 streamSeed(quint64 seed, quint64 stream);
// FNV-1a, stable across runs and platforms (qHash is seeded per process).
quint64 stableHash(const QString &text);

QString randomHex(QRandomGenerator &random, int digits);
QString randomAlphanumeric(QRandomGenerator &random, int length);
QString randomUuid(QRandomGenerator &random);

enum class Country
{
    US,
    UK,
    DE
};

// E.164 numbers from the blocks regulators set aside for fiction, so that no real subscriber is ever
// named: NANP 555-0100..0199, Ofcom's drama numbers (020 7946 0xxx, 07700 900xxx) and the
// Bundesnetzagentur's numbers for film and television (030 23125 xxx, 069 90009 xxx, 040 66969 xxx,
// 089 99998 xxx).
QString customerNumber(QRandomGenerator &random, Country country);
// The same business always has the same number (`key` names it).
QString businessNumber(const QString &key, Country country);
// "+14155550142" → "(415) 555-0142"; "+442079460321" → "020 7946 0321"; "+493023125123" → "030 23125 123".
QString nationalFormat(const QString &e164);

} // namespace CallScope::Sim
