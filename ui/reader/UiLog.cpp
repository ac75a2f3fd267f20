#include "UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "coursebook.ui", QtCriticalMsg)
