#pragma once

#include <QLoggingCategory>

// The web library's log ("coursebook.web"): quiet unless asked for, as with
// QT_LOGGING_RULES="coursebook.*=true"; what the reader needs to know reaches them otherwise.
Q_DECLARE_LOGGING_CATEGORY(lcWeb)
