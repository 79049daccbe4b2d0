#pragma once

#include <QLoggingCategory>

namespace qidong::core {
Q_DECLARE_LOGGING_CATEGORY(lcCore)
} // namespace qidong::core
