#pragma once

#include <QLoggingCategory>

// The workbook library's log ("coursebook.store"): quiet unless asked for, as with
// QT_LOGGING_RULES="coursebook.*=true"; what the reader needs to know reaches them otherwise.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
