#include "RenderLog.h"

Q_LOGGING_CATEGORY(lcRender, "coursebook.render", QtCriticalMsg)
