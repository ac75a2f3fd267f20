#pragma once

#include <QLoggingCategory>

// The ui library's log ("coursebook.ui"): quiet unless asked for, as with
// QT_LOGGING_RULES="coursebook.*=true"; what the reader needs to know reaches them otherwise.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
