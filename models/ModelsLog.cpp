#include "ModelsLog.h"

namespace qidong::models {
Q_LOGGING_CATEGORY(lcModels, "qidong.models")
} // namespace qidong::models
