// SPDX-License-Identifier: GPL-3.0-or-later
#include "simids.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace CallScope::Sim {

namespace {

const QString alphanumerics = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_s;

QString digits(quint64 value, int count)
{
    quint64 modulus = 1;
    for (int i = 0; i < count; ++i)
        modulus *= 10;
    return u"%1"_s.arg(value % modulus, count, 10, QChar(u'0'));
}

struct Block
{
    QString prefix; // E.164 up to the free digits
    int freeDigits;
};

// Landlines for businesses, landlines and mobiles for callers; the two never share a number.
const QList<Block> &blocks(Country country, bool business)
{
    static const QList<Block> usBusinesses{{u"+141555501"_s, 2}, {u"+121255501"_s, 2}, {u"+161755501"_s, 2}};
    static const QList<Block> usCallers{{u"+131255501"_s, 2},
                                        {u"+120655501"_s, 2},
                                        {u"+151255501"_s, 2},
                                        {u"+164655501"_s, 2},
                                        {u"+162855501"_s, 2}};
    static const QList<Block> ukBusinesses{{u"+4420794600"_s, 2}, {u"+4420794610"_s, 2}};
    static const QList<Block> ukCallers{{u"+4477009000"_s, 2}, {u"+4477009001"_s, 2}, {u"+4420794620"_s, 2}};
    static const QList<Block> deBusinesses{{u"+4930231250"_s, 2}, {u"+4969900090"_s, 2}};
    static const QList<Block> deCallers{
        {u"+4930231255"_s, 2}, {u"+4969900095"_s, 2}, {u"+494066969"_s, 3}, {u"+498999998"_s, 3}};
    switch (country) {
    case Country::US:
        return business ? usBusinesses : usCallers;
    case Country::UK:
        return business ? ukBusinesses : ukCallers;
    case Country::DE:
        return business ? deBusinesses : deCallers;
    }
    return usCallers;
}

} // namespace

quint64 streamSeed(quint64 seed, quint64 stream)
{
    // splitmix64 over the pair: neighbouring seeds and streams give unrelated generators.
    quint64 z = seed * 0x9E3779B97F4A7C15ULL + stream + 0x632BE59BD9B4E019ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

quint64 stableHash(const QString &text)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const char byte : text.toUtf8()) {
        hash ^= quint8(byte);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

QString randomHex(QRandomGenerator &random, int count)
{
    QString out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out += QChar(u"0123456789abcdef"[random.bounded(16)]);
    return out;
}

QString randomAlphanumeric(QRandomGenerator &random, int length)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += alphanumerics.at(random.bounded(int(alphanumerics.size())));
    return out;
}

QString randomUuid(QRandomGenerator &random)
{
    // Version 4, variant 10xx, as the providers' UUIDs are.
    const QString hex = randomHex(random, 32);
    const QString variant = QString(QChar(u"89ab"[random.bounded(4)]));
    return hex.mid(0, 8) + u'-' + hex.mid(8, 4) + u"-4"_s + hex.mid(13, 3) + u'-' + variant + hex.mid(17, 3) +
           u'-' + hex.mid(20, 12);
}

QString customerNumber(QRandomGenerator &random, Country country)
{
    const QList<Block> &choices = blocks(country, false);
    const Block &block = choices.at(random.bounded(int(choices.size())));
    return block.prefix + digits(random.generate64(), block.freeDigits);
}

QString businessNumber(const QString &key, Country country)
{
    const quint64 hash = stableHash(key);
    const QList<Block> &choices = blocks(country, true);
    const Block &block = choices.at(int(hash % quint64(choices.size())));
    return block.prefix + digits(hash / 7, block.freeDigits);
}

QString nationalFormat(const QString &e164)
{
    if (e164.startsWith(u"+1"_s) && e164.size() == 12)
        return u"(%1) %2-%3"_s.arg(e164.mid(2, 3), e164.mid(5, 3), e164.mid(8, 4));
    if (e164.startsWith(u"+4420"_s))
        return u"020 "_s + e164.mid(5, 4) + u' ' + e164.mid(9);
    if (e164.startsWith(u"+447"_s))
        return u'0' + e164.mid(3, 4) + u' ' + e164.mid(7);
    if (e164.startsWith(u"+49"_s)) {
        // The blocks above all have two-digit area codes (030, 040, 069, 089).
        const QString national = u'0' + e164.mid(3);
        return national.left(3) + u' ' + national.mid(3, 5) + u' ' + national.mid(8);
    }
    return e164;
}

} // namespace CallScope::Sim
