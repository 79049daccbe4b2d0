#pragma once

#include <QDateTime>

namespace qidong::hub {

// Wall-clock milliseconds since the epoch: what the protocol's times are in.
inline qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

} // namespace qidong::hub
