#include "WebLog.h"

Q_LOGGING_CATEGORY(lcWeb, "coursebook.web", QtCriticalMsg)
