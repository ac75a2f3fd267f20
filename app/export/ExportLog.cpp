#include "ExportLog.h"

Q_LOGGING_CATEGORY(lcExport, "coursebook.export", QtCriticalMsg)
