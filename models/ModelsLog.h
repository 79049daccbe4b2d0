#pragma once

#include <QLoggingCategory>

namespace qidong::models {
Q_DECLARE_LOGGING_CATEGORY(lcModels)
} // namespace qidong::models
