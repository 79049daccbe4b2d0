#pragma once

#include "protocol/Error.h"

#include <QCoreApplication>

namespace qidong::ui {

// What an agent reads for an error: plain words per code, translated.
class ErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    static QString describe(const protocol::Error& error);
};

} // namespace qidong::ui
