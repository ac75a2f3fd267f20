#include "CourseLog.h"

Q_LOGGING_CATEGORY(lcCourse, "coursebook.course", QtCriticalMsg)
