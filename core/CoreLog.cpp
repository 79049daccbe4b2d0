#include "CoreLog.h"

namespace qidong::core {
Q_LOGGING_CATEGORY(lcCore, "qidong.core")
} // namespace qidong::core
