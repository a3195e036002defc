// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcApp, "callscope.app", QtInfoMsg)
// Quiet by default: a request line per request is for debugging (QT_LOGGING_RULES=callscope.http.debug=true).
Q_LOGGING_CATEGORY(lcHttp, "callscope.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "callscope.secrets", QtInfoMsg)
// The callback dispatcher: one line per hand-off that failed; successes at debug level.
Q_LOGGING_CATEGORY(lcCallbacks, "callscope.callbacks", QtInfoMsg)
