#include "StoreLog.h"

Q_LOGGING_CATEGORY(lcStore, "coursebook.store", QtCriticalMsg)
