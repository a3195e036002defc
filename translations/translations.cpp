// SPDX-License-Identifier: GPL-3.0-or-later
// The translations are embedded as resources of this library (qt_add_translations); this file only
// gives the library an object file of its own.
namespace CallScope {
int translationsLinked = 1;
}
