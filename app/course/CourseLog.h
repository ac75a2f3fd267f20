#pragma once

#include <QLoggingCategory>

// The course library's log ("coursebook.course"): quiet unless asked for, as with
// QT_LOGGING_RULES="coursebook.*=true"; what the reader needs to know reaches them otherwise.
Q_DECLARE_LOGGING_CATEGORY(lcCourse)
