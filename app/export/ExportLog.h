#pragma once

#include <QLoggingCategory>

// The export library's log ("coursebook.export"): quiet unless asked for, as with
// QT_LOGGING_RULES="coursebook.*=true"; what the reader needs to know reaches them otherwise.
Q_DECLARE_LOGGING_CATEGORY(lcExport)
